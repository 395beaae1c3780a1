package dev.clobcancel.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The exchange's per-signer rate limit as its last answer stated it, in the
 * {@code Poly-RateLimit-*} headers: the tokens left in the cancel bucket ({@code Remaining}, below
 * zero when a tier may overdraw), when it is full again ({@code Reset}, unix seconds), the tier
 * ({@code Tier}), and whether the signer is in warning mode ({@code Warning: true}).
 * {@link #NONE} before any answer carried them.
 *
 * <pre>{@code
 * RateLimitState limit = result.rateLimit();
 * if (limit.warning()) log.warn("close to the exchange's rate limit: {}", limit);
 * int biggestBatch = limit.cancelBurst(); // what one request may cost
 * }</pre>
 *
 * @param tierName the tier as the exchange named it, known to {@link RateLimitTier} or not
 * @param seenAt   when the answer that stated it came, by the client's clock; absent for {@link #NONE}
 */
public record RateLimitState(OptionalLong remaining, Optional<Instant> reset, Optional<String> tierName, boolean warning,
                             Optional<Instant> seenAt) {

    /** Nothing reported yet. */
    public static final RateLimitState NONE = new RateLimitState(OptionalLong.empty(), Optional.empty(), Optional.empty(),
            false, Optional.empty());

    public RateLimitState {
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(reset, "reset");
        Objects.requireNonNull(tierName, "tierName");
        Objects.requireNonNull(seenAt, "seenAt");
    }

    /** Whether any answer has stated a limit. */
    public boolean reported() {
        return seenAt.isPresent();
    }

    /** The tier, when the exchange named one this library knows. */
    public Optional<RateLimitTier> tier() {
        return tierName.flatMap(RateLimitTier::parse);
    }

    /**
     * The most one cancel request may cost: the burst of the tier last reported, or the lowest
     * tier's ({@value #DEFAULT_CANCEL_BURST}) before any report or for a tier not known, which
     * no signer's bucket is smaller than.
     */
    public int cancelBurst() {
        return tier().map(RateLimitTier::cancelBurst).orElse(DEFAULT_CANCEL_BURST);
    }

    /** The burst of {@link RateLimitTier#STANDARD}, every signer's at least. */
    public static final int DEFAULT_CANCEL_BURST = 120;

    @Override
    public String toString() {
        if (!reported()) {
            return "RateLimitState[none reported]";
        }
        return "RateLimitState[" + tierName.map(t -> "tier " + t + ", ").orElse("")
                + (remaining.isPresent() ? remaining.getAsLong() + " left" : "left unknown")
                + reset.map(r -> ", full at " + r).orElse("") + (warning ? ", WARNING" : "") + "]";
    }
}
