package dev.clobcancel.simulator.exchange;

import dev.clobcancel.domain.model.OrderId;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The state of the simulated exchange: accounts, markets with their assets, a book per asset, and
 * every order, in memory. Thread-safe. A cancel is one hash look-up and a change under the lock of
 * one book, whatever the number of orders.
 */
public final class Exchange {

    /** The exchange's words for an order that is not the caller's, unknown, or already canceled. */
    public static final String NOT_FOUND = "Order not found or already canceled";
    /** The exchange's words for an order that was filled before the cancel came. */
    public static final String ALREADY_MATCHED = "Order already matched";
    /** The exchange's words for an order still held back by its taker delay. */
    public static final String DELAYED = "cannot cancel because the order is in pending/delayed status";

    private final Map<String, SimAccount> accounts = new ConcurrentHashMap<>();
    private final Map<String, SimOrder> orders = new ConcurrentHashMap<>();
    private final Map<String, OrderBook> books = new ConcurrentHashMap<>();
    /** Each account's live orders, for cancel-all and the order listings. */
    private final Map<String, Set<SimOrder>> liveByOwner = new ConcurrentHashMap<>();
    /**
     * One instance of each market, asset id, price and size that orders name, so that a million
     * orders of one book share a handful of them rather than each holding its own copies. Changed
     * under this object's lock, in {@link #place}.
     */
    private final Map<String, String> names = new HashMap<>();
    private final Map<BigDecimal, BigDecimal> decimals = new HashMap<>();
    private final Random ids;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private final EventSink events;
    private final DelayedOrders delayed = new DelayedOrders();

    /**
     * @param random the simulator's one seeded random source, which generated ids draw from
     * @param clock  the simulator's clock, which dates orders
     */
    public Exchange(Random random, Clock clock) {
        this.ids = random;
        this.clock = clock;
        this.events = new EventSink(clock);
    }

    /**
     * Tells {@code listener} every change from now on: each order placed, filled or canceled
     * (whatever asked for it), and each change of a book, in the order they happen. One listener;
     * null stops telling.
     */
    public void listen(ExchangeListener listener) {
        events.listener(listener);
    }

    public void addAccount(SimAccount account) {
        if (accounts.putIfAbsent(account.apiKey(), account) != null) {
            throw new RejectedException(409, "an account with apiKey " + account.apiKey() + " already exists");
        }
    }

    public Optional<SimAccount> account(String apiKey) {
        return apiKey == null ? Optional.empty() : Optional.ofNullable(accounts.get(apiKey));
    }

    /** Lists a market and its assets (token ids); an asset belongs to one market only. */
    public synchronized void addMarket(String market, Collection<String> assetIds) {
        requireText(market, "market");
        if (assetIds.isEmpty()) {
            throw RejectedException.badRequest("a market needs at least one asset id");
        }
        for (String assetId : assetIds) {
            requireText(assetId, "asset id");
            OrderBook book = books.get(assetId);
            if (book != null && !book.market().equals(market)) {
                throw RejectedException.badRequest("asset " + assetId + " belongs to market " + book.market());
            }
        }
        assetIds.forEach(assetId -> books.computeIfAbsent(assetId, id -> new OrderBook(market, id, events)));
    }

    /** The markets and their assets, in no particular order. */
    public Map<String, List<String>> markets() {
        Map<String, List<String>> markets = new LinkedHashMap<>();
        books.forEach((assetId, book) -> markets.computeIfAbsent(book.market(), m -> new ArrayList<>()).add(assetId));
        return markets;
    }

    /**
     * Places orders, all or none: each is checked (owner known, id well-formed and not taken,
     * asset of the market, price in (0, 1), size positive) before any is placed. An asset not yet
     * listed is listed under the order's market. Returns the ids, in order.
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
            OrderBook book = books.computeIfAbsent(order.assetId(), id -> new OrderBook(order.market(), id, events));
            if (order.status() == OrderStatus.DELAYED) {
                delayed.add(order);
            } else {
                book.add(order);
            }
            liveByOwner.computeIfAbsent(order.owner(), owner -> ConcurrentHashMap.newKeySet()).add(order);
            placed.add(order.id());
        }
        return placed;
    }

    /**
     * Makes live every delayed order whose delay has passed by the simulator's clock, in the order
     * they fall due, each joining its book. Every read and cancel calls it first, so an order's
     * status is always as of now; a later matching engine releases its held takers through here.
     */
    public void releaseDue() {
        delayed.releaseDue(clock.millis(), order -> books.get(order.assetId()).release(order));
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
        OrderBook book = books.get(o.assetId());
        if (book != null && !book.market().equals(o.market())) {
            throw RejectedException.badRequest(where + "asset " + o.assetId() + " belongs to market " + book.market());
        }
        if (o.side() == null) {
            throw RejectedException.badRequest(where + "side must be BUY or SELL");
        }
        if (o.price() == null || o.price().signum() <= 0 || o.price().compareTo(BigDecimal.ONE) >= 0) {
            throw RejectedException.badRequest(where + "price must be a decimal above 0 and below 1");
        }
        if (o.size() == null || o.size().signum() <= 0) {
            throw RejectedException.badRequest(where + "size must be a decimal above 0");
        }
        if (o.delay() != null && (o.delay().isNegative() || o.delay().isZero())) {
            throw RejectedException.badRequest(where + "delayedMs must be more than 0");
        }
        String id = o.id() == null ? nextId() : key(o.id());
        long delayedUntil = o.delay() == null ? 0 : clock.millis() + o.delay().toMillis();
        // Equal decimals of another scale ("0.50", "0.5") stay apart: an order shows its price as given.
        return new SimOrder(id, accounts.get(o.owner()).apiKey(), canonical(names, o.market()), canonical(names, o.assetId()),
                o.side(), canonical(decimals, o.price()), canonical(decimals, o.size()),
                clock.instant().getEpochSecond(), sequence.incrementAndGet(), delayedUntil);
    }

