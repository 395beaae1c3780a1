package dev.clobcancel.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.time.Scheduler;
import dev.clobcancel.simulator.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Holds each heartbeat the keeper schedules until the test moves time on to it: the shared
 * manual clock jumps by the delay asked for, and the heartbeat goes at once. The keeper
 * schedules its next heartbeat when the last has ended, so waiting for that is waiting for the
 * heartbeat's outcome, with no sleep.
 */
final class StepScheduler implements Scheduler {

    /** Far beyond any loopback round trip; reached only when the keeper failed to schedule. */
    private static final long PATIENCE_SECONDS = 20;

    private record Pending(Duration delay, Runnable task) {
    }

    private final ManualClock clock;
    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final List<Duration> delays = new ArrayList<>();

    StepScheduler(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        pending.add(new Pending(delay, task));
    }

    /** Waits until the keeper has scheduled its next heartbeat: the one before has ended. */
    void awaitScheduled() throws InterruptedException {
        Pending next = pending.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertThat(next).as("a heartbeat scheduled within %d s", PATIENCE_SECONDS).isNotNull();
        pending.add(next);
    }

    /** Moves the clock on to the next heartbeat, sends it, and waits until it has ended. */
    void step() throws InterruptedException {
        awaitScheduled();
        Pending next = pending.remove();
        delays.add(next.delay());
        clock.advance(next.delay());
        next.task().run();
        awaitScheduled();
    }

    /** Runs the heartbeat scheduled last without waiting for another: for a keeper that was stopped. */
    void runWaiting() {
        Pending next = pending.remove();
        clock.advance(next.delay());
        next.task().run();
    }

    /** The delays of the heartbeats stepped to, in order. */
    List<Duration> delays() {
        return List.copyOf(delays);
    }
}
