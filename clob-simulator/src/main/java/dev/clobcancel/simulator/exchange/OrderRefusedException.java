package dev.clobcancel.simulator.exchange;

import java.util.Objects;

/**
 * An order the exchange refuses, with the exchange's own words for why: the message is what
 * {@code POST /order} answers in {@code error} / {@code errorMsg}. Nothing changed on the books
 * when one is thrown. Words from the exchange's error reference,
 * <a href="https://docs.polymarket.com/resources/error-codes">docs.polymarket.com/resources/error-codes</a>
 * ("Place Orders" and "Order Processing Errors").
 */
public final class OrderRefusedException extends ExchangeException {

    /** Why an order was refused; the names are those of the exchange's older error table. */
    public enum Reason {
        /** The order names no account, side, price or size the exchange can take. */
        INVALID_ORDER_PAYLOAD,
        /** The token is of no market the exchange lists. */
        MARKET_NOT_FOUND,
        INVALID_ORDER_MIN_TICK_SIZE,
        INVALID_ORDER_MIN_SIZE,
        INVALID_ORDER_DUPLICATED,
        INVALID_ORDER_NOT_ENOUGH_BALANCE,
        INVALID_ORDER_EXPIRATION,
        INVALID_POST_ONLY_ORDER_TYPE,
        INVALID_POST_ONLY_ORDER,
        FOK_ORDER_NOT_FILLED_ERROR,
        FAK_ORDER_NOT_FILLED_ERROR
    }

    public static final String INVALID_ORDER_PAYLOAD = "Invalid order payload";
    public static final String MARKET_NOT_FOUND = "market not found";
    public static final String NOT_ENOUGH_BALANCE = "not enough balance / allowance";
    public static final String INVALID_EXPIRATION = "invalid expiration";
    public static final String POST_ONLY_TYPE = "invalid post-only order: only GTC and GTD order types are allowed";
    public static final String POST_ONLY_CROSSES = "invalid post-only order: order crosses book";
    public static final String FOK_NOT_FILLED = "order couldn't be fully filled. FOK orders are fully filled or killed.";
    public static final String FAK_NOT_FILLED =
            "no orders found to match with FAK order. FAK orders are partially filled or killed if no match is found.";

    private final Reason reason;

    public OrderRefusedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    static OrderRefusedException tickSize(String id, String price, String tick) {
        return new OrderRefusedException(Reason.INVALID_ORDER_MIN_TICK_SIZE,
                "order " + id + " is invalid. Price (" + price + ") breaks minimum tick size rule: " + tick);
    }

    static OrderRefusedException minSize(String id, String size, String min) {
        return new OrderRefusedException(Reason.INVALID_ORDER_MIN_SIZE,
                "order " + id + " is invalid. Size (" + size + ") lower than the minimum: " + min);
    }

    static OrderRefusedException duplicated(String id) {
        return new OrderRefusedException(Reason.INVALID_ORDER_DUPLICATED, "order " + id + " is invalid. Duplicated.");
    }

    public Reason reason() {
        return reason;
    }
}
