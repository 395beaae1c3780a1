package dev.clobcancel.simulator.exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An order on the simulated exchange. Its identity and terms never change; its status, matched
 * size, what it holds of its owner's balance and its trades change only under the lock of its
 * book, so a cancel and a fill of one order can never both win, and of any number of concurrent
 * cancels exactly one does.
 */
final class SimOrder {

    private final String id;
    private final String owner;
    private final String maker;
    private final String market;
    private final String assetId;
    private final String outcome;
    private final Side side;
    private final BigDecimal price;
    private final OrderType type;
    /** Unix seconds as signed; 0 for none. */
    private final long expiration;
    /** When the order leaves the book, in epoch millis of the simulator's clock; Long.MAX_VALUE for never. */
    private final long expiresAtMillis;
    private final long createdAt;
    private final long sequence;
    /** When a delayed order becomes live, in the simulator's epoch milliseconds; 0 for an order live at once. */
    private final long delayedUntil;
    /** Shares; a BUY FOK or FAK learns its size from what its amount bought. */
    private BigDecimal size;
    private BigDecimal sizeMatched = BigDecimal.ZERO;
    private OrderStatus status;
    /** What the order still holds of its maker's balance (pUSD for a BUY, shares for a SELL); null when unlimited. */
    private BigDecimal held;
    /** The pUSD a BUY FOK or FAK spends, kept while it is delayed; null for an order that matches by shares. */
    private BigDecimal budget;
    private List<String> tradeIds;

    SimOrder(String id, String owner, String maker, String market, String assetId, String outcome, Side side,
             BigDecimal price, BigDecimal size, OrderType type, long expiration, long expiresAtMillis,
             long createdAt, long sequence, long delayedUntil) {
        this.id = Objects.requireNonNull(id, "id");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.maker = Objects.requireNonNull(maker, "maker");
        this.market = Objects.requireNonNull(market, "market");
        this.assetId = Objects.requireNonNull(assetId, "assetId");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.side = Objects.requireNonNull(side, "side");
        this.price = Objects.requireNonNull(price, "price");
        this.size = Objects.requireNonNull(size, "size");
        this.type = Objects.requireNonNull(type, "type");
        this.expiration = expiration;
        this.expiresAtMillis = expiresAtMillis;
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

    /** Caller holds the book's lock. Ends a live order unfilled: cancelled, expired or killed. */
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
            throw new NotLiveException("order " + id + " is " + status + ", not LIVE");
        }
        BigDecimal left = remaining();
        BigDecimal fill = amount == null ? left : amount;
        if (fill.signum() <= 0 || fill.compareTo(left) > 0) {
            throw new InvalidInputException("match size must be more than 0 and at most the " + left.toPlainString() + " left");
        }
        sizeMatched = sizeMatched.add(fill);
        if (sizeMatched.compareTo(size) == 0) {
            status = OrderStatus.MATCHED;
        }
        return fill;
    }

    /** Caller holds the book's lock. Fixes the size of a BUY whose amount, not its shares, was signed for. */
    void resize(BigDecimal shares) {
        size = shares;
        if (status == OrderStatus.LIVE && sizeMatched.compareTo(size) == 0) {
            status = OrderStatus.MATCHED;
        }
    }

    void addTrade(String tradeId) {
        if (tradeIds == null) {
            tradeIds = new ArrayList<>(1);
        }
        tradeIds.add(tradeId);
    }

    BigDecimal remaining() {
        return size.subtract(sizeMatched);
    }

    /** A consistent copy of the order as it stands now. */
    OrderView view() {
        return new OrderView(id, owner, market, assetId, side, price, size, sizeMatched, status, createdAt,
                maker, outcome, type, expiration, tradeIds == null ? List.of() : List.copyOf(tradeIds));
    }

    public String id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    String maker() {
        return maker;
    }

    String market() {
        return market;
    }

    String assetId() {
        return assetId;
    }

    String outcome() {
        return outcome;
    }

    Side side() {
        return side;
    }

    BigDecimal price() {
        return price;
    }

    OrderType type() {
        return type;
    }

    long expiresAtMillis() {
        return expiresAtMillis;
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

    BigDecimal held() {
        return held;
    }

    BigDecimal budget() {
        return budget;
    }

    void budget(BigDecimal amount) {
        budget = amount;
    }

    void held(BigDecimal amount) {
        held = amount;
    }

    /** The asset this order pays with: pUSD for a BUY, its token for a SELL. */
    String heldAsset() {
        return side == Side.BUY ? Balances.COLLATERAL : assetId;
    }
}
