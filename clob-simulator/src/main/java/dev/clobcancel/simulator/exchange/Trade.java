package dev.clobcancel.simulator.exchange;

import java.math.BigDecimal;
import java.util.List;

/**
 * One match of a taker order against the resting orders it met, as {@code GET /data/trades}
 * shows it: {@code size} shares of {@code assetId} changed hands, {@code side} is the taker's,
 * {@code price} the taker's limit price, and each maker order's own price and share are in
 * {@code makerOrders}. The sizes of a trade's maker orders add up to its size.
 *
 * @param matchTime   unix seconds of the simulator's clock
 * @param takerOwner  the taker's API key
 * @param takerAddress the taker's funder address
 */
public record Trade(String id, String takerOrderId, String market, String assetId, Side side, BigDecimal size,
                    BigDecimal price, String status, long matchTime, String outcome, String takerOwner,
                    String takerAddress, List<MakerFill> makerOrders, String transactionHash) {

    /** A trade is settled at once in the simulator: no chain to wait for. */
    public static final String CONFIRMED = "CONFIRMED";

    /** One resting order's part in a trade. */
    public record MakerFill(String orderId, String owner, String makerAddress, BigDecimal matchedAmount,
                            BigDecimal price, String assetId, String outcome, Side side) {
    }

    public Trade {
        makerOrders = List.copyOf(makerOrders);
    }

    /** True when the API key took part, as the taker or as one of the makers. */
    public boolean involves(String apiKey) {
        return takerOwner.equals(apiKey) || makerOrders.stream().anyMatch(m -> m.owner().equals(apiKey));
    }
}
