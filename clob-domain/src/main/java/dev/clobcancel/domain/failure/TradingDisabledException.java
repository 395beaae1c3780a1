package dev.clobcancel.domain.failure;

import dev.clobcancel.domain.model.RateLimitState;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP 503: the exchange restricts trading. {@link #restriction()} says how: disabled altogether
 * (cancels refused too, until it comes back), cancel-only or post-only (the exchange's
 * {@code code}, such as {@code post_only_mode}, in {@link #code()}); {@link #retryAfter()} is
 * the wait it asked for, if any.
 */
public final class TradingDisabledException extends ClobException implements TradingRestricted {

    private final String code;
    private final TradingRestriction restriction;

    /**
     * @param code        the body's {@code code} field, or null
     * @param restriction what the 503 restricts, as {@link TradingRestriction#of503} reads it;
     *                    see {@link ClobException} for the others
     */
    public TradingDisabledException(String serverMessage, String message, String code, TradingRestriction restriction,
                                    Duration retryAfter, RateLimitState rateLimit, int attempts) {
        super(503, serverMessage, message, null, retryAfter, rateLimit, attempts);
        this.code = code;
        this.restriction = Objects.requireNonNull(restriction, "restriction");
    }

    @Override
    public TradingRestriction restriction() {
        return restriction;
    }

    /** The body's {@code code} field, such as {@code post_only_mode}, when it had one. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
