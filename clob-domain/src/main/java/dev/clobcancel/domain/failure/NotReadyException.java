package dev.clobcancel.domain.failure;

/** HTTP 425: the matching engine is restarting; the exchange advises backing off and trying again. */
public final class NotReadyException extends ClobException {

    NotReadyException(String serverMessage, String message) {
        super(425, serverMessage, message, null);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }

    @Override
    ClobException copyWithMessage(String message) {
        return new NotReadyException(serverMessage().orElse(null), message);
    }
}
