package dev.clobcancel.simulator.exchange;

/** Where an order stands, as the exchange reports it. */
public enum OrderStatus {
    /** On the book, cancellable. */
    LIVE,
    /**
     * Accepted but held back for a while (the exchange's taker delay): not on the book yet, and a
     * cancel is refused until it is {@link #LIVE}.
     */
    DELAYED,
    /** Wholly filled: too late to cancel. */
    MATCHED,
    /** Taken off the book by its owner. */
    CANCELED
}
