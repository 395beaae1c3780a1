package dev.clobcancel.simulator.exchange;

/**
 * Told of every change to the exchange's orders and of every trade, in the order the changes
 * happen within a book (called under the book's lock: keep it short, never call back into the
 * exchange). The seam for pushing changes to clients, e.g. the WebSocket channels.
 */
public interface ExchangeListener {

    /** Does nothing; the exchange's listener until one is set. */
    ExchangeListener NONE = new ExchangeListener() {
    };

    /** An order was accepted: resting, delayed, or about to match. */
    default void orderPlaced(OrderView order) {
    }

    /**
     * What is left of an order was put on the book: after {@link #orderPlaced} and any match,
     * with the book as it now stands (the market channel's price change of a new order).
     */
    default void orderRested(OrderView order) {
    }

    /** An order's matched size or status changed by a match (or a delayed order became live). */
    default void orderUpdated(OrderView order) {
    }

    /** An order left the book without being filled: cancelled, expired, or its rest killed. */
    default void orderCanceled(OrderView order) {
    }

    /** A match made a trade, after its orders' updates. */
    default void traded(Trade trade) {
    }
}
