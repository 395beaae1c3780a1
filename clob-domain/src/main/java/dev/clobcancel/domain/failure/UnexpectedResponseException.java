package dev.clobcancel.domain.failure;

/**
 * An answer this library does not know how to read: a status the exchange does not document for
 * the call, or a 200 whose body is not the documented JSON.
 */
public final class UnexpectedResponseException extends ClobException {

    UnexpectedResponseException(int status, String serverMessage, String message) {
        super(status, serverMessage, message, null);
    }

    /** A 200 whose body could not be read as the documented answer. */
    public static UnexpectedResponseException unreadableBody(int status, String bodyStart, String request, String problem) {
        return new UnexpectedResponseException(status, bodyStart,
                request + " answered HTTP " + status + " with a body that is not the documented JSON (" + problem + ")");
    }

    @Override
    public boolean isRetryable() {
        return false;
    }

    @Override
    ClobException copyWithMessage(String message) {
        return new UnexpectedResponseException(status().orElse(0), serverMessage().orElse(null), message);
    }
}
