package dev.clobcancel.simulator.exchange;

/** Would fill an order that is no longer (or not yet) live on its book: filled, canceled or delayed. */
public final class NotLiveException extends ExchangeException {

    public NotLiveException(String message) {
        super(message);
    }
}
