package dev.clobcancel.domain.failure;

import java.time.Duration;
import java.util.Optional;

/** HTTP 429: too many requests; {@link #retryAfter()} tells how long the exchange asked to wait. */
public final class RateLimitedException extends ClobException {

    private final Duration retryAfter;

    RateLimitedException(String serverMessage, String message, Duration retryAfter) {
        super(429, serverMessage, message, null);
        this.retryAfter = retryAfter;
    }

    /** The same failure, with the wait the exchange asked for. */
    public RateLimitedException withRetryAfter(Duration wait) {
        RateLimitedException copy = new RateLimitedException(serverMessage().orElse(null), getMessage(), wait);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }

    @Override
    ClobException copyWithMessage(String message) {
        return new RateLimitedException(serverMessage().orElse(null), message, retryAfter);
    }
}
