package dev.clobcancel.simulator.journal;

import java.util.List;
import java.util.function.Predicate;

/**
 * The requests the exchange endpoints received, newest last: requests only, never what the
 * simulator does by itself (that is {@link SimEvents}). Bounded: past {@code capacity} the
 * oldest entry is dropped and counted, so a long CI run cannot grow it without limit.
 */
public final class Journal {

    /** Enough for any one test; a soak run keeps the latest this many. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final BoundedLog<JournalEntry> log;

    public Journal(int capacity) {
        this.log = new BoundedLog<>("journal", capacity, JournalEntry::withSequence);
    }

    /** Keeps {@code entry}, numbered after the ones before it (its own sequence is ignored). */
    public void record(JournalEntry entry) {
        log.record(entry);
    }

    /** The entries {@code which} accepts, oldest first. */
    public List<JournalEntry> entries(Predicate<JournalEntry> which) {
        return log.entries(which);
    }

    public List<JournalEntry> entries() {
        return entries(entry -> true);
    }

    /** How many entries were dropped, oldest first, to keep within the capacity. */
    public long dropped() {
        return log.dropped();
    }

    public int capacity() {
        return log.capacity();
    }

    public void clear() {
        log.clear();
    }
}
