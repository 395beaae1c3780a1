package dev.clobcancel.domain.failure;

import dev.clobcancel.domain.model.RateLimitState;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why a call to the exchange got no usable answer. One small, sealed family: a caller tells the
 * cases apart by type, and every case carries the HTTP status (when there was one), the
 * exchange's own {@code error} text, whether trying again may help, the wait the exchange asked
 * for (if it asked), its per-signer rate limit as its last answer stated it, and how many
 * attempts were made. Immutable: every field is set by the constructor, and a failure handed to
 * someone never changes under them.
 *
 * <pre>{@code
 * try {
 *     clob.blocking().cancelOrder(id);
 * } catch (AuthenticationException e) {
 *     ... // fix the credentials
 * } catch (ClobException e) {
 *     if (e.isRetryable()) ... // try again later
 * }
 * }</pre>
 *
 * An asynchronous caller finds the same failure as the cause of the stage's
 * {@link java.util.concurrent.CompletionException}.
 */
public abstract sealed class ClobException extends RuntimeException
        permits BadRequestException, AuthenticationException, TradingDisabledException,
                NotReadyException, RateLimitedException, ServerErrorException,
                UnexpectedResponseException, TransportException, ClientClosedException,
                WaitInterruptedException {

    private final int status;
    private final String serverMessage;
    private final Duration retryAfter;
    private final RateLimitState rateLimit;
    private final int attempts;

    /**
     * @param status        the HTTP status, 0 when no answer came
     * @param serverMessage the exchange's {@code error} text, or null
     * @param retryAfter    the wait the exchange asked for, or null when it asked for none
     * @param rateLimit     the rate limit as last stated, or null for {@link RateLimitState#NONE}
     * @param attempts      how many times the request was sent, 0 when it never was
     */
    ClobException(int status, String serverMessage, String message, Throwable cause, Duration retryAfter,
                  RateLimitState rateLimit, int attempts) {
        super(message, cause);
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative, not " + attempts);
        }
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, not " + retryAfter);
        }
        this.status = status;
        this.serverMessage = serverMessage;
        this.retryAfter = retryAfter;
        this.rateLimit = Objects.requireNonNullElse(rateLimit, RateLimitState.NONE);
        this.attempts = attempts;
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
     * How many times the request was sent before this failure was the answer: 1 unless the call
     * was retried; 0 when nothing was sent (a closed client) or the count is not known (a wait
     * that was interrupted).
     */
    public int attempts() {
        return attempts;
    }

    /** Whether the same request, sent again later, may succeed. */
    public abstract boolean isRetryable();
}
