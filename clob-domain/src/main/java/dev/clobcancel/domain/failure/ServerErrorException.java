package dev.clobcancel.domain.failure;

/** HTTP 500 or another 5xx (503 aside): the exchange failed while handling the request. */
public final class ServerErrorException extends ClobException {

    ServerErrorException(int status, String serverMessage, String message) {
        super(status, serverMessage, message, null);
    }

    /** 500, 502 and 504 are passing faults; others (501, 505, ...) will not mend by themselves. */
    @Override
    public boolean isRetryable() {
        int status = status().orElse(500);
        return status == 500 || status == 502 || status == 504;
    }

    @Override
    ClobException copyWithMessage(String message) {
        return new ServerErrorException(status().orElse(500), serverMessage().orElse(null), message);
    }
}
