package dev.clobcancel.domain.failure;

/**
 * The client was closed: before the call was sent ({@link #attempts()} 0), or while it waited
 * for an answer or for its next attempt. Not retryable on this client; a new client may send it.
 *
 * <pre>{@code
 * catch (ClientClosedException e) { ... } // shutting down: the cancel was not confirmed
 * }</pre>
 */
public final class ClientClosedException extends ClobException {

    /** @param attempts how many times the request was sent before the close, 0 when it never was */
    public ClientClosedException(String message, int attempts) {
        super(0, null, message, null, null, null, attempts);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
