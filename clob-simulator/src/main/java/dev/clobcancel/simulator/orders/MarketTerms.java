package dev.clobcancel.simulator.orders;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an order is checked against in its market: the tick size, whether the market is neg-risk
 * (which decides the exchange contract a V2 order is signed for) and the least size that rests.
 */
public record MarketTerms(String conditionId, BigDecimal tickSize, boolean negRisk, BigDecimal minOrderSize) {

    public MarketTerms {
        Objects.requireNonNull(conditionId, "conditionId");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(minOrderSize, "minOrderSize");
    }
}
