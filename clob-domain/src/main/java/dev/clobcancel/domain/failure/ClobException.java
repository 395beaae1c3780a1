package dev.clobcancel.domain.failure;

import dev.clobcancel.domain.model.RateLimitState;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why a call to the exchange got no usable answer. One small, sealed family: a caller tells the
 * cases apart by type, and every case carries the HTTP status (when there was one), the
 * exchange's own {@code error} text, whether trying again may help, the wait the exchange asked
 * for (if it asked), and its per-signer rate limit as its last answer stated it.
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
    /** The message as first written, without the note that a copy of {@link #withAttempts} adds. */
    private String firstMessage;
    /** Set on a copy before it is handed out, never after: see {@link #withAttempts}. */
    private int attempts = 1;
    /** Likewise: see {@link #withRateLimit}. */
    private RateLimitState rateLimit = RateLimitState.NONE;
    /** Likewise: see {@link #withRetryAfter}; null when the exchange asked for no wait. */
    private Duration retryAfter;

    ClobException(int status, String serverMessage, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.serverMessage = serverMessage;
        this.firstMessage = message;
    }

    /** A new failure of the same type and fields with {@code message}; see {@link #withAttempts}. */
    abstract ClobException copyWithMessage(String message);

    /**
     * The failure for an HTTP answer other than 200, by the exchange's meaning of each status.
     *
     * @param status        the HTTP status
     * @param serverMessage the {@code error} field of the body, or the body itself when it was not JSON
     * @param request       what was asked, for the message, such as {@code "DELETE /order"}
     */
    public static ClobException forStatus(int status, String serverMessage, String request) {
        return forStatus(status, serverMessage, null, request);
    }

    /**
     * As {@link #forStatus(int, String, String)}, with the {@code code} field of the body (null
     * when it had none), which tells a 503's trading restriction apart, as
     * {@code "post_only_mode"} does.
     */
    public static ClobException forStatus(int status, String serverMessage, String code, String request) {
        String message = request + " answered HTTP " + status
                + (serverMessage == null || serverMessage.isEmpty() ? "" : ": " + serverMessage);
        return switch (status) {
            case 400 -> new BadRequestException(serverMessage, message);
            case 401 -> new AuthenticationException(serverMessage, message);
            case 425 -> new NotReadyException(serverMessage, message);
            case 429 -> new RateLimitedException(serverMessage, message);
            case 503 -> new TradingDisabledException(serverMessage, message, code,
                    TradingRestriction.of503(code, serverMessage));
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

    /**
     * How long the exchange asked to wait before trying again ({@code Retry-After}, the body's
     * {@code retry_after_seconds}, or for a 429 the time until {@code Poly-RateLimit-Reset}),
     * when it asked.
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * The exchange's per-signer rate limit as the last answer the client saw stated it
     * ({@link RateLimitState#NONE} when none did, or no answer came).
     */
    public RateLimitState rateLimit() {
        return rateLimit;
    }

    /**
     * How many times the request was sent before this failure was the answer: 1 unless the
     * failure comes from a call that was retried.
     */
    public int attempts() {
        return attempts;
    }

    /**
     * The same failure, recording that it ended a call of {@code attempts} attempts, and why no
     * more were made; the message then says both. A copy rather than a change, so that a failure
     * already handed to someone never changes under them.
     *
     * @param attempts   how many times the request was sent, at least 1
     * @param stopReason why the call gave up, such as {@code "the deadline of 30 s would pass"}
     */
    public final ClobException withAttempts(int attempts, String stopReason) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
        String message = attempts == 1 ? firstMessage
                : firstMessage + " (gave up after " + attempts + " attempts: " + stopReason + ")";
        ClobException copy = withStateOf(this, copyWithMessage(message));
        copy.attempts = attempts;
        return copy;
    }

    /** The same failure, carrying the rate limit {@code state}; a copy, as for {@link #withAttempts}. */
    public final ClobException withRateLimit(RateLimitState state) {
        ClobException copy = withStateOf(this, copyWithMessage(getMessage()));
        copy.rateLimit = java.util.Objects.requireNonNull(state, "state");
        return copy;
    }

    /** The same failure, with the wait the exchange asked for; a copy, as for {@link #withAttempts}. */
    public ClobException withRetryAfter(Duration wait) {
        if (wait != null && wait.isNegative()) {
            throw new IllegalArgumentException("wait must not be negative, not " + wait);
        }
        ClobException copy = withStateOf(this, copyWithMessage(getMessage()));
        copy.retryAfter = wait;
        return copy;
    }

    /** {@code copy}, given everything of {@code original} that the base class holds: what a copy keeps. */
    static <E extends ClobException> E withStateOf(ClobException original, E copy) {
        ClobException target = copy;
        target.firstMessage = original.firstMessage;
        target.attempts = original.attempts;
        target.rateLimit = original.rateLimit;
        target.retryAfter = original.retryAfter;
        target.setStackTrace(original.getStackTrace());
        for (Throwable earlier : original.getSuppressed()) {
            target.addSuppressed(earlier);
        }
        return copy;
    }

    /** Whether the same request, sent again later, may succeed. */
    public abstract boolean isRetryable();
}
