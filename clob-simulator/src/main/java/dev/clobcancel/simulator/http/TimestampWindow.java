package dev.clobcancel.simulator.http;

import java.time.Clock;
import java.time.Duration;

/** How far a request's {@code POLY_TIMESTAMP} may be from the server's clock, for L1 and L2 alike. */
final class TimestampWindow {

    /** Before this (2001-09-09), a timestamp is refused whatever the window: no clock is that wrong. */
    private static final long EARLIEST_TIMESTAMP = 1_000_000_000L;

    private final Clock clock;
    private final Duration window;

    /** @param window how far a timestamp may be from the clock, either way; zero: any time after 2001 */
    TimestampWindow(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    /** Why the timestamp is too far from the server's clock, or null. Replays inside the window pass. */
    String staleness(long timestamp) {
        long now = clock.instant().getEpochSecond();
        if (timestamp < EARLIEST_TIMESTAMP) {
            return "POLY_TIMESTAMP " + timestamp + " is before 2001: it must be unix seconds of now (server: " + now + ")";
        }
        if (!window.isZero() && Math.abs(now - timestamp) > window.toSeconds()) {
            return "POLY_TIMESTAMP " + timestamp + " is " + (timestamp - now) + " s from the server's clock " + now
                    + ", outside the window of " + window.toSeconds() + " s";
        }
        return null;
    }
}
