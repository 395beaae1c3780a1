package dev.clobcancel.domain.retry;

import java.time.Duration;
import java.util.Objects;

/** Durations checked as settings, and shown as a person reads them in a message: {@code 250 ms}, {@code 1.5 s}, {@code 30 s}. */
public final class Durations {

    private Durations() {
    }

    /** {@code value}, or an exception naming {@code name} when it is null, zero or negative. */
    public static Duration requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
        return value;
    }

    public static String show(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.3f s", millis / 1000.0)
                .replaceAll("0+ s$", " s");
    }
}
