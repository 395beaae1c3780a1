package dev.clobcancel.simulator.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The exchange's second layer of rate limits: two token buckets per signer (the address of the
 * account), one for orders and one for cancels, refilled continuously at the rate of the signer's
 * {@link Tier} on the simulator's clock and holding at most its burst. A request costs a number of
 * tokens, and is admitted whole or refused whole. Off until enabled.
 *
 * <pre>{@code
 * Verdict verdict = limiter.take(address, Bucket.CANCEL, ids.size());
 * if (!verdict.admitted()) { ... refused: come back after verdict.retryAfter() ... }
 * }</pre>
 */
public final class SignerLimiter {

    /** Which of a signer's two buckets a request draws from. */
    public enum Bucket { ORDER, CANCEL }

    /** Whether the buckets refuse ({@code ENFORCE}), only report ({@code WARN}), or are not kept ({@code OFF}). */
    public enum Mode { OFF, ENFORCE, WARN }

    /**
     * How far below zero the second charge of an open-ended cancel ({@link #takeAfter}) may take a
     * cancel bucket: {@code DOCUMENTED}, without bound for the tiers that allow a negative balance
     * (Standard to Gold) and not at all for the others; {@code BURST}, down to minus the burst for
     * those tiers; {@code NONE}, never below zero.
     */
    public enum NegativeBalance { DOCUMENTED, BURST, NONE }

    /**
     * When the cost of {@code cancel-all} and {@code cancel-market-orders} (1 + the number
     * canceled) is charged: {@code AFTER}, 1 token checked and taken first and the rest taken once
     * the cancel is done, as the exchange documents; {@code BEFORE}, the whole cost checked first
     * against the orders the call would cancel, so a call too big for the bucket is refused whole.
     */
    public enum OpenEndedCost { AFTER, BEFORE }

    /** How the limiter behaves; {@link #OFF} and {@link #ENFORCED} are the common two. */
    public record Settings(Mode mode, NegativeBalance negativeBalance, OpenEndedCost openEndedCost) {
        public static final Settings OFF = new Settings(Mode.OFF, NegativeBalance.DOCUMENTED, OpenEndedCost.AFTER);
        public static final Settings ENFORCED = new Settings(Mode.ENFORCE, NegativeBalance.DOCUMENTED, OpenEndedCost.AFTER);

        public Settings {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(negativeBalance, "negativeBalance");
            Objects.requireNonNull(openEndedCost, "openEndedCost");
        }
    }

    /**
     * The outcome of a charge, and the bucket's state after it: what the {@code Poly-RateLimit-*}
     * headers report. {@code warning} marks a request admitted in warning mode that enforcement
     * would have refused; {@code retryAfter} is zero for an admitted one.
     */
    public record Verdict(boolean admitted, boolean warning, Tier tier, Bucket bucket, long remaining,
                          long resetEpochSeconds, Duration retryAfter, long cost) {
        /** The most this bucket ever holds: a request costing more can never be admitted. */
        public long burst() {
            return tier.burst(bucket);
        }
    }

    /** A signer's bucket state, for the admin API. */
    public record BucketState(String signer, Tier tier, Bucket bucket, long remaining) {
    }

    /** Tokens are counted in thousandths, so that refill by the millisecond is exact. */
    private static final long MILLI = 1000;
    /** A deficit no request can reach: the floor when the balance may go negative without bound. */
    private static final long NO_FLOOR = Long.MIN_VALUE / 4;
    /** Longer than any bucket takes to fill from any deficit a test can make. */
    private static final long MAX_ELAPSED_MILLIS = 1L << 40;

    private static final class TokenBucket {
        long milliTokens;
        long refilledAt;
    }

    private record Key(String signer, Bucket bucket) {
    }

    private final Clock clock;
    private final Map<Key, TokenBucket> buckets = new HashMap<>();
    private final Map<String, Tier> tiers = new HashMap<>();
    /** Read without the lock: a cancel with the limits off pays one volatile read for them. */
    private volatile Settings settings = Settings.OFF;

    public SignerLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Applies {@code settings} from now on, with full buckets. */
    public synchronized void configure(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        buckets.clear();
    }

    public Settings settings() {
        return settings;
    }

    public boolean enabled() {
        return settings.mode() != Mode.OFF;
    }

    /** Puts {@code signer} in {@code tier}; its buckets keep their tokens, capped at the new burst. */
    public synchronized void setTier(String signer, Tier tier) {
        tiers.put(key(signer), Objects.requireNonNull(tier, "tier"));
    }

    /** The signer's tier: {@link Tier#STANDARD} until set. */
    public synchronized Tier tier(String signer) {
        return tiers.getOrDefault(key(signer), Tier.STANDARD);
    }

