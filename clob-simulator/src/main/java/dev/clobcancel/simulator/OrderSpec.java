package dev.clobcancel.simulator;

import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.exchange.NewOrder;
import dev.clobcancel.simulator.exchange.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * An order to place on the simulator, written field by field; immutable, so a partly filled spec
 * can be the start of many orders. {@link ClobSimulator#place(OrderSpec)} places it as the admin
 * API seeds orders (a resting GTC order, not held to tick, minimum size or balances).
 *
 * <pre>{@code
 * OrderSpec alices = order().owner(alice.apiKey()).market(conditionId).asset(yesToken);
 * OrderId bid = sim.place(alices.buy().price("0.45").size("10"));
 * OrderId held = sim.place(alices.sell().price("0.55").size("5").delayed(Duration.ofMillis(250)));
 * }</pre>
 *
 * A spec that could not be an order fails with an {@link IllegalArgumentException} that names
 * the field: at once for a price or size that is not a decimal, at placing for a missing field.
 */
public final class OrderSpec {

    private static final OrderSpec EMPTY = new OrderSpec(null, null, null, null, null, null, null, null);

    private final String id;
    private final String owner;
    private final String market;
    private final String asset;
    private final Side side;
    private final BigDecimal price;
    private final BigDecimal size;
    private final Duration delay;

    private OrderSpec(String id, String owner, String market, String asset, Side side, BigDecimal price, BigDecimal size,
                      Duration delay) {
        this.id = id;
        this.owner = owner;
        this.market = market;
        this.asset = asset;
        this.side = side;
        this.price = price;
        this.size = size;
        this.delay = delay;
    }

    /** An empty spec: every field but the id (generated when not given) and the delay (none) must be set. */
    public static OrderSpec order() {
        return EMPTY;
    }

    /** The order's own id instead of a generated one. */
    public OrderSpec id(OrderId id) {
        return new OrderSpec(Objects.requireNonNull(id, "id").value(), owner, market, asset, side, price, size, delay);
    }

    /** The API key of the account that owns the order. */
    public OrderSpec owner(String apiKey) {
        return new OrderSpec(id, text(apiKey, "owner"), market, asset, side, price, size, delay);
    }

    /** The market's condition id. */
    public OrderSpec market(String conditionId) {
        return new OrderSpec(id, owner, text(conditionId, "market"), asset, side, price, size, delay);
    }

    /** The token the order buys or sells; listed under the market if it is not yet. */
    public OrderSpec asset(String tokenId) {
        return new OrderSpec(id, owner, market, text(tokenId, "asset"), side, price, size, delay);
    }

    public OrderSpec buy() {
        return side(Side.BUY);
    }

    public OrderSpec sell() {
        return side(Side.SELL);
    }

    public OrderSpec side(Side side) {
        return new OrderSpec(id, owner, market, asset, Objects.requireNonNull(side, "side"), price, size, delay);
    }

    /** The price, a decimal above 0 and below 1, such as {@code "0.45"}; kept as written ({@code "0.50"} stays so). */
    public OrderSpec price(String price) {
        return price(decimal(price, "price"));
    }

    public OrderSpec price(BigDecimal price) {
        Objects.requireNonNull(price, "price");
        if (price.signum() <= 0 || price.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("price must be above 0 and below 1, not " + price.toPlainString());
        }
        return new OrderSpec(id, owner, market, asset, side, price, size, delay);
    }

    /** The size in shares, a decimal above 0, such as {@code "10"}. */
    public OrderSpec size(String size) {
        return size(decimal(size, "size"));
    }

    public OrderSpec size(BigDecimal size) {
        Objects.requireNonNull(size, "size");
        if (size.signum() <= 0) {
            throw new IllegalArgumentException("size must be above 0, not " + size.toPlainString());
        }
        return new OrderSpec(id, owner, market, asset, side, price, size, delay);
    }

    /**
     * Held back for {@code delay} by the simulator's clock, as the exchange holds a marketable
     * taker order: {@code DELAYED}, refused by cancels, then {@code LIVE}.
     */
    public OrderSpec delayed(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("delay must be positive, not " + delay);
        }
        return new OrderSpec(id, owner, market, asset, side, price, size, delay);
    }

    /** The exchange's form of the order, once every required field is there. */
    NewOrder toNewOrder() {
        require(owner, "owner");
        require(market, "market");
        require(asset, "asset");
        require(side, "side (buy() or sell())");
        require(price, "price");
        require(size, "size");
        return new NewOrder(id, owner, market, asset, side, price, size, delay);
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required in an order spec");
        }
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    private static BigDecimal decimal(String text, String field) {
        if (text == null) {
            throw new IllegalArgumentException(field + " must be a decimal, not null");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a decimal, not \"" + text + "\"");
        }
    }

    @Override
    public String toString() {
        return "OrderSpec[id=" + id + ", owner=" + owner + ", market=" + market + ", asset=" + asset + ", side=" + side
                + ", price=" + price + ", size=" + size + ", delay=" + delay + "]";
    }
}
