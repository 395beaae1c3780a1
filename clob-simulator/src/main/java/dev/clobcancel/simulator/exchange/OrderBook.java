package dev.clobcancel.simulator.exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The book of one asset: live orders by side and price level, in time priority within a level.
 * Every change happens under the book's lock; removing an order is a hash removal from its
 * level, so a cancel costs the same however many orders rest on the book.
 */
final class OrderBook {

    /** The live orders at one price, oldest first, and the size they still offer. */
    private static final class Level {
        final Map<String, SimOrder> orders = new LinkedHashMap<>();
        BigDecimal size = BigDecimal.ZERO;
    }

    private final String market;
    private final String assetId;
    private final EventSink events;
    private final NavigableMap<BigDecimal, Level> bids = new TreeMap<>();
    private final NavigableMap<BigDecimal, Level> asks = new TreeMap<>();

    OrderBook(String market, String assetId, EventSink events) {
        this.market = market;
        this.assetId = assetId;
        this.events = events;
    }

    String market() {
        return market;
    }

    synchronized void add(SimOrder order) {
        Level level = side(order.side()).computeIfAbsent(order.price(), price -> new Level());
        level.orders.put(order.id(), order);
        level.size = level.size.add(order.remaining());
        if (events.heard()) {
            long now = events.now();
            events.emit(new ExchangeEvent.OrderEvent(ExchangeEvent.OrderChange.PLACEMENT, order.view(), now));
            emitLevel(order.side(), order.price(), now);
        }
    }

    /** A delayed order becomes live and joins the book at the back of its level; false when it was not delayed. */
    synchronized boolean release(SimOrder order) {
        if (!order.release()) {
            return false;
        }
        add(order);
        return true;
    }

    /** Takes a live order off the book; false when it was no longer live. */
    synchronized boolean cancel(SimOrder order) {
        BigDecimal remaining = order.remaining();
        if (!order.cancel()) {
            return false;
        }
        takeOff(order, remaining);
        if (events.heard()) {
            long now = events.now();
            events.emit(new ExchangeEvent.OrderEvent(ExchangeEvent.OrderChange.CANCELLATION, order.view(), now));
            emitLevel(order.side(), order.price(), now);
        }
        return true;
    }

    /** Fills a live order by {@code amount} (wholly when null); a wholly filled order leaves the book. */
    synchronized OrderView fill(SimOrder order, BigDecimal amount) {
        BigDecimal filled = order.fill(amount);
        Level level = side(order.side()).get(order.price());
        level.size = level.size.subtract(filled);
        if (order.status() == OrderStatus.MATCHED) {
            takeOff(order, BigDecimal.ZERO);
        }
        OrderView view = order.view();
        if (events.heard()) {
            long now = events.now();
            events.emit(new ExchangeEvent.OrderEvent(ExchangeEvent.OrderChange.UPDATE, view, now));
            emitLevel(order.side(), order.price(), now);
            events.emit(new ExchangeEvent.Fill(market, assetId, order.side(), order.price(), filled, view(now), now));
        }
        return view;
    }

    /** The size left at {@code price} on {@code side} after a change, with the best prices. Under the lock. */
    private void emitLevel(Side side, BigDecimal price, long now) {
        Level level = side(side).get(price);
        events.emit(new ExchangeEvent.LevelChange(market, assetId, side, price, level == null ? BigDecimal.ZERO : level.size,
                bids.isEmpty() ? null : bids.lastKey(), asks.isEmpty() ? null : asks.firstKey(), now));
    }

    synchronized OrderView view(SimOrder order) {
        return order.view();
    }

    /** The public view: bids by ascending price, asks by descending price, the best of each last. */
    synchronized BookView view(long timestampMillis) {
        return new BookView(market, assetId, levels(bids), levels(asks.descendingMap()), timestampMillis);
    }

    synchronized void read(long timestampMillis, Consumer<BookView> reader) {
        reader.accept(view(timestampMillis));
    }

    private void takeOff(SimOrder order, BigDecimal remaining) {
        NavigableMap<BigDecimal, Level> side = side(order.side());
        Level level = side.get(order.price());
        level.orders.remove(order.id());
        level.size = level.size.subtract(remaining);
        if (level.orders.isEmpty()) {
            side.remove(order.price());
        }
    }

    private NavigableMap<BigDecimal, Level> side(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    private static List<BookView.PriceLevel> levels(NavigableMap<BigDecimal, Level> side) {
        List<BookView.PriceLevel> out = new ArrayList<>(side.size());
        side.forEach((price, level) -> out.add(new BookView.PriceLevel(price, level.size)));
        return out;
    }
}
