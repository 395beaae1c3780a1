package dev.clobcancel.simulator.orders;

import dev.clobcancel.simulator.eip712.Eip712;
import dev.clobcancel.simulator.eip712.ExchangeDomain;
import dev.clobcancel.simulator.eip712.OrderV2;
import dev.clobcancel.simulator.eip712.Secp256k1;
import dev.clobcancel.simulator.exchange.SimAccount;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * The exchange's checks of a signed order before it matches, in its order: the owner is the
 * caller's API key, the signer the key's address, the EIP-712 signature the signer's (in the V2
 * domain of the market's exchange, or the V3 domain), the price on the market's tick, the size
 * at least the market's minimum, the expiration one the order type allows. Every refusal is the
 * exchange's error string; the failed check is in {@link OrderRefusedException#detail()}.
 */
public final class OrderCheck {

    public static final String OWNER_MISMATCH = "the order owner has to be the owner of the API KEY";
    public static final String SIGNER_MISMATCH = "the order signer address has to be the address of the API KEY";
    public static final String INVALID_SIGNATURE = "invalid signature";
    public static final String INVALID_EXPIRATION = "invalid expiration";
    /** A GTD order must live at least this long, as the exchange's docs say (a one-minute security threshold). */
    public static final long GTD_THRESHOLD_SECONDS = 60;

    private static final BigDecimal UNITS = BigDecimal.TEN.pow(6);
    private static final int SIGNATURE_TYPE_POLY_1271 = 3;

    private OrderCheck() {
    }

    /**
     * Checks {@code posted}, sent with {@code account}'s L2 headers, for a market of {@code terms}
     * on {@code chain} at {@code nowSeconds}; throws {@link OrderRefusedException} at the first failure.
     */
    public static CheckedOrder check(PostedOrder posted, SimAccount account, MarketTerms terms, ExchangeDomain.Chain chain,
                                     long nowSeconds) {
        OrderV2 order = posted.order();
        if (!posted.owner().equals(account.apiKey())) {
            throw OrderRefusedException.badRequest(OWNER_MISMATCH, "owner " + posted.owner() + " is not the API key of the request");
        }
        if (!account.address().sameAccountAs(order.signer())) {
            throw OrderRefusedException.badRequest(SIGNER_MISMATCH,
                    "signer " + order.signer() + " is not " + account.address() + ", the address of the API key");
        }
        if (order.signatureType() == SIGNATURE_TYPE_POLY_1271) {
            throw OrderRefusedException.badRequest(INVALID_SIGNATURE, "signature type 3 (POLY_1271, a smart-contract wallet) is not simulated");
        }
        if (order.signatureType() == 0 && !order.maker().equalsIgnoreCase(order.signer())) {
            throw OrderRefusedException.badRequest(INVALID_SIGNATURE, "an EOA order (signature type 0) must have maker == signer");
        }
        ExchangeDomain domain = signedIn(posted, terms, chain)
                .orElseThrow(() -> OrderRefusedException.badRequest(INVALID_SIGNATURE, "the signature is not the signer's over this order in the"
                        + " domain of chain " + chain.chainId() + ", version 2 (" + chain.v2(terms.negRisk()).contract() + ", negRisk "
                        + terms.negRisk() + ") or 3 (" + chain.v3().contract() + ")"));
        String id = Eip712.toHex(order.digest(domain));
        BigDecimal size = shares(posted);
        BigDecimal price = price(posted, id, terms.tickSize());
        if (!posted.isMarketable() && size.compareTo(terms.minOrderSize()) < 0) {
            throw OrderRefusedException.badRequest("order " + id + " is invalid. Size (" + size.toPlainString() + ") lower than the minimum: "
                    + terms.minOrderSize().toPlainString(), "a resting order must be at least the market's minOrderSize");
        }
        checkExpiration(posted, nowSeconds);
        if (posted.postOnly() && posted.isMarketable()) {
            throw OrderRefusedException.badRequest(OrderPayload.INVALID_ORDER_PAYLOAD, "a FOK or FAK order cannot be post-only");
        }
        return new CheckedOrder(id, posted, price, size, domain.version());
    }

