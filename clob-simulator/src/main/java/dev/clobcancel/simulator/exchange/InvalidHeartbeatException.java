package dev.clobcancel.simulator.exchange;

/**
 * A heartbeat that named another id than the one the exchange expects; it carries the expected
 * id, which the client resumes its chain with.
 */
public final class InvalidHeartbeatException extends ExchangeException {

    /** The exchange's words, as the official clients match them. */
    public static final String MESSAGE = "Invalid Heartbeat ID";

    private final String expectedId;

    public InvalidHeartbeatException(String expectedId) {
        super(MESSAGE);
        this.expectedId = expectedId;
    }

    /** The id the next heartbeat must name; {@code ""} when the chain is to start afresh. */
    public String expectedId() {
        return expectedId;
    }
}
