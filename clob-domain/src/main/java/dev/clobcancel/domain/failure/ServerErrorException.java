package dev.clobcancel.domain.failure;

import dev.clobcancel.domain.model.RateLimitState;
import java.time.Duration;

/** HTTP 500 or another 5xx (503 aside): the exchange failed while handling the request. */
public final class ServerErrorException extends ClobException {

    /** @param status a 5xx status; see {@link ClobException} for the others */
    public ServerErrorException(int status, String serverMessage, String message, Duration retryAfter,
                                RateLimitState rateLimit, int attempts) {
        super(requireServerError(status), serverMessage, message, null, retryAfter, rateLimit, attempts);
    }

    private static int requireServerError(int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("a server error has a 5xx status, not " + status);
        }
        return status;
    }

    /** 500, 502 and 504 are passing faults; others (501, 505, ...) will not mend by themselves. */
    @Override
    public boolean isRetryable() {
        int status = status().orElse(500);
        return status == 500 || status == 502 || status == 504;
    }
}
