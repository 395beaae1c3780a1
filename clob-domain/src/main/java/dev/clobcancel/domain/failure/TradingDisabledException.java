package dev.clobcancel.domain.failure;

/** HTTP 503: trading is disabled on the exchange; cancels too are refused until it comes back. */
public final class TradingDisabledException extends ClobException {

    TradingDisabledException(String serverMessage, String message) {
        super(503, serverMessage, message, null);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }

    @Override
    ClobException copyWithMessage(String message) {
        return new TradingDisabledException(serverMessage().orElse(null), message);
    }
}
