package dev.clobcancel.domain.failure;

/** HTTP 401: the exchange did not accept the L2 headers (key, passphrase, address, signature or timestamp). */
public final class AuthenticationException extends ClobException {

    AuthenticationException(String serverMessage, String message) {
        super(401, serverMessage, message, null);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }

    @Override
    ClobException copyWithMessage(String message) {
        return new AuthenticationException(serverMessage().orElse(null), message);
    }
}
