package dev.clobcancel.domain.failure;

import dev.clobcancel.domain.model.RateLimitState;
import java.time.Duration;

/**
 * HTTP 429: too many requests, over one of the exchange's per-endpoint windows or over the
 * signer's token bucket; {@link #retryAfter()} tells how long the exchange asked to wait, and
 * {@link #rateLimit()} what it said of the bucket.
 */
public final class RateLimitedException extends ClobException {

    /** See {@link ClobException} for what each argument means; null for none. */
    public RateLimitedException(String serverMessage, String message, Duration retryAfter, RateLimitState rateLimit,
                                int attempts) {
        super(429, serverMessage, message, null, retryAfter, rateLimit, attempts);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
