package dev.clobcancel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.time.Scheduler;
import dev.clobcancel.simulator.time.ManualClock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code clob heartbeat} in a test's hands: it stops when the test says, and its next heartbeat
 * goes when the test steps to it, the manual clock jumping by the interval. The keeper schedules
 * a heartbeat once the one before has ended, so waiting for that is waiting for the outcome.
 */
final class SteppedHeartbeats implements HeartbeatLifecycle {

    /** Far beyond any loopback round trip; reached only when no heartbeat was scheduled. */
    private static final long PATIENCE_SECONDS = 20;

    private final ManualClock clock;
    private final CompletableFuture<Void> stop = new CompletableFuture<>();
    private final BlockingQueue<Runnable> next = new LinkedBlockingQueue<>();

    SteppedHeartbeats(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public CompletionStage<?> stopRequested() {
        return stop;
    }

    @Override
    public Optional<Scheduler> scheduler() {
        return Optional.of((Duration delay, Runnable beat) -> next.add(() -> {
            clock.advance(delay);
            beat.run();
        }));
    }

    @Override
    public void finished(int exitCode) {
        // The test has the exit code from the run itself.
    }

    /** Waits until the next heartbeat is scheduled: every one before has ended. */
    SteppedHeartbeats awaitNext() throws InterruptedException {
        Runnable beat = next.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertThat(beat).as("a heartbeat scheduled within %d s", PATIENCE_SECONDS).isNotNull();
        next.add(beat);
        return this;
    }

    /** Moves the clock on to the next heartbeat and sends it, without waiting for its end. */
    void sendNext() throws InterruptedException {
        awaitNext();
        next.remove().run();
    }

    /** Sends the next heartbeat and waits until it has ended. */
    void step() throws InterruptedException {
        sendNext();
        awaitNext();
    }

    /** What SIGINT or SIGTERM does in a process. */
    void stop() {
        stop.complete(null);
    }
}
