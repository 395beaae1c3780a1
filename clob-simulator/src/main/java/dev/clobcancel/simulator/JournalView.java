package dev.clobcancel.simulator;

import dev.clobcancel.simulator.journal.Journal;
import dev.clobcancel.simulator.journal.JournalEntry;
import java.util.List;
import java.util.function.Predicate;

/**
 * The requests the exchange endpoints received, read-only: what a test asserts on. The journal
 * is emptied by {@link ClobSimulator#reset()} or {@link ClobSimulator#clearJournal()}.
 *
 * <pre>{@code
 * assertThat(sim.journal().entries(e -> e.path().equals("/order"))).hasSize(1);
 * }</pre>
 */
public final class JournalView {

    private final Journal journal;

    JournalView(Journal journal) {
        this.journal = journal;
    }

    /** Every entry kept, oldest first. */
    public List<JournalEntry> entries() {
        return journal.entries();
    }

    /** The entries {@code which} accepts, oldest first. */
    public List<JournalEntry> entries(Predicate<JournalEntry> which) {
        return journal.entries(which);
    }

    /** How many entries were dropped, oldest first, to keep within the capacity. */
    public long dropped() {
        return journal.dropped();
    }

    /** How many entries it keeps before dropping the oldest. */
    public int capacity() {
        return journal.capacity();
    }
}
