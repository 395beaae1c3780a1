package dev.clobcancel.simulator.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The book of one asset: live orders by side and price level, in time priority within a level.
 * Every change happens under the book's lock. Removing an order is a hash removal from its level,
 * so a cancel costs the same however many orders rest on the book; a match walks only the levels
 * and orders it fills (a tree of levels, a queue per level), so its cost does not grow with the
 * orders it leaves alone.
 */
final class OrderBook {

    /** Shares are whole token units: 6 decimals. */
    static final int SHARE_DECIMALS = 6;

    /** The live orders at one price, oldest first, and the size they still offer. */
    private static final class Level {
        final Map<String, SimOrder> orders = new LinkedHashMap<>();
        BigDecimal size = BigDecimal.ZERO;
    }

    /** One resting order's part in a match: {@code shares} at its {@code price}. */
    record Fill(SimOrder maker, BigDecimal shares, BigDecimal price) {
        BigDecimal cost() {
            return shares.multiply(price);
        }
    }

    private final String market;
    private final String assetId;
    private final NavigableMap<BigDecimal, Level> bids = new TreeMap<>();
    private final NavigableMap<BigDecimal, Level> asks = new TreeMap<>();

    OrderBook(String market, String assetId) {
        this.market = market;
        this.assetId = assetId;
    }

    String market() {
        return market;
    }

    synchronized void add(SimOrder order) {
        Level level = side(order.side()).computeIfAbsent(order.price(), price -> new Level());
        level.orders.put(order.id(), order);
        level.size = level.size.add(order.remaining());
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
        return order.view();
    }

    synchronized OrderView view(SimOrder order) {
        return order.view();
    }

    /** True when an order of {@code side} at {@code limit} would match the best resting order of the other side. */
    synchronized boolean crosses(Side side, BigDecimal limit) {
        Map.Entry<BigDecimal, Level> best = best(side);
        return best != null && acceptable(side, limit, best.getKey());
    }

    /**
     * True when the book holds enough at acceptable prices to fill a taker wholly: {@code shares}
     * of it, or (when {@code budget} is not null) shares worth that much pUSD. Reads the levels'
     * sizes, not their orders, so the caller expires what is due first.
     */
    synchronized boolean canFill(Side side, BigDecimal limit, BigDecimal shares, BigDecimal budget) {
        BigDecimal need = budget == null ? shares : budget;
        for (Map.Entry<BigDecimal, Level> level : opposite(side).entrySet()) {
            if (!acceptable(side, limit, level.getKey())) {
                break;
            }
            BigDecimal offered = budget == null ? level.getValue().size : level.getValue().size.multiply(level.getKey());
            need = need.subtract(offered);
            if (need.signum() <= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Matches {@code taker} against the other side, best price first and oldest first within a
     * price, at the resting order's price: by shares, or (when {@code budget} is not null, a BUY
     * that spends an amount) until the budget is spent. Fills both sides, takes filled orders off
     * the book, and expires the resting orders it meets past their expiry ({@code nowMillis}),
     * adding them to {@code expired}. The taker itself is not on the book.
     */
    synchronized List<Fill> match(SimOrder taker, BigDecimal budget, long nowMillis, List<SimOrder> expired) {
        List<Fill> fills = new ArrayList<>();
        NavigableMap<BigDecimal, Level> other = opposite(taker.side());
        BigDecimal left = budget;
        while (!other.isEmpty() && taker.status() == OrderStatus.LIVE) {
            Map.Entry<BigDecimal, Level> best = other.firstEntry();
            BigDecimal price = best.getKey();
            if (!acceptable(taker.side(), taker.price(), price)) {
                break;
            }
            Level level = best.getValue();
            Iterator<SimOrder> queue = level.orders.values().iterator();
            while (queue.hasNext() && taker.status() == OrderStatus.LIVE) {
                SimOrder maker = queue.next();
                if (maker.expiresAtMillis() <= nowMillis) {
                    level.size = level.size.subtract(maker.remaining());
                    maker.cancel();
                    queue.remove();
                    expired.add(maker);
                    continue;
                }
                BigDecimal shares = maker.remaining().min(taker.remaining());
                if (left != null) {
                    shares = shares.min(left.divide(price, SHARE_DECIMALS, RoundingMode.DOWN));
                }
                if (shares.signum() <= 0) {
                    return fills;
                }
                maker.fill(shares);
                taker.fill(shares);
                level.size = level.size.subtract(shares);
                if (maker.status() == OrderStatus.MATCHED) {
                    queue.remove();
                }
                Fill fill = new Fill(maker, shares, price);
                fills.add(fill);
                if (left != null) {
                    left = left.subtract(fill.cost());
                }
            }
            if (level.orders.isEmpty()) {
                other.remove(price);
            } else if (taker.status() == OrderStatus.LIVE) {
                return fills;
            }
        }
        return fills;
    }

    /** The public view: bids by ascending price, asks by descending price, the best of each last. */
    synchronized BookView view(long timestampMillis) {
        return new BookView(market, assetId, levels(bids), levels(asks.descendingMap()), timestampMillis);
    }

    /** The best resting price a taker of {@code takerSide} would meet, or null when there is none. */
    synchronized BigDecimal bestOpposite(Side takerSide) {
        Map.Entry<BigDecimal, Level> best = best(takerSide);
        return best == null ? null : best.getKey();
    }

    /** The best price on {@code side}, or null when that side is empty. */
    synchronized BigDecimal bestPrice(Side side) {
        NavigableMap<BigDecimal, Level> levels = side(side);
        if (levels.isEmpty()) {
            return null;
        }
        return side == Side.BUY ? levels.lastKey() : levels.firstKey();
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

    private Map.Entry<BigDecimal, Level> best(Side takerSide) {
        return opposite(takerSide).firstEntry();
    }

    /** The resting side a taker of {@code takerSide} meets, best price first. */
    private NavigableMap<BigDecimal, Level> opposite(Side takerSide) {
        return takerSide == Side.BUY ? asks : bids.descendingMap();
    }

    private static boolean acceptable(Side takerSide, BigDecimal limit, BigDecimal resting) {
        return takerSide == Side.BUY ? resting.compareTo(limit) <= 0 : resting.compareTo(limit) >= 0;
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
