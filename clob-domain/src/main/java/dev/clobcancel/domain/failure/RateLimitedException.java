package dev.clobcancel.domain.failure;

import java.time.Duration;

/**
 * HTTP 429: too many requests, over one of the exchange's per-endpoint windows or over the
 * signer's token bucket; {@link #retryAfter()} tells how long the exchange asked to wait, and
 * {@link #rateLimit()} what it said of the bucket.
 */
public final class RateLimitedException extends ClobException {

    RateLimitedException(String serverMessage, String message) {
        super(429, serverMessage, message, null);
    }

    /** The same failure, with the wait the exchange asked for. */
    @Override
    public RateLimitedException withRetryAfter(Duration wait) {
        return (RateLimitedException) super.withRetryAfter(wait);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }

    @Override
    ClobException copyWithMessage(String message) {
        return new RateLimitedException(serverMessage().orElse(null), message);
    }
}
