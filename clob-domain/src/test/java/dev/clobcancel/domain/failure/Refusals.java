package dev.clobcancel.domain.failure;

import java.time.Duration;

/** The exchange's refusals as the domain's tests need them, built through the public constructors. */
public final class Refusals {

    private Refusals() {
    }

    /** The failure an answer of {@code status} makes, with {@code retryAfter} (null for none) and one attempt. */
    public static ClobException status(int status, String serverMessage, Duration retryAfter) {
        return answer("DELETE /order", status, serverMessage, retryAfter);
    }

    /** The failure an answer of {@code status} to a heartbeat makes. */
    public static ClobException toHeartbeat(int status, String serverMessage) {
        return answer("POST /v1/heartbeats", status, serverMessage, null);
    }

    private static ClobException answer(String request, int status, String serverMessage, Duration retryAfter) {
        String message = request + " answered HTTP " + status + (serverMessage == null ? "" : ": " + serverMessage);
        return switch (status) {
            case 400 -> new BadRequestException(serverMessage, message, null, retryAfter, null, 1);
            case 401 -> new AuthenticationException(serverMessage, message, retryAfter, null, 1);
            case 425 -> new NotReadyException(serverMessage, message, retryAfter, null, 1);
            case 429 -> new RateLimitedException(serverMessage, message, retryAfter, null, 1);
            case 503 -> new TradingDisabledException(serverMessage, message, null, TradingRestriction.of503(null, serverMessage),
                    retryAfter, null, 1);
            default -> status >= 500 ? new ServerErrorException(status, serverMessage, message, retryAfter, null, 1)
                    : new UnexpectedResponseException(status, serverMessage, message, retryAfter, null, 1);
        };
    }

    /** A 400 refusing a heartbeat that named a stale id, naming {@code expected}. */
    public static BadRequestException staleHeartbeatId(String expected) {
        return new BadRequestException("Invalid Heartbeat ID", "POST /v1/heartbeats answered HTTP 400: Invalid Heartbeat ID",
                expected, null, null, 1);
    }
}
