package dev.clobcancel.simulator.ratelimit;

import java.time.Duration;
import java.util.List;

/** At most {@code limit} requests to {@code method path} per account in each {@code window}. */
public record RateLimit(String method, String path, int limit, Duration window) {

    /** The exchange's published limits for the cancel endpoints: a 10-second burst and a 10-minute sustained limit. */
    public static final List<RateLimit> EXCHANGE = List.of(
            new RateLimit("DELETE", "/order", 3000, Duration.ofSeconds(10)),
            new RateLimit("DELETE", "/order", 30000, Duration.ofMinutes(10)),
            new RateLimit("DELETE", "/orders", 1000, Duration.ofSeconds(10)),
            new RateLimit("DELETE", "/orders", 15000, Duration.ofMinutes(10)),
            new RateLimit("DELETE", "/cancel-all", 250, Duration.ofSeconds(10)),
            new RateLimit("DELETE", "/cancel-all", 6000, Duration.ofMinutes(10)),
            new RateLimit("DELETE", "/cancel-market-orders", 1000, Duration.ofSeconds(10)),
            new RateLimit("DELETE", "/cancel-market-orders", 1500, Duration.ofMinutes(10)));

    public RateLimit {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, not " + window);
        }
    }

    boolean applies(String requestMethod, String requestPath) {
        return method.equals(requestMethod) && path.equals(requestPath);
    }
}
