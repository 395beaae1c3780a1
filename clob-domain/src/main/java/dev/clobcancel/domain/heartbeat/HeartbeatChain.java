package dev.clobcancel.domain.heartbeat;

import dev.clobcancel.domain.failure.BadRequestException;
import dev.clobcancel.domain.heartbeat.HeartbeatHealth.State;
import java.time.Duration;
import java.time.Instant;

/**
 * What a {@link HeartbeatKeeper} knows of its chain, and the rules that follow from it: which id
 * the next heartbeat names, how long it has to get through, what an outcome changes, and the
 * health at any instant. No clock, no threads: the keeper passes the time in and holds the lock.
 */
final class HeartbeatChain {

    /**
     * The next heartbeat: the id it names (null: a new chain), how long it may take, and whether
     * it resumes the chain from the id the exchange said it expects.
     */
    record Beat(String previousId, Duration within, boolean resume) {
    }

    private final Duration window;
    private boolean started;
    private boolean stopped;
    private Instant startedAt;
    private String chainId;
    private Instant lastSuccess;
    private int consecutiveFailures;
    private Throwable lastFailure;
    private int chainsStarted;
    private int chainsResumed;
    /** The exchange named the id it expects: the next heartbeat names it, however long ago the last success was. */
    private boolean resuming;

    HeartbeatChain(Duration window) {
        this.window = window;
    }

    /** False when it was started already. */
    boolean start(Instant now) {
        if (started) {
            return false;
        }
        started = true;
        startedAt = now;
        return true;
    }

    /** False when it was stopped already. */
    boolean stop() {
        if (stopped) {
            return false;
        }
        stopped = true;
        return true;
    }

    boolean stopped() {
        return stopped;
    }

    /** The heartbeat to send at {@code now}: a chain's next, or a new chain's first once the window has run out. */
    Beat next(Instant now) {
        boolean windowLeft = lastSuccess != null && now.isBefore(lastSuccess.plus(window));
        if (resuming) {
            resuming = false;
            return new Beat(chainId, windowLeft ? Duration.between(now, lastSuccess.plus(window)) : window, true);
        }
        if (chainId != null && !windowLeft) {
            // The exchange has tripped the switch and dropped the chain: its id would be refused.
            chainId = null;
        }
        return new Beat(chainId, chainId == null ? window : Duration.between(now, lastSuccess.plus(window)), false);
    }

    void succeeded(Beat beat, String nextId, Instant now) {
        if (beat.previousId() == null) {
            chainsStarted++;
        } else if (beat.resume()) {
            chainsResumed++;
        }
        chainId = nextId;
        lastSuccess = now;
        consecutiveFailures = 0;
        lastFailure = null;
    }

    /**
     * Records a failed heartbeat. True when the next is to be sent at once: the exchange refused
     * the id (400) and named the one it expects, which the chain resumes from (at once unless
     * this very heartbeat was such a resume, so that two sides moving one chain on cannot spin);
     * or it refused the id without naming one, and a new chain needs no id and no wait.
     */
    boolean failed(Beat beat, Throwable failure) {
        consecutiveFailures++;
        lastFailure = failure;
        if (failure instanceof BadRequestException refused && refused.expectedHeartbeatId().isPresent()) {
            String expected = refused.expectedHeartbeatId().get();
            chainId = expected.isEmpty() ? null : expected;
            resuming = chainId != null;
            return !beat.resume();
        }
        if (beat.previousId() != null && failure instanceof BadRequestException) {
            chainId = null;
            return true;
        }
        return false;
    }

    HeartbeatHealth health(Instant now) {
        Duration left = lastSuccess == null ? Duration.ZERO : Duration.between(now, lastSuccess.plus(window));
        return new HeartbeatHealth(state(now), now, lastSuccess, consecutiveFailures, left.isNegative() ? Duration.ZERO : left,
                lastFailure, chainsStarted, chainsResumed);
    }

    private State state(Instant now) {
        if (stopped) {
            return State.STOPPED;
        }
        if (!started) {
            return State.NOT_STARTED;
        }
        boolean windowRanOut = !now.isBefore((lastSuccess != null ? lastSuccess : startedAt).plus(window));
        if (lastSuccess == null) {
            // A first heartbeat still on its way after a window is slow, not yet a failure.
            return windowRanOut && consecutiveFailures > 0 ? State.LAPSED : State.STARTING;
        }
        if (windowRanOut) {
            return State.LAPSED;
        }
        return consecutiveFailures == 0 ? State.ARMED : State.FAILING;
    }
}
