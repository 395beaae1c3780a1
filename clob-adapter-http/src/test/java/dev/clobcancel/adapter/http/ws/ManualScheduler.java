package dev.clobcancel.adapter.http.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Holds every task scheduled until the test runs it: a ping, a reconnection, a timeout, a read
 * made again. A test waits for the task of a given delay to be scheduled (so for what scheduled
 * it to have happened), then runs it, and so moves time on without sleeping.
 */
public final class ManualScheduler implements Scheduler {

    private static final long PATIENCE_MILLIS = 20_000;

    private record Task(Duration delay, Runnable run) {
    }

    private final List<Task> pending = new ArrayList<>();

    @Override
    public synchronized void schedule(Duration delay, Runnable task) {
        pending.add(new Task(delay, task));
        notifyAll();
    }

    /** Waits until a task of {@code delay} is scheduled, and takes it out, not yet run. */
    public Runnable take(Duration delay) throws InterruptedException {
        synchronized (this) {
            long until = System.currentTimeMillis() + PATIENCE_MILLIS;
            while (true) {
                for (Iterator<Task> it = pending.iterator(); it.hasNext(); ) {
                    Task task = it.next();
                    if (task.delay().equals(delay)) {
                        it.remove();
                        return task.run();
                    }
                }
                long left = until - System.currentTimeMillis();
                assertThat(left).as("a task of %s scheduled within %d ms; pending: %s", delay, PATIENCE_MILLIS, delays())
                        .isPositive();
                wait(left);
            }
        }
    }

    /** Waits for the task of {@code delay}, and runs it on this thread. */
    public void run(Duration delay) throws InterruptedException {
        take(delay).run();
    }

    /** Whether a task of {@code delay} is waiting now. */
    public synchronized boolean has(Duration delay) {
        return pending.stream().anyMatch(task -> task.delay().equals(delay));
    }

    public synchronized List<Duration> delays() {
        List<Duration> delays = new ArrayList<>();
        pending.forEach(task -> delays.add(task.delay()));
        return delays;
    }
}
