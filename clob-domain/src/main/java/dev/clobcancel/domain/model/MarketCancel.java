package dev.clobcancel.domain.model;

/**
 * Which of the account's orders a market cancel takes off the book: those of a market (its
 * condition id), those of one outcome token (its asset id), or those of both at once.
 *
 * <pre>{@code
 * clob.cancelMarketOrders(MarketCancel.market("0x5f65...9a2b"));
 * clob.cancelMarketOrders(MarketCancel.asset("71321045679252212594626385532706912750332728571942532289631379312455583992563"));
 * clob.cancelMarketOrders(MarketCancel.of(market, assetId));
 * }</pre>
 *
 * The exchange refuses a cancel that names neither, so this value cannot be made without one.
 *
 * @param market  the market's condition id, or null for any market
 * @param assetId the outcome token's id, or null for any token
 */
public record MarketCancel(String market, String assetId) {

    public MarketCancel {
        if (market == null && assetId == null) {
            throw new IllegalArgumentException("a market cancel needs a market, an asset id or both; neither was given");
        }
        requireIdLike("market", market);
        requireIdLike("asset id", assetId);
    }

    /** Every order of the account in {@code market}. */
    public static MarketCancel market(String market) {
        return new MarketCancel(requireGiven(market, "market"), null);
    }

    /** Every order of the account on the outcome token {@code assetId}. */
    public static MarketCancel asset(String assetId) {
        return new MarketCancel(null, requireGiven(assetId, "asset id"));
    }

    /** The account's orders in {@code market} on {@code assetId}; either may be null, not both. */
    public static MarketCancel of(String market, String assetId) {
        return new MarketCancel(market, assetId);
    }

    private static String requireGiven(String value, String what) {
        if (value == null) {
            throw new NullPointerException(what + " is null");
        }
        return value;
    }

    /**
     * Ids are one word: a blank one, or one with a space or a line break (usually pasted along
     * with it), could only ever match nothing, and the exchange would not say so.
     */
    private static void requireIdLike(String what, String value) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException(what + " \"" + Text.shorten(value)
                        + "\" has whitespace or a control character at position " + i);
            }
        }
    }
}
