package dev.clobcancel.simulator.exchange;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order resting on the simulated exchange. Its identity and terms never change; its status
 * and matched size change under the order's own lock, so a cancel and a fill of one order can
 * never both win, and of any number of concurrent cancels exactly one does.
 */
public final class SimOrder {

    private final String id;
    private final String owner;
    private final String market;
    private final String assetId;
    private final Side side;
    private final BigDecimal price;
    private final BigDecimal size;
    private BigDecimal sizeMatched = BigDecimal.ZERO;
    private OrderStatus status = OrderStatus.LIVE;

    public SimOrder(String id, String owner, String market, String assetId, Side side, BigDecimal price, BigDecimal size) {
        this.id = Objects.requireNonNull(id, "id");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.market = Objects.requireNonNull(market, "market");
        this.assetId = Objects.requireNonNull(assetId, "assetId");
        this.side = Objects.requireNonNull(side, "side");
        this.price = Objects.requireNonNull(price, "price");
        this.size = Objects.requireNonNull(size, "size");
    }

    /** Takes a live order off the book; false when it was no longer live. */
    synchronized boolean cancel() {
        if (status != OrderStatus.LIVE) {
            return false;
        }
        status = OrderStatus.CANCELED;
        return true;
    }

    /**
     * Fills {@code amount} more of a live order (all that is left when null); it becomes
     * {@code MATCHED} once wholly filled. Returns false when the order is no longer live.
     */
    synchronized boolean match(BigDecimal amount) {
        if (status != OrderStatus.LIVE) {
            return false;
        }
        BigDecimal left = size.subtract(sizeMatched);
        BigDecimal fill = amount == null ? left : amount;
        if (fill.signum() <= 0 || fill.compareTo(left) > 0) {
            throw new IllegalArgumentException("match size must be more than 0 and at most the " + left.toPlainString() + " left");
        }
        sizeMatched = sizeMatched.add(fill);
        if (sizeMatched.compareTo(size) == 0) {
            status = OrderStatus.MATCHED;
        }
        return true;
    }

    /** A consistent copy of the order as it stands now. */
    public synchronized OrderView view() {
        return new OrderView(id, owner, market, assetId, side, price, size, sizeMatched, status);
    }

    public String id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    synchronized OrderStatus status() {
        return status;
    }
}
