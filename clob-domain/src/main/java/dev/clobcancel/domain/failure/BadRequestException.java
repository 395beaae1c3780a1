package dev.clobcancel.domain.failure;

import java.util.Objects;
import java.util.Optional;

/**
 * HTTP 400: the exchange refused the request as malformed, for example {@code Invalid orderID}.
 * A heartbeat naming an id other than the one the exchange expects is refused with that id,
 * {@code {"error":"Invalid Heartbeat ID","heartbeat_id":"<expected>"}}: it is in
 * {@link #expectedHeartbeatId()}, and the chain resumes by naming it.
 */
public final class BadRequestException extends ClobException {

    private final String expectedHeartbeatId;

    BadRequestException(String serverMessage, String message) {
        this(serverMessage, message, null);
    }

    private BadRequestException(String serverMessage, String message, String expectedHeartbeatId) {
        super(400, serverMessage, message, null);
        this.expectedHeartbeatId = expectedHeartbeatId;
    }

    /**
     * The heartbeat id the exchange expects next, when this refused a heartbeat for naming
     * another; {@code ""} when it expects a new chain.
     */
    public Optional<String> expectedHeartbeatId() {
        return Optional.ofNullable(expectedHeartbeatId);
    }

    /** The same failure, saying the exchange expects the heartbeat id {@code expected}. */
    public BadRequestException withExpectedHeartbeatId(String expected) {
        Objects.requireNonNull(expected, "expected");
        return withStateOf(this, new BadRequestException(serverMessage().orElse(null), getMessage(), expected));
    }

    @Override
    public boolean isRetryable() {
        return false;
    }

    @Override
    ClobException copyWithMessage(String message) {
        return new BadRequestException(serverMessage().orElse(null), message, expectedHeartbeatId);
    }
}
