package dev.clobcancel.simulator.exchange;

/** Would add an account or an order under a key or id the exchange holds already. */
public final class AlreadyExistsException extends ExchangeException {

    public AlreadyExistsException(String message) {
        super(message);
    }
}
