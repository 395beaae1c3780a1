package dev.clobcancel.simulator.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The requests the exchange endpoints received, newest last. Bounded: past {@code capacity} the
 * oldest entry is dropped and counted, so a long CI run cannot grow it without limit.
 */
public final class Journal {

    /** Enough for any one test; a soak run keeps the latest this many. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final Deque<JournalEntry> entries = new ArrayDeque<>();
    private long dropped;
    private long sequence;

    public Journal(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Keeps {@code entry}, numbered after the ones before it (its own sequence is ignored). */
    public synchronized void record(JournalEntry entry) {
        if (entries.size() == capacity) {
            entries.removeFirst();
            dropped++;
        }
        entries.addLast(entry.withSequence(++sequence));
    }

    /** The entries {@code which} accepts, oldest first. */
    public synchronized List<JournalEntry> entries(Predicate<JournalEntry> which) {
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry entry : entries) {
            if (which.test(entry)) {
                out.add(entry);
            }
        }
        return out;
    }

    public List<JournalEntry> entries() {
        return entries(entry -> true);
    }

    /** How many entries were dropped, oldest first, to keep within the capacity. */
    public synchronized long dropped() {
        return dropped;
    }

    public int capacity() {
        return capacity;
    }

    public synchronized void clear() {
        entries.clear();
        dropped = 0;
    }
}
