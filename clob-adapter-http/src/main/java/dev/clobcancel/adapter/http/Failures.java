package dev.clobcancel.adapter.http;

import dev.clobcancel.domain.failure.AuthenticationException;
import dev.clobcancel.domain.failure.BadRequestException;
import dev.clobcancel.domain.failure.ClientClosedException;
import dev.clobcancel.domain.failure.ClobException;
import dev.clobcancel.domain.failure.NotReadyException;
import dev.clobcancel.domain.failure.RateLimitedException;
import dev.clobcancel.domain.failure.ServerErrorException;
import dev.clobcancel.domain.failure.TradingDisabledException;
import dev.clobcancel.domain.failure.TradingRestriction;
import dev.clobcancel.domain.failure.TransportException;
import dev.clobcancel.domain.failure.UnexpectedResponseException;
import dev.clobcancel.domain.failure.WaitInterruptedException;
import dev.clobcancel.domain.model.RateLimitState;
import java.time.Duration;

/**
 * The exchange's statuses read as the domain's failures, and a failure restated once more is
 * known of it: the attempts a call made, the rate limit last seen. The failures are immutable;
 * restating builds a new one of the same type through its public constructor.
 */
final class Failures {

    private static final String GAVE_UP = " (gave up after ";

    private Failures() {
    }

    /** As {@link #forStatus(int, String, String, String, String, Duration, RateLimitState)}, with nothing more known. */
    static ClobException forStatus(int status, String serverMessage, String request) {
        return forStatus(status, serverMessage, null, request, null, null, RateLimitState.NONE);
    }

    /**
     * The failure for an HTTP answer other than 200, by the exchange's meaning of each status,
     * of one attempt.
     *
     * @param serverMessage       the {@code error} field of the body, or the body itself when it was not JSON
     * @param code                the body's {@code code} field (a 503's restriction, such as {@code post_only_mode}), or null
     * @param request             what was asked, for the message, such as {@code "DELETE /order"}
     * @param expectedHeartbeatId a 400's {@code heartbeat_id}, or null
     * @param retryAfter          the wait the answer asked for, or null
     * @param rateLimit           the rate limit as the answer left it
     */
    static ClobException forStatus(int status, String serverMessage, String code, String request,
                                   String expectedHeartbeatId, Duration retryAfter, RateLimitState rateLimit) {
        String message = request + " answered HTTP " + status
                + (serverMessage == null || serverMessage.isEmpty() ? "" : ": " + serverMessage);
        return switch (status) {
            case 400 -> new BadRequestException(serverMessage, message, expectedHeartbeatId, retryAfter, rateLimit, 1);
            case 401 -> new AuthenticationException(serverMessage, message, retryAfter, rateLimit, 1);
            case 425 -> new NotReadyException(serverMessage, message, retryAfter, rateLimit, 1);
            case 429 -> new RateLimitedException(serverMessage, message, retryAfter, rateLimit, 1);
            case 503 -> new TradingDisabledException(serverMessage, message, code,
                    TradingRestriction.of503(code, serverMessage), retryAfter, rateLimit, 1);
            default -> status >= 500 && status <= 599
                    ? new ServerErrorException(status, serverMessage, message, retryAfter, rateLimit, 1)
                    : new UnexpectedResponseException(status, serverMessage, message, retryAfter, rateLimit, 1);
        };
    }

    /**
     * {@code failure}, as the end of a call of {@code attempts} attempts, and why no more were
     * made; the message then says both. One attempt leaves it as it is.
     *
     * @param stopReason why the call gave up, such as {@code "the deadline of 30 s would pass"}
     */
    static ClobException afterAttempts(ClobException failure, int attempts, String stopReason) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
        if (attempts == 1) {
            return failure;
        }
        String message = failure.getMessage();
        int note = failure.attempts() > 1 ? message.lastIndexOf(GAVE_UP) : -1;
        // Restated twice, it says the last count alone.
        String first = note >= 0 ? message.substring(0, note) : message;
        return restated(failure, first + GAVE_UP + attempts + " attempts: " + stopReason + ")", failure.rateLimit(), attempts);
    }

    /** {@code failure} carrying {@code state}, when it carries none of its own (no answer stated one). */
    static ClobException withRateLimitIfNone(ClobException failure, RateLimitState state) {
        return failure.rateLimit().reported() || !state.reported() ? failure
                : restated(failure, failure.getMessage(), state, failure.attempts());
    }

    /** A failure of the same type and fields, but {@code message}, {@code rateLimit} and {@code attempts}. */
    private static ClobException restated(ClobException f, String message, RateLimitState rateLimit, int attempts) {
        String server = f.serverMessage().orElse(null);
        Duration wait = f.retryAfter().orElse(null);
        ClobException copy;
        if (f instanceof BadRequestException e) {
            copy = new BadRequestException(server, message, e.expectedHeartbeatId().orElse(null), wait, rateLimit, attempts);
        } else if (f instanceof AuthenticationException) {
            copy = new AuthenticationException(server, message, wait, rateLimit, attempts);
        } else if (f instanceof NotReadyException) {
            copy = new NotReadyException(server, message, wait, rateLimit, attempts);
        } else if (f instanceof RateLimitedException) {
            copy = new RateLimitedException(server, message, wait, rateLimit, attempts);
        } else if (f instanceof TradingDisabledException e) {
            copy = new TradingDisabledException(server, message, e.code().orElse(null), e.restriction(), wait, rateLimit,
                    attempts);
        } else if (f instanceof ServerErrorException) {
            copy = new ServerErrorException(f.status().orElse(500), server, message, wait, rateLimit, attempts);
        } else if (f instanceof UnexpectedResponseException) {
            copy = new UnexpectedResponseException(f.status().orElse(0), server, message, wait, rateLimit, attempts);
        } else if (f instanceof TransportException e) {
            copy = new TransportException(e.kind(), message, e.getCause(), rateLimit, attempts);
        } else if (f instanceof ClientClosedException) {
            copy = new ClientClosedException(message, attempts);
        } else if (f instanceof WaitInterruptedException) {
            // Nothing to add to a wait that was interrupted: it is no call's last answer.
            return f;
        } else {
            throw new IllegalArgumentException("no such ClobException: " + f.getClass().getName());
        }
        copy.setStackTrace(f.getStackTrace());
        for (Throwable earlier : f.getSuppressed()) {
            copy.addSuppressed(earlier);
        }
        return copy;
    }
}
