package dev.clobcancel.simulator.exchange;

import java.util.List;

/**
 * The exchange's answer to an order it took, as {@code POST /order} reports it.
 *
 * @param status       {@code live} (resting, nothing matched), {@code matched} (something matched;
 *                     a GTC or GTD rest stays on the book), {@code delayed} (marketable in a market
 *                     with a taker delay: it matches when the delay has passed)
 * @param makingAmount what the order gave in the matches, pUSD for a BUY and shares for a SELL,
 *                     as a plain decimal; empty when nothing matched
 * @param takingAmount what it received; empty when nothing matched
 * @param tradeIds     the trades its matches made, empty when none
 * @param transactionsHashes the settlement transaction of each trade, in the same order
 */
public record Placement(String orderId, String status, String makingAmount, String takingAmount,
                        List<String> tradeIds, List<String> transactionsHashes) {

    public static final String LIVE = "live";
    public static final String MATCHED = "matched";
    public static final String DELAYED = "delayed";

    public Placement {
        tradeIds = List.copyOf(tradeIds);
        transactionsHashes = List.copyOf(transactionsHashes);
    }
}
