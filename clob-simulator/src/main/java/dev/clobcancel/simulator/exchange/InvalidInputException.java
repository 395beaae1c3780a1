package dev.clobcancel.simulator.exchange;

/** What the exchange was asked to hold or do breaks one of its rules: a price outside (0, 1), a tick it does not list. */
public final class InvalidInputException extends ExchangeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
