package dev.clobcancel.simulator.eip712;

import java.util.List;

/**
 * The EIP-712 domain of an exchange contract that orders are signed for: {@code name
 * "Polymarket CTF Exchange"}, a version, the chain and the contract.
 *
 * <p>Version {@code "2"} is CLOB V2's pair of contracts, the CTF exchange and the neg-risk CTF
 * exchange, chosen by the market's {@code negRisk}; version {@code "3"} is one exchange for every
 * market, which the client signs for when {@code GET /version} answers 3 (or when asked for
 * amounts-based V3 orders). The addresses are the client's, {@code @polymarket/clob-client-v2}
 * 1.1.0 {@code dist/config.js}; V2's are the same on Polygon (137) and Amoy (80002).
 *
 * @param version the domain's version, "2" or "3"
 */
public record ExchangeDomain(long chainId, String version, String contract, byte[] separator) {

    public static final String NAME = "Polymarket CTF Exchange";
    public static final long POLYGON = 137;
    public static final long AMOY = 80002;
    /** The chains the simulator can be: the client knows no others. */
    public static final List<Long> CHAINS = List.of(POLYGON, AMOY);

    private static final String EXCHANGE_V2 = "0xE111180000d2663C0091e4f400237545B87B996B";
    private static final String NEG_RISK_EXCHANGE_V2 = "0xe2222d279d744050d28e00520010520000310F59";
    private static final String EXCHANGE_V3_POLYGON = "0xe3333700cA9d93003F00f0F71f8515005F6c00Aa";
    private static final String EXCHANGE_V3_AMOY = "0x9fE6e61422AdB6F610d8597F9684b16912D50C3D";

    private static ExchangeDomain of(long chainId, String version, String contract) {
        return new ExchangeDomain(chainId, version, contract, Eip712.domainSeparator(NAME, version, chainId, contract));
    }

    /** The domains of one chain, their separators computed once. */
    public record Chain(long chainId, ExchangeDomain v2, ExchangeDomain negRiskV2, ExchangeDomain v3) {

        /** The domain an order of version 2 for a market of this {@code negRisk} is signed in. */
        public ExchangeDomain v2(boolean negRisk) {
            return negRisk ? negRiskV2 : v2;
        }
    }

    private static final Chain POLYGON_DOMAINS = new Chain(POLYGON, of(POLYGON, "2", EXCHANGE_V2),
            of(POLYGON, "2", NEG_RISK_EXCHANGE_V2), of(POLYGON, "3", EXCHANGE_V3_POLYGON));
    private static final Chain AMOY_DOMAINS = new Chain(AMOY, of(AMOY, "2", EXCHANGE_V2),
            of(AMOY, "2", NEG_RISK_EXCHANGE_V2), of(AMOY, "3", EXCHANGE_V3_AMOY));

    /** The domains of chain 137 or 80002. */
    public static Chain chain(long chainId) {
        if (chainId == POLYGON) {
            return POLYGON_DOMAINS;
        }
        if (chainId == AMOY) {
            return AMOY_DOMAINS;
        }
        throw new IllegalArgumentException("chain id must be 137 (Polygon) or 80002 (Amoy), not " + chainId);
    }
}
