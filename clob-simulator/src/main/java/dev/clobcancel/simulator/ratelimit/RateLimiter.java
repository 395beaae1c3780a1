package dev.clobcancel.simulator.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts each account's requests in fixed windows that open at the first request and close a
 * window later, by the simulator's clock, so a test with a manual clock sees exactly when a limit
 * resets. Off until enabled; a refused request is not counted.
 */
public final class RateLimiter {

    private record Key(String apiKey, RateLimit limit) {
    }

    private static final class Window {
        Instant start;
        int count;
    }

    private final Clock clock;
    private final Map<Key, Window> windows = new HashMap<>();
    private List<RateLimit> limits = List.of();

    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Enforces {@code limits} from now on (empty: none), with fresh counts. */
    public synchronized void enforce(List<RateLimit> limits) {
        this.limits = List.copyOf(limits);
        windows.clear();
    }

    public synchronized List<RateLimit> limits() {
        return limits;
    }

    /**
     * Counts a request of {@code apiKey}, or refuses it: empty when it may go ahead, else how
     * long until the fullest of its windows closes.
     */
    public synchronized Optional<Duration> acquire(String apiKey, String method, String path) {
        if (limits.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        List<Window> counted = new java.util.ArrayList<>();
        for (RateLimit limit : limits) {
            if (!limit.applies(method, path)) {
                continue;
            }
            Window window = windows.computeIfAbsent(new Key(apiKey, limit), key -> new Window());
            if (window.start == null || !now.isBefore(window.start.plus(limit.window()))) {
                window.start = now;
                window.count = 0;
            }
            if (window.count >= limit.limit()) {
                Duration left = Duration.between(now, window.start.plus(limit.window()));
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
            counted.add(window);
        }
        if (!wait.isZero()) {
            return Optional.of(wait);
        }
        counted.forEach(window -> window.count++);
        return Optional.empty();
    }

    public synchronized void reset() {
        limits = List.of();
        windows.clear();
    }
}
