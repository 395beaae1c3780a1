package dev.clobcancel.simulator.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until told to move: everything time-based in the simulator (the
 * timestamp window, a restart's end, rate-limit windows) follows it, so a test reaches "ten
 * minutes later" in no time at all.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * ClobSimulator sim = ClobSimulator.start(SimulatorOptions.builder().clock(clock).build());
 * clock.advance(Duration.ofSeconds(10));
 * }</pre>
 */
public final class ManualClock extends Clock {

    private final ZoneId zone;
    /** Shared by this clock and its views in other zones, so all of them move together. */
    private final AtomicReference<Instant> now;
    private final List<Runnable> listeners;

    private ManualClock(AtomicReference<Instant> now, List<Runnable> listeners, ZoneId zone) {
        this.now = now;
        this.listeners = listeners;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public static ManualClock at(Instant start) {
        return new ManualClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), new CopyOnWriteArrayList<>(),
                ZoneOffset.UTC);
    }

    /**
     * Moves time forward, never back, as no real clock would; then tells the listeners, so that
     * what falls due (a heartbeat's lapse) happens at once.
     */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a clock only moves forward, not by " + by);
        }
        Instant moved = now.updateAndGet(instant -> instant.plus(by));
        listeners.forEach(Runnable::run);
        return moved;
    }

    /**
     * Runs {@code listener} after every move of this clock, until the returned registration is
     * closed: a clock shared by several simulators keeps no hold on one that was closed.
     *
     * <pre>{@code
     * try (ManualClock.Registration registration = clock.addListener(() -> ticks.incrementAndGet())) {
     *     clock.advance(Duration.ofSeconds(1));
     * }
     * }</pre>
     */
    public Registration addListener(Runnable listener) {
        Objects.requireNonNull(listener, "listener");
        // A wrapper of its own, so that the same Runnable added twice is removed once per registration.
        Runnable registered = listener::run;
        listeners.add(registered);
        return () -> listeners.remove(registered);
    }

    /** How many listeners the clock holds now. */
    public int listenerCount() {
        return listeners.size();
    }

    /** A listener's hold on the clock; closing it removes the listener, a second close does nothing. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new ManualClock(now, listeners, other);
    }

    @Override
    public String toString() {
        return "ManualClock[" + now.get() + "]";
    }
}
