package dev.clobcancel.simulator.exchange;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * An order to place on the simulated exchange; {@code id} may be null for a generated one, and
 * {@code delay} null for an order that is live at once. An order given a delay is
 * {@link OrderStatus#DELAYED} for that long, as the exchange holds a marketable taker order.
 * The exchange's own form: tests and apps write an {@code OrderSpec} and place it with
 * {@code sim.place(order().owner(apiKey)...)}, which makes one of these.
 */
public record NewOrder(String id, String owner, String market, String assetId, Side side, BigDecimal price, BigDecimal size,
                       Duration delay) {

    public NewOrder(String id, String owner, String market, String assetId, Side side, BigDecimal price, BigDecimal size) {
        this(id, owner, market, assetId, side, price, size, null);
    }

    /** The same order, delayed by {@code delay} (null: live at once). */
    public NewOrder delayedBy(Duration delay) {
        return new NewOrder(id, owner, market, assetId, side, price, size, delay);
    }
}
