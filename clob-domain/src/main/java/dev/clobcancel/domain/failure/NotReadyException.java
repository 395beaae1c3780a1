package dev.clobcancel.domain.failure;

import dev.clobcancel.domain.model.RateLimitState;
import java.time.Duration;

/**
 * HTTP 425: the matching engine is restarting ({@link TradingRestriction#RESTARTING}); the
 * exchange advises backing off and trying again, after {@link #retryAfter()} when it says.
 */
public final class NotReadyException extends ClobException implements TradingRestricted {

    /** See {@link ClobException} for what each argument means; null for none. */
    public NotReadyException(String serverMessage, String message, Duration retryAfter, RateLimitState rateLimit,
                             int attempts) {
        super(425, serverMessage, message, null, retryAfter, rateLimit, attempts);
    }

    @Override
    public TradingRestriction restriction() {
        return TradingRestriction.RESTARTING;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
