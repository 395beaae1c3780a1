package dev.clobcancel.simulator.orders;

/**
 * An order the exchange refuses: its status, the exchange's own words, and for the simulator's
 * {@code X-Sim-Refusal} header the check that failed (the exchange's words rarely say).
 */
public final class SignedOrderRefusedException extends RuntimeException {

    private final int status;
    private final String detail;

    public SignedOrderRefusedException(int status, String exchangeMessage, String detail) {
        super(exchangeMessage, null, false, false);
        this.status = status;
        this.detail = detail;
    }

    /** A 400 with the exchange's words and the failed check. */
    public static SignedOrderRefusedException badRequest(String exchangeMessage, String detail) {
        return new SignedOrderRefusedException(400, exchangeMessage, detail);
    }

    public int status() {
        return status;
    }

    /** The failed check, in the simulator's words. */
    public String detail() {
        return detail;
    }
}