    private static <T> T canonical(Map<T, T> instances, T value) {
        T known = instances.putIfAbsent(value, value);
        return known == null ? value : known;
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
        releaseDue();
        SimOrder order = id == null ? null : orders.get(key(id));
        return Optional.ofNullable(order).map(o -> books.get(o.assetId()).view(o));
    }

    /**
     * Cancels the caller's orders among {@code orderIds}, each once however often it is named.
     * Another account's order reads as not found, as on the exchange: a caller learns nothing of
     * orders that are not theirs. A delayed order is refused until its delay has passed.
     */
    public CancelReport cancel(String apiKey, Collection<String> orderIds) {
        releaseDue();
        List<String> canceled = new ArrayList<>();
        Map<String, String> notCanceled = new LinkedHashMap<>();
        for (String id : new LinkedHashSet<>(orderIds)) {
            SimOrder order = orders.get(key(id));
            if (order == null || !order.owner().equals(apiKey)) {
                notCanceled.put(id, NOT_FOUND);
            } else if (cancel(order)) {
                canceled.add(id);
            } else {
                notCanceled.put(id, whyNotCanceled(order));
            }
        }
        return new CancelReport(canceled, notCanceled);
    }

    private String whyNotCanceled(SimOrder order) {
        return switch (books.get(order.assetId()).view(order).status()) {
            case MATCHED -> ALREADY_MATCHED;
            case DELAYED -> DELAYED;
            default -> NOT_FOUND;
        };
    }

    /** Cancels every live order of the account. */
    public CancelReport cancelAll(String apiKey) {
        return cancelLive(apiKey, order -> true);
    }

    /** Cancels the account's live orders in {@code market} and/or of {@code assetId} (null: any). */
    public CancelReport cancelMarket(String apiKey, String market, String assetId) {
        return cancelLive(apiKey, order -> (market == null || market.equals(order.market()))
                && (assetId == null || assetId.equals(order.assetId())));
    }

    /** Cancels the account's open orders that {@code which} accepts; a delayed one is named in not_canceled, as a cancel by id would. */
    private CancelReport cancelLive(String apiKey, Predicate<SimOrder> which) {
        releaseDue();
        List<String> canceled = new ArrayList<>();
        Map<String, String> notCanceled = new LinkedHashMap<>();
        for (SimOrder order : liveOrders(apiKey, which)) {
            if (cancel(order)) {
                canceled.add(order.id());
            } else if (books.get(order.assetId()).view(order).status() == OrderStatus.DELAYED) {
                notCanceled.put(order.id(), DELAYED);
            }
        }
        return new CancelReport(canceled, notCanceled);
    }

    private boolean cancel(SimOrder order) {
        boolean canceled = books.get(order.assetId()).cancel(order);
        if (canceled) {
            liveByOwner.get(order.owner()).remove(order);
        }
        return canceled;
    }

    /** The account's open orders (live or delayed) that the filters accept (null: any), oldest first. */
    public List<OrderView> liveOrders(String apiKey, String id, String market, String assetId) {
        releaseDue();
        return liveOrders(apiKey, order -> (id == null || order.id().equals(key(id)))
                && (market == null || market.equals(order.market()))
                && (assetId == null || assetId.equals(order.assetId())))
                .stream().map(o -> books.get(o.assetId()).view(o))
                .filter(v -> v.status() == OrderStatus.LIVE || v.status() == OrderStatus.DELAYED).toList();
    }

    private List<SimOrder> liveOrders(String apiKey, Predicate<SimOrder> which) {
        Set<SimOrder> live = liveByOwner.getOrDefault(apiKey, Set.of());
        return live.stream().filter(which)
                .sorted(Comparator.comparingLong(SimOrder::sequence))
                .toList();
    }

    /** Fills a live order by {@code size}, or wholly when null. */
    public OrderView match(String id, BigDecimal size) {
        releaseDue();
        SimOrder order = orders.get(key(id));
        if (order == null) {
            throw new RejectedException(404, "no order " + id);
        }
        OrderView view = books.get(order.assetId()).fill(order, size);
        if (view.status() == OrderStatus.MATCHED) {
            liveByOwner.get(order.owner()).remove(order);
        }
        return view;
    }

    /** The public book of an asset, if it is listed. */
    public Optional<BookView> book(String assetId) {
        releaseDue();
        OrderBook book = assetId == null ? null : books.get(assetId);
        return Optional.ofNullable(book).map(b -> b.view(clock.millis()));
    }

    /**
     * Hands the public book of an asset to {@code reader} while holding the book's lock, so that
     * no change comes between reading it and what the reader does; false when the asset is not
     * listed.
     */
    public boolean readBook(String assetId, Consumer<BookView> reader) {
        OrderBook book = assetId == null ? null : books.get(assetId);
        if (book == null) {
            return false;
        }
        book.read(clock.millis(), reader);
        return true;
    }

    /** Back to an empty exchange. */
    public synchronized void reset() {
        accounts.clear();
        orders.clear();
        books.clear();
        liveByOwner.clear();
        names.clear();
        decimals.clear();
        delayed.clear();
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
