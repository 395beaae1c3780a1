package dev.clobcancel.simulator.exchange;

import java.math.BigDecimal;

/**
 * The checks of an order's terms against its market that need no book: tick size, minimum size,
 * post-only only on resting types, a GTD's expiration. Each failure is the exchange's error.
 */
final class Terms {

    /**
     * A GTD order leaves the book this long before its stated expiration: the exchange's
     * "security threshold" (docs.polymarket.com/trading/orders/overview, "GTD expiration").
     */
    static final long EXPIRY_THRESHOLD_SECONDS = 60;
    /**
     * A GTD order must expire at least this far in the future, or it is refused with
     * {@code invalid expiration} (docs.polymarket.com/trading/place-orders, "Limit Orders").
     */
    static final long MIN_GTD_LIFETIME_SECONDS = 180;

    private Terms() {
    }

    static void check(OrderRequest request, MarketSpec spec, String id, long nowMillis) {
        if (request.price().remainder(spec.tickSize()).signum() != 0) {
            throw OrderRefusedException.tickSize(id, request.price().toPlainString(), spec.tickSize().toPlainString());
        }
        if (request.orderType().rests() && request.size().compareTo(spec.minOrderSize()) < 0) {
            throw OrderRefusedException.minSize(id, request.size().toPlainString(), spec.minOrderSize().toPlainString());
        }
        if (request.postOnly() && !request.orderType().rests()) {
            throw new OrderRefusedException(OrderRefusedException.Reason.INVALID_POST_ONLY_ORDER_TYPE,
                    OrderRefusedException.POST_ONLY_TYPE);
        }
        if (request.orderType() == OrderType.GTD && request.expiration() < nowMillis / 1000 + MIN_GTD_LIFETIME_SECONDS) {
            throw new OrderRefusedException(OrderRefusedException.Reason.INVALID_ORDER_EXPIRATION,
                    OrderRefusedException.INVALID_EXPIRATION);
        }
        if (request.makerAmount() != null && request.makerAmount().signum() <= 0
                || request.takerAmount() != null && request.takerAmount().signum() <= 0) {
            throw new OrderRefusedException(OrderRefusedException.Reason.INVALID_ORDER_PAYLOAD,
                    OrderRefusedException.INVALID_ORDER_PAYLOAD + ": makerAmount and takerAmount must be above 0");
        }
    }

    /** When a GTD order leaves the book, in epoch millis; never for the other types. */
    static long expiresAtMillis(OrderRequest request) {
        return request.orderType() == OrderType.GTD
                ? (request.expiration() - EXPIRY_THRESHOLD_SECONDS) * 1000
                : Long.MAX_VALUE;
    }

    /**
     * What an order holds of its maker's balance when it comes: a BUY the pUSD it signed to give
     * ({@code makerAmount}, else price × size), a SELL its shares.
     */
    static BigDecimal hold(OrderRequest request) {
        if (request.side() == Side.SELL) {
            return request.size();
        }
        return request.makerAmount() != null ? request.makerAmount() : request.price().multiply(request.size());
    }

    /** The pUSD a BUY FOK or FAK spends, or null for an order that matches by shares. */
    static BigDecimal budget(OrderRequest request) {
        return request.side() == Side.BUY && !request.orderType().rests() ? hold(request) : null;
    }
}
