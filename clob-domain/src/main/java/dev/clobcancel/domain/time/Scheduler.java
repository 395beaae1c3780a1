package dev.clobcancel.domain.time;

import java.time.Duration;

/**
 * Runs a task once a delay has passed: how the client waits between attempts, the heartbeat
 * keeper between heartbeats, the confirmer for events, and the user channel between pings. The
 * one type for all of them, so that a test drives every wait with one manual scheduler.
 *
 * <pre>{@code
 * Scheduler timers = (delay, task) -> executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
 * }</pre>
 *
 * An implementation that can no longer run tasks (shut down) throws a
 * {@link java.util.concurrent.RejectedExecutionException}, or another runtime exception.
 */
@FunctionalInterface
public interface Scheduler {

    void schedule(Duration delay, Runnable task);
}
