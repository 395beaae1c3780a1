package dev.clobcancel.simulator.exchange;

import java.math.BigDecimal;

/**
 * An order as the exchange takes it through {@code POST /order}, once its signature has been
 * checked: the caller computes its {@code id} (the EIP-712 order hash, {@code 0x} and 64 hex
 * digits), and gives the limit {@code price} and the {@code size} in shares it signed for.
 *
 * <p>{@code makerAmount} and {@code takerAmount} are the signed amounts in token units (pUSD and
 * shares, not their 6-decimal integers): a BUY gives {@code makerAmount} pUSD for at least
 * {@code takerAmount} shares, a SELL gives {@code makerAmount} shares for at least
 * {@code takerAmount} pUSD. They may be null, and are then {@code price × size} and {@code size}.
 * A BUY FOK or FAK spends its {@code makerAmount}: it takes shares at the best prices up to
 * {@code price} until that amount is spent, so it gets more shares than {@code size} when the
 * book is better than its limit.
 *
 * @param owner      the API key that places it
 * @param maker      the funder address whose balances pay for it (null: the owner's address)
 * @param signer     the address that signed it (null: the owner's address)
 * @param expiration unix seconds after which a GTD order leaves the book; 0 for none
 */
public record OrderRequest(String id, String owner, String maker, String signer, String assetId, Side side,
                           BigDecimal price, BigDecimal size, OrderType orderType, boolean postOnly, long expiration,
                           BigDecimal makerAmount, BigDecimal takerAmount) {

    /** A GTC limit order of {@code size} shares at {@code price}, the amounts derived from them. */
    public static OrderRequest limit(String id, String owner, String assetId, Side side, BigDecimal price, BigDecimal size) {
        return new OrderRequest(id, owner, null, null, assetId, side, price, size, OrderType.GTC, false, 0, null, null);
    }

    public OrderRequest withType(OrderType type) {
        return new OrderRequest(id, owner, maker, signer, assetId, side, price, size, type, postOnly, expiration,
                makerAmount, takerAmount);
    }

    public OrderRequest withPostOnly(boolean value) {
        return new OrderRequest(id, owner, maker, signer, assetId, side, price, size, orderType, value, expiration,
                makerAmount, takerAmount);
    }

    public OrderRequest withExpiration(long epochSeconds) {
        return new OrderRequest(id, owner, maker, signer, assetId, side, price, size, orderType, postOnly, epochSeconds,
                makerAmount, takerAmount);
    }

    public OrderRequest withAmounts(BigDecimal maker, BigDecimal taker) {
        return new OrderRequest(id, owner, this.maker, signer, assetId, side, price, size, orderType, postOnly, expiration,
                maker, taker);
    }
}
