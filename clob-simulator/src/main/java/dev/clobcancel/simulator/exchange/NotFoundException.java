package dev.clobcancel.simulator.exchange;

/** Names an account or an order the exchange does not hold. */
public final class NotFoundException extends ExchangeException {

    public NotFoundException(String message) {
        super(message);
    }
}
