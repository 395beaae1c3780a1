package dev.clobcancel.simulator.exchange;

/**
 * Which of an account's trades to read, as {@code GET /data/trades} filters them; a null field
 * filters nothing. {@code makerAddress} keeps the trades in which that funder address took part
 * (as the taker or as a maker); {@code before} and {@code after} are unix seconds, exclusive.
 */
public record TradeFilter(String id, String market, String assetId, String makerAddress, Long before, Long after) {

    /** Every trade of the account. */
    public static final TradeFilter ALL = new TradeFilter(null, null, null, null, null, null);
}
