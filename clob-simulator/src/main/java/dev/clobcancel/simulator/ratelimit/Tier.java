package dev.clobcancel.simulator.ratelimit;

/**
 * A signer's volume tier, which sets the refill rate (tokens a second) and the burst (the most a
 * bucket holds) of its order bucket and its cancel bucket, and whether an open-ended cancel may
 * leave its cancel bucket in deficit. The exchange's table, from
 * https://docs.polymarket.com/api-reference/trading-rate-limits.
 */
public enum Tier {
    STANDARD(40, 60, 80, 120, true),
    COPPER(60, 90, 120, 180, true),
    BRONZE(80, 120, 160, 240, true),
    SILVER(200, 300, 400, 600, true),
    GOLD(400, 600, 800, 1200, true),
    PLATINUM(450, 675, 900, 1350, false),
    DIAMOND(525, 787, 1050, 1575, false),
    ELITE(600, 900, 1200, 1800, false);

    private final int orderRate;
    private final int orderBurst;
    private final int cancelRate;
    private final int cancelBurst;
    private final boolean negativeBalance;

    Tier(int orderRate, int orderBurst, int cancelRate, int cancelBurst, boolean negativeBalance) {
        this.orderRate = orderRate;
        this.orderBurst = orderBurst;
        this.cancelRate = cancelRate;
        this.cancelBurst = cancelBurst;
        this.negativeBalance = negativeBalance;
    }

    /** Tokens a second that flow back into {@code bucket}. */
    public int rate(SignerLimiter.Bucket bucket) {
        return bucket == SignerLimiter.Bucket.ORDER ? orderRate : cancelRate;
    }

    /** The most tokens {@code bucket} holds, and so the largest request it can ever admit. */
    public int burst(SignerLimiter.Bucket bucket) {
        return bucket == SignerLimiter.Bucket.ORDER ? orderBurst : cancelBurst;
    }

    /** Whether the exchange documents this tier as allowing a negative cancel balance (Standard to Gold). */
    public boolean allowsNegativeBalance() {
        return negativeBalance;
    }
}
