package dev.clobcancel.simulator.journal;

import java.util.List;
import java.util.function.Predicate;

/**
 * What the simulator did by itself, newest last: heartbeat lapses and the orders they canceled.
 * The requests are in the {@link Journal}; nothing here came from a request. Bounded as the
 * journal is.
 *
 * <pre>{@code
 * clock.advance(Duration.ofSeconds(11));            // no heartbeat came
 * sim.events();                                     // [HEARTBEAT_LAPSE of the account, with its canceled ids]
 * }</pre>
 */
public final class SimEvents {

    private final BoundedLog<SimEvent> log;

    public SimEvents(int capacity) {
        this.log = new BoundedLog<>("event log", capacity, SimEvent::withSequence);
    }

    /** Keeps {@code event}, numbered after the ones before it (its own sequence is ignored). */
    public void record(SimEvent event) {
        log.record(event);
    }

    /** The events {@code which} accepts, oldest first. */
    public List<SimEvent> events(Predicate<SimEvent> which) {
        return log.entries(which);
    }

    public List<SimEvent> events() {
        return events(event -> true);
    }

    /** How many events were dropped, oldest first, to keep within the capacity. */
    public long dropped() {
        return log.dropped();
    }

    public void clear() {
        log.clear();
    }
}
