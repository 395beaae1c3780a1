package dev.clobcancel.domain.failure;

import dev.clobcancel.domain.model.RateLimitState;
import java.time.Duration;

/** HTTP 401: the exchange did not accept the L2 headers (key, passphrase, address, signature or timestamp). */
public final class AuthenticationException extends ClobException {

    /** See {@link ClobException} for what each argument means; null for none. */
    public AuthenticationException(String serverMessage, String message, Duration retryAfter, RateLimitState rateLimit,
                                   int attempts) {
        super(401, serverMessage, message, null, retryAfter, rateLimit, attempts);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
