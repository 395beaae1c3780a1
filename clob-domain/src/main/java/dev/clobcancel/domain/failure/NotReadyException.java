package dev.clobcancel.domain.failure;

/**
 * HTTP 425: the matching engine is restarting ({@link TradingRestriction#RESTARTING}); the
 * exchange advises backing off and trying again, after {@link #retryAfter()} when it says.
 */
public final class NotReadyException extends ClobException implements TradingRestricted {

    NotReadyException(String serverMessage, String message) {
        super(425, serverMessage, message, null);
    }

    @Override
    public TradingRestriction restriction() {
        return TradingRestriction.RESTARTING;
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
