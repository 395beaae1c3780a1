package dev.clobcancel.domain.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The exchange's per-signer rate-limit tiers, each a token bucket for cancels: refilled at
 * {@link #cancelsPerSecond()}, holding at most {@link #cancelBurst()} tokens. A cancel costs one
 * token per order it names ({@code DELETE /orders} the number of ids, {@code DELETE /cancel-all}
 * and {@code DELETE /cancel-market-orders} 1 plus the number canceled), and a request is accepted
 * or refused whole: a batch that costs more than the burst can never be accepted.
 *
 * <pre>{@code
 * int batch = RateLimitTier.parse("gold").map(RateLimitTier::cancelBurst).orElse(120); // 1200
 * }</pre>
 */
public enum RateLimitTier {
    STANDARD(80, 120),
    COPPER(120, 180),
    BRONZE(160, 240),
    SILVER(400, 600),
    GOLD(800, 1_200),
    PLATINUM(900, 1_350),
    DIAMOND(1_050, 1_575),
    ELITE(1_200, 1_800);

    private final int cancelsPerSecond;
    private final int cancelBurst;

    RateLimitTier(int cancelsPerSecond, int cancelBurst) {
        this.cancelsPerSecond = cancelsPerSecond;
        this.cancelBurst = cancelBurst;
    }

    /** The tier named as in {@code Poly-RateLimit-Tier} ({@code gold}, {@code Gold}, ...), if it is one of these. */
    public static Optional<RateLimitTier> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** How many cancel tokens the bucket gains each second. */
    public int cancelsPerSecond() {
        return cancelsPerSecond;
    }

    /** The most cancel tokens the bucket holds: the most one request can ever cost. */
    public int cancelBurst() {
        return cancelBurst;
    }

    /** The name as the exchange writes it: {@code standard}, {@code gold}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
