package dev.clobcancel.domain.failure;

import dev.clobcancel.domain.model.RateLimitState;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP 400: the exchange refused the request as malformed, for example {@code Invalid orderID}.
 * A heartbeat naming an id other than the one the exchange expects is refused with that id,
 * {@code {"error":"Invalid Heartbeat ID","heartbeat_id":"<expected>"}}: it is in
 * {@link #expectedHeartbeatId()}, and the chain resumes by naming it.
 */
public final class BadRequestException extends ClobException {

    private final String expectedHeartbeatId;

    /**
     * @param expectedHeartbeatId the heartbeat id the refusal named, or null when it named none;
     *                            see {@link ClobException} for the others
     */
    public BadRequestException(String serverMessage, String message, String expectedHeartbeatId, Duration retryAfter,
                               RateLimitState rateLimit, int attempts) {
        super(400, serverMessage, message, null, retryAfter, rateLimit, attempts);
        this.expectedHeartbeatId = expectedHeartbeatId;
    }

    /**
     * The heartbeat id the exchange expects next, when this refused a heartbeat for naming
     * another; {@code ""} when it expects a new chain.
     */
    public Optional<String> expectedHeartbeatId() {
        return Optional.ofNullable(expectedHeartbeatId);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
