package dev.clobcancel.simulator.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The exchange's current mode. A mode set for a while ends by itself: the switch reads the clock
 * when asked, so a manual clock moves it too. A restart set for a while is followed, as on the
 * exchange, by post-only (two minutes unless told otherwise) and then normal trading.
 *
 * <pre>{@code
 * modes.set(ExchangeMode.RESTARTING, Duration.ofSeconds(90), Duration.ofMinutes(2), null);
 * // restarting for 90 s, then post-only for 2 min, then normal
 * }</pre>
 */
public final class ModeSwitch {

    /** How long post-only lasts after a restart on the exchange: 2 minutes. */
    public static final Duration DEFAULT_POST_ONLY = Duration.ofMinutes(2);

    /** One stretch of a mode, until an instant (null: until changed). */
    public record Phase(ExchangeMode mode, Instant until) {
    }

    /**
     * The mode, when it ends by itself (null: until changed), the phase that follows it (null:
     * normal trading, or none when the mode does not end), and the wait to tell refused callers.
     */
    public record State(ExchangeMode mode, Instant until, Phase then, Duration retryAfter) {
        public Optional<Instant> endsAt() {
            return Optional.ofNullable(until);
        }

        public Optional<Phase> next() {
            return Optional.ofNullable(then);
        }

        /** How long a refused caller should wait: till the mode ends, else as set, else unknown. */
        public Optional<Duration> retryAfter(Instant now) {
            if (until != null) {
                return Optional.of(Duration.between(now, until));
            }
            if (retryAfter != null) {
                return Optional.of(retryAfter);
            }
            return mode == ExchangeMode.POST_ONLY ? Optional.of(DEFAULT_POST_ONLY) : Optional.empty();
        }
    }

    private final Clock clock;
    private final Deque<Phase> phases = new ArrayDeque<>();
    private Duration retryAfter;

    public ModeSwitch(Clock clock) {
        this.clock = clock;
    }

    /** Sets the mode until changed, or for {@code duration} and then back to normal (after post-only, for a restart). */
    public void set(ExchangeMode mode, Duration duration) {
        set(mode, duration, null, null);
    }

    /**
     * Sets the mode.
     *
     * @param duration   how long it lasts (null: until changed)
     * @param postOnly   for a restart with a duration: how long post-only follows it (null: 2 minutes, zero: none)
     * @param retryAfter the wait a refused caller is told while the mode has no end (null: none, post-only's 2 minutes)
     */
    public synchronized void set(ExchangeMode mode, Duration duration, Duration postOnly, Duration retryAfter) {
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new InvalidInputException("a mode's duration must be more than 0");
        }
        if (duration != null && mode == ExchangeMode.NORMAL) {
            throw new InvalidInputException("a duration goes with a mode other than normal, which lasts until changed");
        }
        if (postOnly != null && (mode != ExchangeMode.RESTARTING || duration == null)) {
            throw new InvalidInputException("a post-only phase follows a restart with a duration only");
        }
        if (postOnly != null && postOnly.isNegative()) {
            throw new InvalidInputException("a post-only phase must last 0 or more");
        }
        if (retryAfter != null && retryAfter.toSeconds() < 1) {
            throw new InvalidInputException("a retry-after wait must be at least 1 second");
        }
        Instant now = clock.instant();
        phases.clear();
        this.retryAfter = retryAfter;
        if (mode == ExchangeMode.NORMAL) {
            return;
        }
        Instant until = duration == null ? null : now.plus(duration);
        phases.add(new Phase(mode, until));
        Duration followedBy = postOnly == null ? DEFAULT_POST_ONLY : postOnly;
        if (mode == ExchangeMode.RESTARTING && until != null && !followedBy.isZero()) {
            phases.add(new Phase(ExchangeMode.POST_ONLY, until.plus(followedBy)));
        }
    }

    public synchronized State state() {
        Instant now = clock.instant();
        while (!phases.isEmpty() && phases.peekFirst().until() != null && !now.isBefore(phases.peekFirst().until())) {
            phases.removeFirst();
        }
        Phase current = phases.peekFirst();
        if (current == null) {
            return new State(ExchangeMode.NORMAL, null, null, null);
        }
        Phase then = phases.size() > 1 ? phases.stream().skip(1).findFirst().orElseThrow() : null;
        return new State(current.mode(), current.until(), then, retryAfter);
    }

    public ExchangeMode mode() {
        return state().mode();
    }
}
