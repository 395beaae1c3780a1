package dev.clobcancel.simulator.exchange;

import java.math.BigDecimal;

/**
 * An order to place on the simulated exchange; {@code id} may be null for a generated one.
 *
 * <pre>{@code
 * simulator.exchange().place(List.of(new NewOrder(null, apiKey, market, tokenId, Side.BUY, new BigDecimal("0.5"), BigDecimal.TEN)));
 * }</pre>
 */
public record NewOrder(String id, String owner, String market, String assetId, Side side, BigDecimal price, BigDecimal size) {
}
