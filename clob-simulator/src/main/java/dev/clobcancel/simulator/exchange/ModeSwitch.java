package dev.clobcancel.simulator.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The exchange's current mode. A mode set for a while (a restart of {@code forMs}) ends by
 * itself: the switch reads the clock when asked, so a manual clock moves it too.
 */
public final class ModeSwitch {

    /** The mode, and when it ends by itself (null: until changed). */
    public record State(ExchangeMode mode, Instant until) {
        public Optional<Instant> endsAt() {
            return Optional.ofNullable(until);
        }
    }

    private final Clock clock;
    private State state = new State(ExchangeMode.NORMAL, null);

    public ModeSwitch(Clock clock) {
        this.clock = clock;
    }

    /** Sets the mode until changed, or for {@code duration} and then back to normal. */
    public synchronized void set(ExchangeMode mode, Duration duration) {
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw RejectedException.badRequest("forMs must be more than 0");
        }
        if (duration != null && mode == ExchangeMode.NORMAL) {
            throw RejectedException.badRequest("forMs goes with a mode other than normal");
        }
        state = new State(mode, duration == null ? null : clock.instant().plus(duration));
    }

    public synchronized State state() {
        if (state.until() != null && !clock.instant().isBefore(state.until())) {
            state = new State(ExchangeMode.NORMAL, null);
        }
        return state;
    }

    public ExchangeMode mode() {
        return state().mode();
    }
}
