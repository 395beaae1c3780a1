package dev.clobcancel.simulator.exchange;

import java.math.BigDecimal;

/**
 * A change the exchange made, told to its {@link ExchangeListener} while the change is still
 * under the lock of its book: the events of one book come in the order its changes happened.
 * Times are in milliseconds of the simulator's clock.
 */
public sealed interface ExchangeEvent {

    /** The market (condition id) the change happened in. */
    String market();

    long timestampMillis();

    /** What happened to an order, as the user channel names it. */
    enum OrderChange {
        /** Placed on the book. */
        PLACEMENT,
        /** Filled in part or in whole. */
        UPDATE,
        /** Taken off the book by a cancel, whatever asked for it. */
        CANCELLATION
    }

    /** An order placed, filled or canceled: {@code order} is how it stands after the change. */
    record OrderEvent(OrderChange change, OrderView order, long timestampMillis) implements ExchangeEvent {
        @Override
        public String market() {
            return order.market();
        }
    }

    /**
     * The size now resting at one price level of a book (zero: the level is gone), and the best
     * prices of the book after the change (null: that side is empty).
     */
    record LevelChange(String market, String assetId, Side side, BigDecimal price, BigDecimal size,
                       BigDecimal bestBid, BigDecimal bestAsk, long timestampMillis) implements ExchangeEvent {
    }

    /** A fill: its price, size and the side of the order filled, and the whole book after it. */
    record Fill(String market, String assetId, Side side, BigDecimal price, BigDecimal size, BookView book,
                long timestampMillis) implements ExchangeEvent {
    }
}
