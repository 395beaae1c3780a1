package dev.clobcancel.domain.failure;

import java.util.Locale;

/**
 * Why the exchange is not trading as usual, as its answers say: a 425 while the matching engine
 * restarts, and a 503 whose body names the mode ({@code "code":"post_only_mode"} for post-only,
 * the cancel-only text or {@code "code":"cancel_only"} for cancel-only) or none (trading disabled).
 *
 * <pre>{@code
 * if (failure instanceof TradingRestricted restricted && restricted.restriction() == TradingRestriction.POST_ONLY)
 *     resubmitAsPostOnlyAfter(restricted.retryAfter().orElse(Duration.ofMinutes(2)));
 * }</pre>
 */
public enum TradingRestriction {
    /** 425: the matching engine is restarting; nothing is matched or canceled until it is back. */
    RESTARTING,
    /** 503: only cancels are accepted, no new orders. */
    CANCEL_ONLY,
    /** 503 {@code post_only_mode}: after a restart, only post-only orders and cancels are accepted. */
    POST_ONLY,
    /** 503 with no mode named: trading is disabled, cancels included. */
    TRADING_DISABLED;

    /** The exchange's cancel-only text, as {@code Polymarket/ts-sdk} matches it. */
    static final String CANCEL_ONLY_TEXT = "Trading is currently cancel-only";

    /** The restriction a 503 states, by its {@code code} field, else its {@code error} text. */
    public static TradingRestriction of503(String code, String serverMessage) {
        String named = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        if (named.equals("post_only_mode") || named.equals("post_only")) {
            return POST_ONLY;
        }
        if (named.equals("cancel_only") || serverMessage != null && serverMessage.startsWith(CANCEL_ONLY_TEXT)) {
            return CANCEL_ONLY;
        }
        return TRADING_DISABLED;
    }
}
