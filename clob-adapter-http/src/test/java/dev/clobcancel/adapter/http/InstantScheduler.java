package dev.clobcancel.adapter.http;

import dev.clobcancel.domain.time.Scheduler;
import dev.clobcancel.simulator.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs each retry at once, recording the delay the client asked for and moving the clock on by
 * it: a test of backoff sees the exact delays, and takes no time.
 */
final class InstantScheduler implements Scheduler {

    private final ManualClock clock;
    private final List<Duration> delays = new CopyOnWriteArrayList<>();

    InstantScheduler(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        delays.add(delay);
        clock.advance(delay);
        task.run();
    }

    List<Duration> delays() {
        return List.copyOf(delays);
    }
}
