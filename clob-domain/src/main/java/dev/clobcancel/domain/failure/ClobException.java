package dev.clobcancel.domain.failure;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why a call to the exchange got no usable answer. One small, sealed family: a caller tells the
 * cases apart by type, and every case carries the HTTP status (when there was one), the
 * exchange's own {@code error} text, and whether trying again may help.
 *
 * <pre>{@code
 * catch (CompletionException e) {
 *     if (e.getCause() instanceof AuthenticationException auth) ... // fix the credentials
 *     if (e.getCause() instanceof ClobException clob && clob.isRetryable()) ... // try again
 * }
 * }</pre>
 */
public abstract sealed class ClobException extends RuntimeException
        permits BadRequestException, AuthenticationException, TradingDisabledException,
                NotReadyException, RateLimitedException, ServerErrorException,
                UnexpectedResponseException, TransportException {

    private final int status;
    private final String serverMessage;

    ClobException(int status, String serverMessage, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.serverMessage = serverMessage;
    }

    /**
     * The failure for an HTTP answer other than 200, by the exchange's meaning of each status.
     *
     * @param status        the HTTP status
     * @param serverMessage the {@code error} field of the body, or the body itself when it was not JSON
     * @param request       what was asked, for the message, such as {@code "DELETE /order"}
     */
    public static ClobException forStatus(int status, String serverMessage, String request) {
        String message = request + " answered HTTP " + status
                + (serverMessage == null || serverMessage.isEmpty() ? "" : ": " + serverMessage);
        return switch (status) {
            case 400 -> new BadRequestException(serverMessage, message);
            case 401 -> new AuthenticationException(serverMessage, message);
            case 425 -> new NotReadyException(serverMessage, message);
            case 429 -> new RateLimitedException(serverMessage, message, null);
            case 503 -> new TradingDisabledException(serverMessage, message);
            default -> status >= 500 && status <= 599
                    ? new ServerErrorException(status, serverMessage, message)
                    : new UnexpectedResponseException(status, serverMessage, message);
        };
    }

    /** The HTTP status of the answer, absent when none came (a transport failure). */
    public OptionalInt status() {
        return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** The exchange's {@code error} text, or the start of a body that was not JSON. */
    public Optional<String> serverMessage() {
        return Optional.ofNullable(serverMessage);
    }

    /** Whether the same request, sent again later, may succeed. */
    public abstract boolean isRetryable();
}
