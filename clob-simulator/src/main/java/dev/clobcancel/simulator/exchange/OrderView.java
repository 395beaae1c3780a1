package dev.clobcancel.simulator.exchange;

import java.math.BigDecimal;

/** An order as it stood at one moment. */
public record OrderView(String id, String owner, String market, String assetId, Side side,
                        BigDecimal price, BigDecimal size, BigDecimal sizeMatched, OrderStatus status) {
}