    /**
     * Takes {@code cost} tokens from the signer's bucket if it holds them all, else refuses the
     * request whole (in warning mode: admits it, untouched, marked as a warning).
     */
    public synchronized Verdict take(String signer, Bucket bucket, long cost) {
        Tier tier = tier(signer);
        TokenBucket tokens = refilled(signer, bucket, tier);
        long need = cost * MILLI;
        if (tokens.milliTokens >= need) {
            tokens.milliTokens -= need;
            return admitted(tier, bucket, tokens, cost, false);
        }
        if (settings.mode() == Mode.WARN) {
            return admitted(tier, bucket, tokens, cost, true);
        }
        // A cost above the burst never fits: the soonest anything changes is a full bucket.
        long target = Math.min(need, tier.burst(bucket) * MILLI);
        Duration wait = until(tokens, target, tier.rate(bucket));
        return new Verdict(false, false, tier, bucket, whole(tokens), epochSecondsAfter(wait), wait, cost);
    }

    /**
     * The second charge of an open-ended cancel, once its cost is known: always taken, down to the
     * floor {@link NegativeBalance} allows the signer's tier.
     */
    public synchronized Verdict takeAfter(String signer, Bucket bucket, long cost) {
        Tier tier = tier(signer);
        TokenBucket tokens = refilled(signer, bucket, tier);
        tokens.milliTokens = Math.max(floor(tier, bucket), tokens.milliTokens - cost * MILLI);
        return admitted(tier, bucket, tokens, cost, false);
    }

    /** The bucket as it stands, charging nothing: for answers that draw from no bucket. */
    public synchronized Verdict peek(String signer, Bucket bucket) {
        Tier tier = tier(signer);
        return admitted(tier, bucket, refilled(signer, bucket, tier), 0, false);
    }

    /** Every bucket a request has touched, as it stands now. */
    public synchronized List<BucketState> buckets() {
        List<BucketState> out = new ArrayList<>();
        for (Key key : new ArrayList<>(buckets.keySet())) {
            Tier tier = tier(key.signer());
            out.add(new BucketState(key.signer(), tier, key.bucket(), whole(refilled(key.signer(), key.bucket(), tier))));
        }
        return out;
    }

    /** Off, with no tiers set and full buckets. */
    public synchronized void reset() {
        settings = Settings.OFF;
        buckets.clear();
        tiers.clear();
    }

    private long floor(Tier tier, Bucket bucket) {
        if (bucket != Bucket.CANCEL || !tier.allowsNegativeBalance()) {
            return 0;
        }
        return switch (settings.negativeBalance()) {
            case DOCUMENTED -> NO_FLOOR;
            case BURST -> -tier.burst(bucket) * MILLI;
            case NONE -> 0;
        };
    }

    /** The bucket topped up for the time since it was last, capped at the tier's burst. */
    private TokenBucket refilled(String signer, Bucket bucket, Tier tier) {
        long now = clock.millis();
        long capacity = tier.burst(bucket) * MILLI;
        TokenBucket tokens = buckets.computeIfAbsent(new Key(key(signer), bucket), k -> {
            TokenBucket fresh = new TokenBucket();
            fresh.milliTokens = capacity;
            fresh.refilledAt = now;
            return fresh;
        });
        // Tokens a second are thousandths a millisecond; a bound on the time keeps the product in a long.
        long elapsed = Math.min(Math.max(0, now - tokens.refilledAt), MAX_ELAPSED_MILLIS);
        long added = elapsed * tier.rate(bucket);
        tokens.milliTokens = Math.min(capacity, tokens.milliTokens + added);
        tokens.refilledAt = now;
        return tokens;
    }

    private Verdict admitted(Tier tier, Bucket bucket, TokenBucket tokens, long cost, boolean warning) {
        // Enough for a request of one token again: now, unless a deficit must be paid back first.
        Duration wait = until(tokens, MILLI, tier.rate(bucket));
        return new Verdict(true, warning, tier, bucket, whole(tokens), epochSecondsAfter(wait), Duration.ZERO, cost);
    }

    private static Duration until(TokenBucket tokens, long target, int rate) {
        long missing = target - tokens.milliTokens;
        return missing <= 0 ? Duration.ZERO : Duration.ofMillis((missing + rate - 1) / rate);
    }

    private long epochSecondsAfter(Duration wait) {
        long at = clock.millis() + wait.toMillis();
        return Math.floorDiv(at + 999, 1000);
    }

    /** Whole tokens, rounded down (towards minus infinity for a deficit). */
    private static long whole(TokenBucket tokens) {
        return Math.floorDiv(tokens.milliTokens, MILLI);
    }

    /** Addresses compare without their case, as the exchange's do. */
    private static String key(String signer) {
        return signer.toLowerCase(Locale.ROOT);
    }
}
