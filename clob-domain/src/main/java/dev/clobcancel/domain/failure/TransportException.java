package dev.clobcancel.domain.failure;

import dev.clobcancel.domain.model.RateLimitState;
import java.util.Objects;

/**
 * No answer came: the connection could not be made or was lost, or the answer did not come in
 * time. Whether the exchange acted on the request is unknown; a cancel is idempotent, so
 * sending it again is safe. {@link #kind()} says what went wrong, and whether it can heal: a
 * certificate that is not trusted, a host name the certificate does not name, or a host name
 * that does not resolve stays so however often it is tried, and is not retried.
 *
 * <pre>{@code
 * catch (TransportException e) {
 *     if (e.kind() == TransportException.Kind.CERTIFICATE) ... // trust the server's certificate
 * }
 * }</pre>
 */
public final class TransportException extends ClobException {

    /** What went wrong on the way, and whether trying again may help. */
    public enum Kind {
        /** The host refused the connection, or could not be reached. */
        CONNECT_REFUSED(true),
        /** The host name did not resolve: a wrong URL does not heal by itself. */
        UNKNOWN_HOST(false),
        /** The server's certificate is not trusted (unknown authority, expired, malformed). */
        CERTIFICATE(false),
        /** The server's certificate is trusted but does not name the host that was asked for. */
        HOST_NAME_MISMATCH(false),
        /** The TLS handshake failed for another reason, such as a connection lost during it. */
        TLS(true),
        /** No connection or no whole answer within the timeout, or the deadline passed. */
        TIMEOUT(true),
        /** The connection was reset or closed before a whole answer came. */
        CONNECTION_RESET(true),
        /** Not sent: too many requests already wait for a connection. */
        TOO_MANY_WAITING(true),
        /** Anything else below HTTP. */
        UNKNOWN(true);

        private final boolean mayHeal;

        Kind(boolean mayHeal) {
            this.mayHeal = mayHeal;
        }

        /** Whether the same request may get through when sent again. */
        public boolean mayHeal() {
            return mayHeal;
        }
    }

    private final Kind kind;

    /** See {@link ClobException} for what each argument means; null for none. */
    public TransportException(Kind kind, String message, Throwable cause, RateLimitState rateLimit, int attempts) {
        super(0, null, message, cause, null, rateLimit, attempts);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the kind {@linkplain Kind#mayHeal() may heal}. */
    @Override
    public boolean isRetryable() {
        return kind.mayHeal();
    }
}
