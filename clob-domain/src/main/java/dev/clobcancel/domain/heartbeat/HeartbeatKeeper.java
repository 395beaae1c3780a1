package dev.clobcancel.domain.heartbeat;

import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.port.CancelOrderPort;
import dev.clobcancel.domain.port.HeartbeatPort;
import dev.clobcancel.domain.retry.Durations;
import dev.clobcancel.domain.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the exchange's dead man's switch armed: sends a heartbeat every {@code interval}, each
 * naming the id the one before was answered with, so that the exchange cancels every order of
 * the account when this process goes quiet, and only then.
 *
 * <pre>{@code
 * HeartbeatKeeper keeper = HeartbeatKeeper.builder(clob)        // a ClobHttpClient
 *         .listener(health -> log.info("heartbeat: {}", health))
 *         .build();
 * keeper.start();
 * ...
 * keeper.stop(true);   // a clean shutdown: stop, and cancel every order now
 * }</pre>
 *
 * <ul>
 *   <li>One heartbeat at a time: the next is scheduled when the last has ended.</li>
 *   <li>A heartbeat is given until the switch would trip to get through, the port retrying
 *       passing failures (a 425 during a restart, a lost connection) within that time.</li>
 *   <li>When the exchange refuses the chain's id (400, as after an answer that was lost while
 *       the chain moved on) and names the id it expects, the chain resumes from that id at once;
 *       when it names none, a new chain is started at once.</li>
 *   <li>Once a window has passed without an answered heartbeat, the exchange has dropped the
 *       chain: the next heartbeat starts a new one.</li>
 *   <li>{@link #stop()} goes quiet, so the switch trips when the window runs out, canceling
 *       everything; {@link #stop(boolean) stop(true)} also cancels every order at once.</li>
 * </ul>
 *
 * Thread-safe. The listener is called on the thread that saw the change (the port's, for an
 * answer): it must not block.
 */
public final class HeartbeatKeeper implements AutoCloseable {


    /** Half the exchange's window: a heartbeat that fails leaves as long again to get one through. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    private static final System.Logger LOG = System.getLogger(HeartbeatKeeper.class.getName());

    private final HeartbeatPort heartbeats;
    private final CancelOrderPort cancels;
    private final Duration interval;
    private final Duration window;
    private final Clock clock;
    private final Scheduler scheduler;
    /** The executor behind the default scheduler, shut down on stop; null with a scheduler given. */
    private final ScheduledThreadPoolExecutor ownExecutor;
    private final Consumer<HeartbeatHealth> listener;

    /** Guarded by this. */
    private final HeartbeatChain chain;
    /** Guarded by this: never more than one heartbeat on its way. */
    private boolean inFlight;

    private HeartbeatKeeper(Builder b) {
        this.heartbeats = b.heartbeats;
        this.cancels = b.cancels;
        this.interval = b.interval;
        this.window = b.window;
        this.clock = b.clock;
        this.listener = b.listener;
        this.chain = new HeartbeatChain(b.window);
        if (b.scheduler != null) {
            this.scheduler = b.scheduler;
            this.ownExecutor = null;
        } else {
            // A daemon: a keeper must never keep a process alive that is otherwise done.
            this.ownExecutor = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "heartbeat-keeper");
                thread.setDaemon(true);
                return thread;
            });
            // Stopped means no heartbeat after it: the one waiting is dropped, not run.
            ownExecutor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            this.scheduler = (delay, task) -> ownExecutor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** A keeper sending heartbeats through {@code exchange}, which cancels through it too on {@code stop(true)}. */
    public static <P extends HeartbeatPort & CancelOrderPort> Builder builder(P exchange) {
        return builder(exchange, exchange);
    }

    public static Builder builder(HeartbeatPort heartbeats, CancelOrderPort cancels) {
        return new Builder(Objects.requireNonNull(heartbeats, "heartbeats"), Objects.requireNonNull(cancels, "cancels"));
    }

    /** Sends the first heartbeat now, arming the switch once it is answered. Once only. */
    public void start() {
        HeartbeatHealth health;
        synchronized (this) {
            Instant now = clock.instant();
            if (!chain.start(now)) {
                throw new IllegalStateException("the keeper was started already; build another to start again");
            }
            health = chain.health(now);
        }
        publish(health);
        beat();
    }

    /** How the keeper stands now. */
    public synchronized HeartbeatHealth health() {
        return chain.health(clock.instant());
    }

    /**
     * Sends no more heartbeats. The exchange's switch stays armed for what is left of its window,
     * then trips and cancels every open order of the account: to cancel them now, as a clean
     * shutdown would, call {@link #stop(boolean) stop(true)}. A heartbeat in flight is let finish.
     */
    public void stop() {
        HeartbeatHealth health;
        synchronized (this) {
            if (!chain.stop()) {
                return;
            }
            health = chain.health(clock.instant());
            if (ownExecutor != null) {
                ownExecutor.shutdown();
            }
        }
        publish(health);
    }

    /**
     * {@link #stop()}, then, when {@code cancelAll}, cancels every order of the account through
     * the cancel port; the stage has its answer. Without {@code cancelAll} it completes at once
     * with an empty result.
     */
    public CompletionStage<CancelResult> stop(boolean cancelAll) {
        stop();
        if (!cancelAll) {
            return CompletableFuture.completedFuture(CancelResult.empty());
        }
        try {
            return cancels.cancelAll();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Sends one heartbeat, naming the chain's id unless it lapsed, within what is left of the window. */
    private void beat() {
        HeartbeatChain.Beat beat;
        synchronized (this) {
            if (chain.stopped() || inFlight) {
                return;
            }
            beat = chain.next(clock.instant());
            inFlight = true;
        }
        CompletionStage<String> answer;
        try {
            answer = heartbeats.sendHeartbeat(beat.previousId(), beat.within());
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((next, failure) -> ended(beat, next, failure));
    }

    private void ended(HeartbeatChain.Beat beat, String next, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause == null && (next == null || next.isEmpty())) {
            cause = new IllegalStateException("the heartbeat was answered without a heartbeat id");
        }
        boolean newChainNow = false;
        HeartbeatHealth health;
        synchronized (this) {
            inFlight = false;
            Instant now = clock.instant();
            if (cause == null) {
                chain.succeeded(beat, next, now);
            } else {
                newChainNow = chain.failed(beat, cause);
            }
            health = chain.health(now);
        }
        // Told before the next heartbeat is scheduled, so that whoever sees it scheduled has been told.
        publish(health);
        if (newChainNow) {
            beat();
        } else {
            scheduleNext();
        }
    }

    /** Under the lock, so that a stop either comes first and nothing is scheduled, or drops what was. */
    private synchronized void scheduleNext() {
        if (chain.stopped()) {
            return;
        }
        try {
            scheduler.schedule(interval, this::beat);
        } catch (RuntimeException e) {
            // Only a scheduler shut down under the keeper refuses; going quiet is then all that is left.
            LOG.log(System.Logger.Level.WARNING, "the next heartbeat could not be scheduled: " + e);
        }
    }

    private void publish(HeartbeatHealth health) {
        try {
            listener.accept(health);
        } catch (RuntimeException e) {
            // The app's listener must not stop the heartbeats that protect it.
            LOG.log(System.Logger.Level.WARNING, "the heartbeat listener threw " + e);
        }
    }

    @Override
    public String toString() {
        return "HeartbeatKeeper[every " + Durations.show(interval) + ", window " + Durations.show(window) + ", "
                + health().state() + "]";
    }

    /** Builds a {@link HeartbeatKeeper}; every setting has a default. */
    public static final class Builder {

        private final HeartbeatPort heartbeats;
        private final CancelOrderPort cancels;
        private Duration interval = DEFAULT_INTERVAL;
        private Duration window = HeartbeatPort.EXCHANGE_WINDOW;
        private Clock clock = Clock.systemUTC();
        private Scheduler scheduler;
        private Consumer<HeartbeatHealth> listener = health -> { };

        private Builder(HeartbeatPort heartbeats, CancelOrderPort cancels) {
            this.heartbeats = heartbeats;
            this.cancels = cancels;
        }

        /** How long after an answered heartbeat the next is sent (default 5 s); shorter than the window. */
        public Builder interval(Duration interval) {
            this.interval = Durations.requirePositive(interval, "interval");
            return this;
        }

        /** How long the exchange waits for the next heartbeat before it cancels everything (default 10 s, the exchange's). */
        public Builder window(Duration window) {
            this.window = Durations.requirePositive(window, "window");
            return this;
        }

        /** Times the window and dates the health (the system clock by default). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How the keeper waits between heartbeats (a daemon thread of its own by default, ended on stop). */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** Told every change of health: start, every heartbeat's outcome, stop. Must not block. */
        public Builder listener(Consumer<HeartbeatHealth> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public HeartbeatKeeper build() {
            if (interval.compareTo(window) >= 0) {
                throw new IllegalArgumentException("interval (" + Durations.show(interval) + ") must be shorter than the window ("
                        + Durations.show(window) + "), or the exchange cancels every order between two heartbeats");
            }
            return new HeartbeatKeeper(this);
        }
    }
}
