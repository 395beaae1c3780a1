package dev.clobcancel.simulator.orders;

import dev.clobcancel.simulator.eip712.Eip712;
import dev.clobcancel.simulator.eip712.ExchangeDomain;
import dev.clobcancel.simulator.eip712.OrderV2;
import dev.clobcancel.simulator.eip712.Secp256k1;
import dev.clobcancel.simulator.exchange.MarketSpec;
import dev.clobcancel.simulator.exchange.SimAccount;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * The exchange's checks of a signed order that come before its market's terms: the owner is the
 * caller's API key, the signer the key's address, the EIP-712 signature the signer's (in the V2
 * domain of the market's exchange, or the V3 domain), an expiration only on a GTD order; then the
 * price and size its amounts make. The market's terms (tick, minimum size, post-only, a GTD's
 * lifetime) are {@code Exchange.submit}'s. Every refusal is the exchange's error string; the failed
 * check is in {@link SignedOrderRefusedException#detail()}.
 */
public final class OrderCheck {

    public static final String OWNER_MISMATCH = "the order owner has to be the owner of the API KEY";
    public static final String SIGNER_MISMATCH = "the order signer address has to be the address of the API KEY";
    public static final String INVALID_SIGNATURE = "invalid signature";
    public static final String INVALID_EXPIRATION = "invalid expiration";

    private static final BigDecimal UNITS = BigDecimal.TEN.pow(6);
    private static final int SIGNATURE_TYPE_POLY_1271 = 3;

    private OrderCheck() {
    }

    /**
     * Checks {@code posted}, sent with {@code account}'s L2 headers, for an order in {@code market}
     * on {@code chain}; throws {@link SignedOrderRefusedException} at the first failure.
     */
    public static CheckedOrder check(PostedOrder posted, SimAccount account, MarketSpec market, ExchangeDomain.Chain chain) {
        OrderV2 order = posted.order();
        if (!posted.owner().equals(account.apiKey())) {
            throw SignedOrderRefusedException.refused(OWNER_MISMATCH, "owner " + posted.owner() + " is not the API key of the request");
        }
        if (!account.address().sameAccountAs(order.signer())) {
            throw SignedOrderRefusedException.refused(SIGNER_MISMATCH,
                    "signer " + order.signer() + " is not " + account.address() + ", the address of the API key");
        }
        if (order.signatureType() == SIGNATURE_TYPE_POLY_1271) {
            throw SignedOrderRefusedException.refused(INVALID_SIGNATURE, "signature type 3 (POLY_1271, a smart-contract wallet) is not simulated");
        }
        if (order.signatureType() == 0 && !order.maker().equalsIgnoreCase(order.signer())) {
            throw SignedOrderRefusedException.refused(INVALID_SIGNATURE, "an EOA order (signature type 0) must have maker == signer");
        }
        Signed signed = signedIn(posted, market, chain)
                .orElseThrow(() -> SignedOrderRefusedException.refused(INVALID_SIGNATURE, "the signature is not the signer's over this order in the"
                        + " domain of chain " + chain.chainId() + ", version 2 (" + chain.v2(market.negRisk()).contract() + ", negRisk "
                        + market.negRisk() + ") or 3 (" + chain.v3().contract() + ")"));
        String id = Eip712.toHex(signed.digest());
        if (!posted.orderType().equals("GTD") && posted.expiration() != 0) {
            throw SignedOrderRefusedException.refused(INVALID_EXPIRATION, "only a GTD order has an expiration; a " + posted.orderType()
                    + " order's must be 0");
        }
        BigDecimal size = shares(posted);
        BigDecimal price = price(posted, market.tickSize());
        return new CheckedOrder(id, posted, price, size, signed.domain().version());
    }

    /** The domain an order was signed in, and its digest there: the order's id. */
    private record Signed(ExchangeDomain domain, byte[] digest) {
    }

    /** The domain whose digest the signer signed: V2 of the market's exchange first, the one the client uses today. */
    private static Optional<Signed> signedIn(PostedOrder posted, MarketSpec market, ExchangeDomain.Chain chain) {
        String signer = posted.order().signer().toLowerCase(Locale.ROOT);
        byte[] struct = posted.order().structHash();
        for (ExchangeDomain domain : new ExchangeDomain[] {chain.v2(market.negRisk()), chain.v3()}) {
            byte[] digest = Eip712.digest(domain.separator(), struct);
            if (Secp256k1.recoverAddress(digest, posted.signature()).filter(signer::equals).isPresent()) {
                return Optional.of(new Signed(domain, digest));
            }
        }
        return Optional.empty();
    }

    /** Shares: what a BUY takes, what a SELL gives. */
    private static BigDecimal shares(PostedOrder posted) {
        BigInteger amount = posted.isBuy() ? posted.order().takerAmount() : posted.order().makerAmount();
        if (posted.order().makerAmount().signum() == 0 || posted.order().takerAmount().signum() == 0) {
            throw SignedOrderRefusedException.refused(SignedOrderRefusedException.INVALID_ORDER_PAYLOAD, "makerAmount and takerAmount must be above 0");
        }
        return new BigDecimal(amount).divide(UNITS).stripTrailingZeros();
    }

    /**
     * pUSD per share. The client rounds a market order's amounts to its decimals, so their ratio
     * may sit a hair off the tick: a ratio within a hundredth of a tick of one is that tick;
     * another is given as it is (to 12 decimals), for the market's tick rule to refuse.
     */
    static BigDecimal price(PostedOrder posted, BigDecimal tick) {
        BigInteger usdc = posted.isBuy() ? posted.order().makerAmount() : posted.order().takerAmount();
        BigInteger shares = posted.isBuy() ? posted.order().takerAmount() : posted.order().makerAmount();
        BigDecimal ratio = new BigDecimal(usdc).divide(new BigDecimal(shares), 12, RoundingMode.HALF_EVEN);
        BigDecimal rounded = ratio.setScale(tick.scale(), RoundingMode.HALF_EVEN);
        boolean nearTick = rounded.remainder(tick).signum() == 0 && ratio.subtract(rounded).abs().compareTo(tick.movePointLeft(2)) <= 0;
        return nearTick ? rounded : ratio.stripTrailingZeros();
    }
}
