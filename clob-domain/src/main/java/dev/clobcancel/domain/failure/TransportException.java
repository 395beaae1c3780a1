package dev.clobcancel.domain.failure;

/**
 * No HTTP answer came: the connection was refused, reset or closed early, or the answer did not
 * come in time. Whether the exchange acted on the request is unknown; a cancel is idempotent, so
 * sending it again is safe.
 */
public final class TransportException extends ClobException {

    /** What went wrong on the way. */
    public enum Kind {
        /** Could not connect: refused, unreachable, or the host name did not resolve. */
        CONNECT,
        /** The connection was reset or closed before a whole answer came. */
        CLOSED,
        /** No whole answer within the timeout. */
        TIMEOUT,
        /** Anything else below HTTP, such as a TLS failure. */
        OTHER
    }

    private final Kind kind;

    public TransportException(Kind kind, String message, Throwable cause) {
        super(0, null, message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }

    @Override
    ClobException copyWithMessage(String message) {
        return new TransportException(kind, message, getCause());
    }
}
