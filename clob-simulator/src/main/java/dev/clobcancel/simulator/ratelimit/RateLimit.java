package dev.clobcancel.simulator.ratelimit;

import java.time.Duration;
import java.util.List;

/** At most {@code limit} requests to {@code method path} per account in each {@code window}. */
public record RateLimit(String method, String path, int limit, Duration window) {

    /**
     * The exchange's published limits for the cancel endpoints, counted in requests: a 10-second
     * burst and a 10-minute sustained limit (https://docs.polymarket.com/api-reference/rate-limits).
     */
    public static final List<RateLimit> EXCHANGE = List.of(
            new RateLimit("DELETE", "/order", 5000, Duration.ofSeconds(10)),
            new RateLimit("DELETE", "/order", 120000, Duration.ofMinutes(10)),
            new RateLimit("DELETE", "/orders", 2000, Duration.ofSeconds(10)),
            new RateLimit("DELETE", "/orders", 15000, Duration.ofMinutes(10)),
            new RateLimit("DELETE", "/cancel-all", 250, Duration.ofSeconds(10)),
            new RateLimit("DELETE", "/cancel-all", 6000, Duration.ofMinutes(10)),
            new RateLimit("DELETE", "/cancel-market-orders", 1500, Duration.ofSeconds(10)),
            new RateLimit("DELETE", "/cancel-market-orders", 21000, Duration.ofMinutes(10)));

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
