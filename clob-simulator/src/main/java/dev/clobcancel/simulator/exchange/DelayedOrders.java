package dev.clobcancel.simulator.exchange;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The orders the exchange holds back (its taker delay), the first to fall due first. Thread-safe;
 * asking with none waiting costs one read, so the cancel path pays nothing for the feature.
 */
final class DelayedOrders {

    private final PriorityQueue<SimOrder> waiting = new PriorityQueue<>(
            Comparator.comparingLong(SimOrder::delayedUntil).thenComparingLong(SimOrder::sequence));
    /** How many wait: read without the lock. */
    private final AtomicInteger count = new AtomicInteger();

    synchronized void add(SimOrder order) {
        waiting.add(order);
        count.incrementAndGet();
    }

    /** Hands {@code release} every order due by {@code nowMillis}, in the order they fall due. */
    void releaseDue(long nowMillis, Consumer<SimOrder> release) {
        if (count.get() == 0) {
            return;
        }
        synchronized (this) {
            while (!waiting.isEmpty() && waiting.peek().delayedUntil() <= nowMillis) {
                count.decrementAndGet();
                release.accept(waiting.poll());
            }
        }
    }

    synchronized void clear() {
        waiting.clear();
        count.set(0);
    }
}
