package dev.clobcancel.simulator.orders;

import dev.clobcancel.simulator.eip712.OrderV2;

/**
 * One order of a {@code POST /order} or {@code POST /orders} body, read but not yet checked against
 * the caller, the market or the signature.
 *
 * @param expiration unix seconds, 0 for none
 * @param orderType  GTC, GTD, FOK or FAK
 */
public record PostedOrder(OrderV2 order, long expiration, byte[] signature, String owner, String orderType, boolean postOnly,
                          boolean deferExec) {

    public boolean isBuy() {
        return order.side() == 0;
    }

    /** FOK and FAK take what they can at once and never rest. */
    public boolean isMarketable() {
        return orderType.equals("FOK") || orderType.equals("FAK");
    }
}
