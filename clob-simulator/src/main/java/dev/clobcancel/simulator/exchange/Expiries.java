package dev.clobcancel.simulator.exchange;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The GTD orders by the time they leave the book, so that the exchange expires what is due in
 * time order, without looking at the orders that are not. Thread-safe; a look that finds nothing
 * due reads one volatile field.
 */
final class Expiries {

    private final PriorityQueue<SimOrder> queue =
            new PriorityQueue<>(Comparator.comparingLong(SimOrder::expiresAtMillis).thenComparingLong(SimOrder::sequence));
    private volatile long next = Long.MAX_VALUE;

    synchronized void add(SimOrder order) {
        queue.add(order);
        next = queue.peek().expiresAtMillis();
    }

    /** The next order due by {@code nowMillis}, taken off the queue; null when none is. */
    SimOrder poll(long nowMillis) {
        if (next > nowMillis) {
            return null;
        }
        synchronized (this) {
            SimOrder head = queue.peek();
            if (head == null || head.expiresAtMillis() > nowMillis) {
                next = head == null ? Long.MAX_VALUE : head.expiresAtMillis();
                return null;
            }
            queue.poll();
            SimOrder after = queue.peek();
            next = after == null ? Long.MAX_VALUE : after.expiresAtMillis();
            return head;
        }
    }

    synchronized void clear() {
        queue.clear();
        next = Long.MAX_VALUE;
    }
}
