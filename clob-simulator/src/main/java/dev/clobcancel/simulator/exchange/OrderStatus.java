package dev.clobcancel.simulator.exchange;

/** Where an order stands, as the exchange reports it. */
public enum OrderStatus {
    /** On the book, cancellable. */
    LIVE,
    /** Wholly filled: too late to cancel. */
    MATCHED,
    /** Taken off the book by its owner. */
    CANCELED
}
