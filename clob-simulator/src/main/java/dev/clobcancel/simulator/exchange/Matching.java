package dev.clobcancel.simulator.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an order through its book: the checks that need the book (post-only, FOK, FAK, balance),
 * the match, the balances it moves, the trade it makes, and what is left of the order (rests,
 * or is killed). Everything for one order happens under its book's lock, in one go, and the
 * exchange's listener hears of each change in the order it happens.
 */
final class Matching {

    private final Exchange exchange;

    Matching(Exchange exchange) {
        this.exchange = exchange;
    }

    /** The checks against the book and the balance, then the match; refusals change nothing. */
    Placement submit(OrderBook book, SimOrder order, OrderRequest request, long nowMillis) {
        synchronized (book) {
            Side side = order.side();
            if (request.postOnly() && book.crosses(side, order.price())) {
                throw new OrderRefusedException(OrderRefusedException.Reason.INVALID_POST_ONLY_ORDER,
                        OrderRefusedException.POST_ONLY_CROSSES);
            }
            BigDecimal budget = Terms.budget(request);
            if (request.orderType() == OrderType.FOK && !book.canFill(side, order.price(), order.remaining(), budget)
                    || request.orderType() == OrderType.FAK && !book.crosses(side, order.price())) {
                throw notFilled(request.orderType());
            }
            boolean delay = order.status() == OrderStatus.DELAYED && book.crosses(side, order.price());
            if (budget != null && !delay && !sizeByBudget(book, order, budget)) {
                throw notFilled(request.orderType());
            }
            BigDecimal hold = Terms.hold(request);
            Boolean held = exchange.balances().hold(order.maker(), order.heldAsset(), hold);
            if (Boolean.FALSE.equals(held)) {
                throw new OrderRefusedException(OrderRefusedException.Reason.INVALID_ORDER_NOT_ENOUGH_BALANCE,
                        OrderRefusedException.NOT_ENOUGH_BALANCE);
            }
            if (!exchange.claim(order)) {
                if (held != null) {
                    exchange.balances().release(order.maker(), order.heldAsset(), hold);
                }
                throw OrderRefusedException.duplicated(order.id());
            }
            if (held != null) {
                order.held(hold);
            }
            if (delay) {
                // Marketable in a market with a taker delay: it waits, and matches when released.
                order.budget(budget);
                exchange.listDelayed(order);
                return new Placement(order.id(), Placement.DELAYED, "", "", List.of(), List.of());
            }
            order.release();
            return execute(book, order, budget, nowMillis, true);
        }
    }

    /**
     * A delayed order whose delay has passed: it is matched as the book stands then (a FOK the
     * book cannot fill wholly, or a FAK that meets nothing, is killed), and what is left rests.
     */
    void release(OrderBook book, SimOrder order) {
        synchronized (book) {
            if (!order.release()) {
                return;
            }
            BigDecimal budget = order.budget();
            boolean fills = switch (order.type()) {
                case FOK -> book.canFill(order.side(), order.price(), order.remaining(), budget);
                case FAK -> book.crosses(order.side(), order.price());
                default -> true;
            };
            if (!fills || budget != null && !sizeByBudget(book, order, budget)) {
                order.cancel();
                exchange.ended(order);
                exchange.listener().orderCanceled(order.view());
                return;
            }
            execute(book, order, budget, order.delayedUntil(), false);
        }
    }

    /** Sizes a BUY that spends an amount at the most shares it can buy: all at the best price on offer; false when none. */
    private static boolean sizeByBudget(OrderBook book, SimOrder order, BigDecimal budget) {
        BigDecimal best = book.bestOpposite(order.side());
        BigDecimal most = best == null ? BigDecimal.ZERO : budget.divide(best, OrderBook.SHARE_DECIMALS, RoundingMode.DOWN);
        if (most.signum() <= 0) {
            return false;
        }
        order.resize(most);
        return true;
    }

    private static OrderRefusedException notFilled(OrderType type) {
        return type == OrderType.FOK
                ? new OrderRefusedException(OrderRefusedException.Reason.FOK_ORDER_NOT_FILLED_ERROR, OrderRefusedException.FOK_NOT_FILLED)
                : new OrderRefusedException(OrderRefusedException.Reason.FAK_ORDER_NOT_FILLED_ERROR, OrderRefusedException.FAK_NOT_FILLED);
    }

