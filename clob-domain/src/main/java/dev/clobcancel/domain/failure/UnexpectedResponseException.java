package dev.clobcancel.domain.failure;

import dev.clobcancel.domain.model.RateLimitState;
import java.time.Duration;

/**
 * An answer this library does not know how to read: a status the exchange does not document for
 * the call, or a 200 whose body is not the documented JSON.
 */
public final class UnexpectedResponseException extends ClobException {

    /** See {@link ClobException} for what each argument means; null for none. */
    public UnexpectedResponseException(int status, String serverMessage, String message, Duration retryAfter,
                                       RateLimitState rateLimit, int attempts) {
        super(status, serverMessage, message, null, retryAfter, rateLimit, attempts);
    }

    /** A 200 whose body could not be read as the documented answer. */
    public static UnexpectedResponseException unreadableBody(int status, String bodyStart, String request, String problem) {
        return new UnexpectedResponseException(status, bodyStart,
                request + " answered HTTP " + status + " with a body that is not the documented JSON (" + problem + ")",
                null, RateLimitState.NONE, 1);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