    /** The domain whose digest the signer signed: V2 of the market's exchange first, the one the client uses today. */
    private static Optional<ExchangeDomain> signedIn(PostedOrder posted, MarketTerms terms, ExchangeDomain.Chain chain) {
        String signer = posted.order().signer().toLowerCase(Locale.ROOT);
        byte[] struct = posted.order().structHash();
        for (ExchangeDomain domain : new ExchangeDomain[] {chain.v2(terms.negRisk()), chain.v3()}) {
            if (Secp256k1.recoverAddress(Eip712.digest(domain.separator(), struct), posted.signature()).filter(signer::equals).isPresent()) {
                return Optional.of(domain);
            }
        }
        return Optional.empty();
    }

    /** Shares: what a BUY takes, what a SELL gives. */
    private static BigDecimal shares(PostedOrder posted) {
        BigInteger amount = posted.isBuy() ? posted.order().takerAmount() : posted.order().makerAmount();
        if (posted.order().makerAmount().signum() == 0 || posted.order().takerAmount().signum() == 0) {
            throw OrderRefusedException.badRequest(OrderPayload.INVALID_ORDER_PAYLOAD, "makerAmount and takerAmount must be above 0");
        }
        return new BigDecimal(amount).divide(UNITS).stripTrailingZeros();
    }

    /**
     * pUSD per share, rounded to the tick. The client rounds a market order's amounts to its
     * decimals, so their ratio may sit a hair off the tick; a ratio farther than a hundredth of a
     * tick from one breaks the tick-size rule, as does a price outside [tick, 1 - tick].
     */
    static BigDecimal price(PostedOrder posted, String id, BigDecimal tick) {
        BigInteger usdc = posted.isBuy() ? posted.order().makerAmount() : posted.order().takerAmount();
        BigInteger shares = posted.isBuy() ? posted.order().takerAmount() : posted.order().makerAmount();
        BigDecimal ratio = new BigDecimal(usdc).divide(new BigDecimal(shares), 12, RoundingMode.HALF_EVEN);
        BigDecimal rounded = ratio.setScale(tick.scale(), RoundingMode.HALF_EVEN);
        boolean onTick = rounded.remainder(tick).signum() == 0
                && ratio.subtract(rounded).abs().compareTo(tick.movePointLeft(2)) <= 0;
        boolean inRange = rounded.compareTo(tick) >= 0 && rounded.compareTo(BigDecimal.ONE.subtract(tick)) <= 0;
        if (!onTick || !inRange) {
            throw OrderRefusedException.badRequest("order " + id + " is invalid. Price (" + ratio.stripTrailingZeros().toPlainString()
                    + ") breaks minimum tick size rule: " + tick.toPlainString(),
                    "makerAmount/takerAmount gives a price off the tick of " + tick.toPlainString() + " or outside [tick, 1 - tick]");
        }
        return rounded;
    }

    /** GTD: an expiration at least a minute ahead; the others: none. */
    private static void checkExpiration(PostedOrder posted, long nowSeconds) {
        if (posted.orderType().equals("GTD")) {
            if (posted.expiration() <= nowSeconds + GTD_THRESHOLD_SECONDS) {
                throw OrderRefusedException.badRequest(INVALID_EXPIRATION, "a GTD order's expiration " + posted.expiration()
                        + " must be more than " + GTD_THRESHOLD_SECONDS + " s after now (" + nowSeconds + ")");
            }
        } else if (posted.expiration() != 0) {
            throw OrderRefusedException.badRequest(INVALID_EXPIRATION, "only a GTD order has an expiration; a " + posted.orderType()
                    + " order's must be 0");
        }
    }
}
