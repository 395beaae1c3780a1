package dev.clobcancel.simulator.exchange;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order as it stood at one moment. {@code createdAt} is in unix seconds of the simulator's
 * clock; {@code maker} is the funder address; {@code expiration} unix seconds as signed (0: none);
 * {@code tradeIds} the trades it took part in, oldest first.
 */
public record OrderView(String id, String owner, String market, String assetId, Side side,
                        BigDecimal price, BigDecimal size, BigDecimal sizeMatched, OrderStatus status, long createdAt,
                        String maker, String outcome, OrderType orderType, long expiration, List<String> tradeIds) {

    /** Shares still to fill: size less what matched. */
    public BigDecimal remaining() {
        return size.subtract(sizeMatched);
    }
}
