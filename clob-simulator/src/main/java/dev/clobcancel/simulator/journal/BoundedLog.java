package dev.clobcancel.simulator.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * Entries numbered as they come, newest last, and bounded: past {@code capacity} the oldest is
 * dropped and counted, so a long CI run cannot grow a log without limit. What the request
 * journal and the simulator's own events share.
 */
final class BoundedLog<E> {

    /** Gives an entry its number in the log. */
    @FunctionalInterface
    interface Numbering<E> {
        E number(E entry, long sequence);
    }

    private final int capacity;
    private final Numbering<E> numbering;
    private final Deque<E> entries = new ArrayDeque<>();
    private long dropped;
    private long sequence;

    BoundedLog(String name, int capacity, Numbering<E> numbering) {
        if (capacity < 1) {
            throw new IllegalArgumentException(name + " capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.numbering = numbering;
    }

    synchronized void record(E entry) {
        if (entries.size() == capacity) {
            entries.removeFirst();
            dropped++;
        }
        entries.addLast(numbering.number(entry, ++sequence));
    }

    synchronized List<E> entries(Predicate<? super E> which) {
        List<E> out = new ArrayList<>();
        for (E entry : entries) {
            if (which.test(entry)) {
                out.add(entry);
            }
        }
        return out;
    }

    synchronized long dropped() {
        return dropped;
    }

    int capacity() {
        return capacity;
    }

    synchronized void clear() {
        entries.clear();
        dropped = 0;
    }
}
