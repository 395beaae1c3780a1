package dev.clobcancel.simulator.exchange;

import java.math.BigDecimal;

/** An order as it stood at one moment. {@code createdAt} is in unix seconds of the simulator's clock. */
public record OrderView(String id, String owner, String market, String assetId, Side side,
                        BigDecimal price, BigDecimal size, BigDecimal sizeMatched, OrderStatus status, long createdAt) {
}