    /**
     * Matches a live order the exchange holds already and settles what is left of it. {@code budget}
     * is the pUSD a BUY FOK or FAK spends, null for an order that matches by shares; {@code fresh}
     * tells a new order (placed) from a delayed one let go (updated).
     */
    Placement execute(OrderBook book, SimOrder taker, BigDecimal budget, long nowMillis, boolean fresh) {
        synchronized (book) {
            ExchangeListener listener = exchange.listener();
            // Views cost a copy each: made only when someone listens.
            boolean told = listener != ExchangeListener.NONE;
            if (told && fresh) {
                listener.orderPlaced(taker.view());
            } else if (told) {
                listener.orderUpdated(taker.view());
            }
            List<SimOrder> expired = new ArrayList<>();
            List<OrderBook.Fill> fills = book.match(taker, budget, nowMillis, expired);
            expired.forEach(exchange::ended);
            BigDecimal shares = BigDecimal.ZERO;
            BigDecimal cost = BigDecimal.ZERO;
            Trade trade = null;
            if (!fills.isEmpty()) {
                String tradeId = exchange.nextTradeId();
                List<Trade.MakerFill> makers = new ArrayList<>(fills.size());
                for (OrderBook.Fill fill : fills) {
                    SimOrder maker = fill.maker();
                    settle(maker, fill.shares(), fill.price());
                    settle(taker, fill.shares(), fill.price());
                    maker.addTrade(tradeId);
                    if (maker.status() != OrderStatus.LIVE) {
                        exchange.ended(maker);
                    }
                    if (told) {
                        listener.orderUpdated(maker.view());
                    }
                    shares = shares.add(fill.shares());
                    cost = cost.add(fill.cost());
                    makers.add(new Trade.MakerFill(maker.id(), maker.owner(), maker.maker(), fill.shares(), fill.price(),
                            maker.assetId(), maker.outcome(), maker.side()));
                }
                taker.addTrade(tradeId);
                trade = new Trade(tradeId, taker.id(), taker.market(), taker.assetId(), taker.side(), shares, taker.price(),
                        Trade.CONFIRMED, nowMillis / 1000, taker.outcome(), taker.owner(), taker.maker(), makers,
                        exchange.nextHash());
            }
            boolean killed = finish(book, taker, budget, cost);
            if (trade != null) {
                if (told) {
                    listener.orderUpdated(taker.view());
                }
                exchange.tradeLog().add(trade);
                listener.traded(trade);
            }
            if (killed && told) {
                listener.orderCanceled(taker.view());
            }
            return placement(taker, trade, shares, cost);
        }
    }

    /** Rests what a GTC or GTD order has left, kills what a FOK or FAK has left; true when killed. */
    private boolean finish(OrderBook book, SimOrder taker, BigDecimal budget, BigDecimal spent) {
        boolean killed = false;
        if (taker.status() == OrderStatus.LIVE) {
            if (budget != null) {
                // What the unspent amount would have bought at the limit is the killed rest.
                BigDecimal unspent = budget.subtract(spent).divide(taker.price(), OrderBook.SHARE_DECIMALS, RoundingMode.DOWN);
                taker.resize(taker.view().sizeMatched().add(unspent));
                killed = taker.cancel();
            } else if (taker.type().rests()) {
                exchange.rest(book, taker);
            } else {
                killed = taker.cancel();
            }
        }
        if (taker.status() != OrderStatus.LIVE) {
            exchange.release(taker);
        }
        return killed;
    }

    /** Moves what one side of a fill gives and gets: a BUY pays pUSD for shares, a SELL the other way round. */
    private void settle(SimOrder order, BigDecimal shares, BigDecimal price) {
        BigDecimal cost = shares.multiply(price);
        boolean buy = order.side() == Side.BUY;
        BigDecimal paid = buy ? cost : shares;
        Balances balances = exchange.balances();
        if (order.held() != null) {
            order.held(order.held().subtract(paid).max(BigDecimal.ZERO));
        }
        balances.pay(order.maker(), order.heldAsset(), paid, order.held() != null);
        balances.receive(order.maker(), buy ? order.assetId() : Balances.COLLATERAL, buy ? shares : cost);
    }

    private static Placement placement(SimOrder taker, Trade trade, BigDecimal shares, BigDecimal cost) {
        if (trade == null) {
            return new Placement(taker.id(), Placement.LIVE, "", "", List.of(), List.of());
        }
        boolean buy = taker.side() == Side.BUY;
        return new Placement(taker.id(), Placement.MATCHED, plain(buy ? cost : shares), plain(buy ? shares : cost),
                List.of(trade.id()), List.of(trade.transactionHash()));
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
