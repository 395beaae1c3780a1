package dev.clobcancel.simulator.orders;

/**
 * An order the exchange refuses: the exchange's own words, and for the simulator's
 * {@code X-Sim-Refusal} header the check that failed (the exchange's words rarely say).
 */
public final class SignedOrderRefusedException extends RuntimeException {

    /** The exchange's words for a body it cannot read. */
    public static final String INVALID_ORDER_PAYLOAD = "Invalid order payload";
    /** The exchange's words for an order of a token no market lists. */
    public static final String MARKET_NOT_FOUND = "market not found";

    private final boolean unknownMarket;
    private final String detail;

    private SignedOrderRefusedException(String exchangeMessage, String detail, boolean unknownMarket) {
        super(exchangeMessage, null, false, false);
        this.detail = detail;
        this.unknownMarket = unknownMarket;
    }

    /** Refused with the exchange's words and the failed check. */
    public static SignedOrderRefusedException refused(String exchangeMessage, String detail) {
        return new SignedOrderRefusedException(exchangeMessage, detail, false);
    }

    /** Refused because the order's token is of no market the exchange lists. */
    public static SignedOrderRefusedException marketNotFound(String detail) {
        return new SignedOrderRefusedException(MARKET_NOT_FOUND, detail, true);
    }

    /** Whether the order names a token of no market: the exchange's "not found". */
    public boolean unknownMarket() {
        return unknownMarket;
    }

    /** The failed check, in the simulator's words. */
    public String detail() {
        return detail;
    }
}
