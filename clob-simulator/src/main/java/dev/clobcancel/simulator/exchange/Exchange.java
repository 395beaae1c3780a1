package dev.clobcancel.simulator.exchange;

import dev.clobcancel.domain.model.OrderId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of the simulated exchange: accounts and their orders, in memory. Thread-safe; a
 * cancel is one hash look-up and a lock on the one order, whatever the number of orders.
 */
public final class Exchange {

    /** The exchange's words for an order that is not the caller's, unknown, or already canceled. */
    public static final String NOT_FOUND = "Order not found or already canceled";
    /** The exchange's words for an order that was filled before the cancel came. */
    public static final String ALREADY_MATCHED = "Order already matched";

    private final Map<String, SimAccount> accounts = new ConcurrentHashMap<>();
    private final Map<String, SimOrder> orders = new ConcurrentHashMap<>();
    private final Random ids;

    /** @param random the simulator's one seeded random source, which generated ids draw from */
    public Exchange(Random random) {
        this.ids = random;
    }

    public void addAccount(SimAccount account) {
        if (accounts.putIfAbsent(account.apiKey(), account) != null) {
            throw new RejectedException(409, "an account with apiKey " + account.apiKey() + " already exists");
        }
    }

    public Optional<SimAccount> account(String apiKey) {
        return apiKey == null ? Optional.empty() : Optional.ofNullable(accounts.get(apiKey));
    }

    /**
     * Places orders, all or none: each is checked (owner known, id well-formed and not taken,
     * price in (0, 1), size positive) before any is placed. Returns their ids, in order.
     */
    public synchronized List<String> place(List<NewOrder> newOrders) {
        List<SimOrder> checked = new ArrayList<>(newOrders.size());
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < newOrders.size(); i++) {
            String where = newOrders.size() == 1 ? "" : "order " + i + ": ";
            SimOrder order = check(newOrders.get(i), where);
            if (orders.containsKey(order.id()) || !taken.add(order.id())) {
                throw new RejectedException(409, where + "an order with id " + order.id() + " already exists");
            }
            checked.add(order);
        }
        List<String> placed = new ArrayList<>(checked.size());
        for (SimOrder order : checked) {
            orders.put(order.id(), order);
            placed.add(order.id());
        }
        return placed;
    }

    private SimOrder check(NewOrder o, String where) {
        if (o.owner() == null || !accounts.containsKey(o.owner())) {
            throw RejectedException.badRequest(where + "owner " + o.owner() + " is not the apiKey of an account");
        }
        if (o.id() != null && !OrderId.isValid(o.id())) {
            throw RejectedException.badRequest(where + "id " + o.id() + " is not 0x and 64 (or 40) hex digits");
        }
        requireText(o.market(), where + "market");
        requireText(o.assetId(), where + "assetId");
        if (o.side() == null) {
            throw RejectedException.badRequest(where + "side must be BUY or SELL");
        }
        if (o.price() == null || o.price().signum() <= 0 || o.price().compareTo(BigDecimal.ONE) >= 0) {
            throw RejectedException.badRequest(where + "price must be a decimal above 0 and below 1");
        }
        if (o.size() == null || o.size().signum() <= 0) {
            throw RejectedException.badRequest(where + "size must be a decimal above 0");
        }
        String id = o.id() == null ? nextId() : key(o.id());
        return new SimOrder(id, o.owner(), o.market(), o.assetId(), o.side(), o.price(), o.size());
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw RejectedException.badRequest(what + " is required");
        }
    }

    /** Ids look like the exchange's order hashes, and repeat run after run for one seed. */
    private String nextId() {
        byte[] hash = new byte[32];
        String id;
        do {
            ids.nextBytes(hash);
            id = "0x" + HexFormat.of().formatHex(hash);
        } while (orders.containsKey(id));
        return id;
    }

    public Optional<OrderView> order(String id) {
        SimOrder order = id == null ? null : orders.get(key(id));
        return Optional.ofNullable(order).map(SimOrder::view);
    }

    /**
     * Cancels the caller's orders among {@code orderIds}. Another account's order reads as not
     * found, as on the exchange: a caller learns nothing of orders that are not theirs.
     */
    public CancelReport cancel(String apiKey, Collection<String> orderIds) {
        List<String> canceled = new ArrayList<>();
        Map<String, String> notCanceled = new LinkedHashMap<>();
        for (String id : orderIds) {
            SimOrder order = orders.get(key(id));
            if (order == null || !order.owner().equals(apiKey)) {
                notCanceled.put(id, NOT_FOUND);
            } else if (order.cancel()) {
                canceled.add(id);
            } else {
                notCanceled.put(id, order.status() == OrderStatus.MATCHED ? ALREADY_MATCHED : NOT_FOUND);
            }
        }
        return new CancelReport(canceled, notCanceled);
    }

    /** Fills a live order by {@code size}, or wholly when null. */
    public OrderView match(String id, BigDecimal size) {
        SimOrder order = orders.get(key(id));
        if (order == null) {
            throw new RejectedException(404, "no order " + id);
        }
        try {
            if (!order.match(size)) {
                throw new RejectedException(409, "order " + id + " is " + order.status() + ", not LIVE");
            }
        } catch (IllegalArgumentException e) {
            throw RejectedException.badRequest(e.getMessage());
        }
        return order.view();
    }

    /** Back to an empty exchange. */
    public synchronized void reset() {
        accounts.clear();
        orders.clear();
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
