package dev.clobcancel.domain.heartbeat;

import dev.clobcancel.domain.retry.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link HeartbeatKeeper} stands at one instant: an immutable snapshot, for an app to show,
 * alert on, or stop trading by.
 *
 * <pre>{@code
 * HeartbeatHealth health = keeper.health();
 * if (health.timeLeft().compareTo(Duration.ofSeconds(3)) < 0) pauseQuoting(); // the switch may trip soon
 * }</pre>
 */
public final class HeartbeatHealth {

    /** Where the keeper stands. */
    public enum State {
        /** Built, {@link HeartbeatKeeper#start()} not yet called. */
        NOT_STARTED,
        /** Started; no heartbeat answered yet, so the switch is not armed by this keeper. */
        STARTING,
        /** The last heartbeat was answered: the switch is armed. */
        ARMED,
        /** The last heartbeat failed, but an earlier one still keeps the switch armed for {@link #timeLeft()}. */
        FAILING,
        /**
         * No heartbeat answered for a whole window: since the last answered one (the exchange has
         * canceled every open order of the account), or, when none was, since the start. The
         * keeper goes on trying, with a new chain.
         */
        LAPSED,
        /** {@link HeartbeatKeeper#stop()} was called: no more heartbeats are sent. */
        STOPPED
    }

    private final State state;
    private final Instant at;
    private final Instant lastSuccess;
    private final int consecutiveFailures;
    private final Duration timeLeft;
    private final Throwable lastFailure;
    private final int chainsStarted;
    private final int chainsResumed;

    HeartbeatHealth(State state, Instant at, Instant lastSuccess, int consecutiveFailures, Duration timeLeft,
                    Throwable lastFailure, int chainsStarted, int chainsResumed) {
        this.state = Objects.requireNonNull(state, "state");
        this.at = Objects.requireNonNull(at, "at");
        this.lastSuccess = lastSuccess;
        this.consecutiveFailures = consecutiveFailures;
        this.timeLeft = Objects.requireNonNull(timeLeft, "timeLeft");
        this.lastFailure = lastFailure;
        this.chainsStarted = chainsStarted;
        this.chainsResumed = chainsResumed;
    }

    public State state() {
        return state;
    }

    /** Whether the exchange's switch is armed by this keeper's heartbeats: one was answered less than a window ago. */
    public boolean armed() {
        return lastSuccess != null && timeLeft.compareTo(Duration.ZERO) > 0;
    }

    /** When this snapshot was taken, by the keeper's clock. */
    public Instant at() {
        return at;
    }

    /** When the exchange's answer to the latest successful heartbeat came. */
    public Optional<Instant> lastSuccess() {
        return Optional.ofNullable(lastSuccess);
    }

    /** Heartbeats failed since the last one answered (each after the retries the client's policy allows). */
    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /**
     * How long until the exchange cancels every order unless a heartbeat gets through: the
     * window counted from the last success; zero when none was answered or the window has run
     * out. The exchange counts from when it received that heartbeat, up to a round trip earlier.
     */
    public Duration timeLeft() {
        return timeLeft;
    }

    /** The failure of the latest heartbeat, when it failed: usually a {@link dev.clobcancel.domain.failure.ClobException}. */
    public Optional<Throwable> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** What went wrong with the latest heartbeat, when it failed, in one line (never a secret). */
    public Optional<String> lastError() {
        return lastFailure().map(failure -> failure.getMessage() != null ? failure.getMessage() : failure.toString());
    }

    /**
     * How many heartbeat chains the keeper has started: 1 once armed, one more each time the
     * exchange refused the chain's id without naming the one it expects (the failure before says
     * why), or the switch lapsed.
     */
    public int chainsStarted() {
        return chainsStarted;
    }

    /**
     * How many times the keeper resumed its chain from the id the exchange said it expects (a
     * stale-id 400 naming it, as after an answer that was lost while the chain moved on), rather
     * than starting a new one.
     */
    public int chainsResumed() {
        return chainsResumed;
    }

    @Override
    public String toString() {
        return "HeartbeatHealth[" + state + (armed() ? ", " + Durations.show(timeLeft) + " left" : "")
                + ", last success " + (lastSuccess == null ? "none" : lastSuccess)
                + ", consecutive failures " + consecutiveFailures
                + lastError().map(error -> ", last error: " + error).orElse("") + "]";
    }
}
