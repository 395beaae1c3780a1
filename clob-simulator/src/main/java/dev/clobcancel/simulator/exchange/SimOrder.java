package dev.clobcancel.simulator.exchange;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order on the simulated exchange. Its identity and terms never change; its status and
 * matched size change only under the lock of its book, so a cancel and a fill of one order can
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
    private final long createdAt;
    private final long sequence;
    /** When a delayed order becomes live, in the simulator's epoch milliseconds; 0 for an order live at once. */
    private final long delayedUntil;
    private BigDecimal sizeMatched = BigDecimal.ZERO;
    private OrderStatus status;

    SimOrder(String id, String owner, String market, String assetId, Side side, BigDecimal price, BigDecimal size,
             long createdAt, long sequence, long delayedUntil) {
        this.id = Objects.requireNonNull(id, "id");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.market = Objects.requireNonNull(market, "market");
        this.assetId = Objects.requireNonNull(assetId, "assetId");
        this.side = Objects.requireNonNull(side, "side");
        this.price = Objects.requireNonNull(price, "price");
        this.size = Objects.requireNonNull(size, "size");
        this.createdAt = createdAt;
        this.sequence = sequence;
        this.delayedUntil = delayedUntil;
        this.status = delayedUntil > 0 ? OrderStatus.DELAYED : OrderStatus.LIVE;
    }

    /** Caller holds the book's lock. A delayed order becomes live; false when it was not delayed. */
    boolean release() {
        if (status != OrderStatus.DELAYED) {
            return false;
        }
        status = OrderStatus.LIVE;
        return true;
    }

    /** Caller holds the book's lock. */
    boolean cancel() {
        if (status != OrderStatus.LIVE) {
            return false;
        }
        status = OrderStatus.CANCELED;
        return true;
    }

    /** Caller holds the book's lock. Fills {@code amount} (all that is left when null); returns the amount filled. */
    BigDecimal fill(BigDecimal amount) {
        if (status != OrderStatus.LIVE) {
            throw new RejectedException(409, "order " + id + " is " + status + ", not LIVE");
        }
        BigDecimal left = remaining();
        BigDecimal fill = amount == null ? left : amount;
        if (fill.signum() <= 0 || fill.compareTo(left) > 0) {
            throw RejectedException.badRequest("match size must be more than 0 and at most the " + left.toPlainString() + " left");
        }
        sizeMatched = sizeMatched.add(fill);
        if (sizeMatched.compareTo(size) == 0) {
            status = OrderStatus.MATCHED;
        }
        return fill;
    }

    BigDecimal remaining() {
        return size.subtract(sizeMatched);
    }

    /** A consistent copy of the order as it stands now. */
    OrderView view() {
        return new OrderView(id, owner, market, assetId, side, price, size, sizeMatched, status, createdAt);
    }

    public String id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    String market() {
        return market;
    }

    String assetId() {
        return assetId;
    }

    Side side() {
        return side;
    }

    BigDecimal price() {
        return price;
    }

    /** When a delayed order becomes live, in epoch milliseconds; 0 when it was never delayed. */
    long delayedUntil() {
        return delayedUntil;
    }

    /** Place in time priority: lower came first. */
    long sequence() {
        return sequence;
    }

    OrderStatus status() {
        return status;
    }
}
