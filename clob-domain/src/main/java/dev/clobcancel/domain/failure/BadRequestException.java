package dev.clobcancel.domain.failure;

/** HTTP 400: the exchange refused the request as malformed, for example {@code Invalid orderID}. */
public final class BadRequestException extends ClobException {

    BadRequestException(String serverMessage, String message) {
        super(400, serverMessage, message, null);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }

    @Override
    ClobException copyWithMessage(String message) {
        return new BadRequestException(serverMessage().orElse(null), message);
    }
}
