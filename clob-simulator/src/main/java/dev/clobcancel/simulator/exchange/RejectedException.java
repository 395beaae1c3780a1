package dev.clobcancel.simulator.exchange;

/** A request the simulator refuses, with the HTTP status that says why (400, 404, 409). */
public final class RejectedException extends RuntimeException {

    private final int status;

    public RejectedException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static RejectedException badRequest(String message) {
        return new RejectedException(400, message);
    }

    public int status() {
        return status;
    }
}
