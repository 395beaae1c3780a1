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
    private final Map<String, MarketSpec> markets = new ConcurrentHashMap<>();
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
    private final Balances balances = new Balances();
    private final TradeLog trades = new TradeLog();
    private final Expiries expiries = new Expiries();
    private final DelayedOrders delayed = new DelayedOrders();
    private final Matching matching;
    private volatile ExchangeListener listener = ExchangeListener.NONE;
    private volatile Consumer<List<OrderView>> expiryListener = expired -> { };

    /**
     * @param random the simulator's one seeded random source, which generated ids draw from
     * @param clock  the simulator's clock, which dates orders
     */
    public Exchange(Random random, Clock clock) {
        this.ids = random;
        this.clock = clock;
        this.matching = new Matching(this);
    }

    public void addAccount(SimAccount account) {
        if (accounts.putIfAbsent(account.apiKey(), account) != null) {
            throw new AlreadyExistsException("an account with apiKey " + account.apiKey() + " already exists");
        }
    }

    public Optional<SimAccount> account(String apiKey) {
        return apiKey == null ? Optional.empty() : Optional.ofNullable(accounts.get(apiKey));
    }

    /** The accounts of an address (any case), whichever way their keys were made. */
    public List<SimAccount> accountsOf(String address) {
        return accounts.values().stream().filter(account -> account.address().sameAccountAs(address))
                .sorted(Comparator.comparing(SimAccount::apiKey)).toList();
    }

    /** Removes an account's key; its live orders are canceled first, as nothing could cancel them after. */
    public Optional<SimAccount> removeAccount(String apiKey) {
        SimAccount account = accounts.get(apiKey);
        if (account == null) {
            return Optional.empty();
        }
        cancelAll(apiKey);
        accounts.remove(apiKey);
        return Optional.of(account);
    }

    /**
     * Lists a market and its assets (token ids) with the default settings, or adds the assets to
     * a market already listed, keeping its settings; an asset belongs to one market only.
     */
    public synchronized void addMarket(String market, Collection<String> assetIds) {
        requireText(market, "market");
        if (assetIds.isEmpty()) {
            throw new InvalidInputException("a market needs at least one asset id");
        }
        assetIds.forEach(assetId -> requireText(assetId, "asset id"));
        List<MarketSpec.Token> tokens = new LinkedHashSet<>(assetIds).stream().map(id -> new MarketSpec.Token(id, "")).toList();
        MarketSpec known = markets.get(market);
        list(known == null ? new MarketSpec(market, tokens, null, false, null, null) : known.withTokens(tokens));
    }

    /**
     * Lists a market with its settings. A market listed already takes the new settings and keeps
     * its assets, adding the new ones; an asset belongs to one market only.
     */
    public synchronized void addMarket(MarketSpec spec) {
        MarketSpec known = markets.get(spec.conditionId());
        list(known == null ? spec : spec.withTokens(known.tokens()));
    }

    private void list(MarketSpec spec) {
        for (String assetId : spec.tokenIds()) {
            OrderBook book = books.get(assetId);
            if (book != null && !book.market().equals(spec.conditionId())) {
                throw new InvalidInputException("asset " + assetId + " belongs to market " + book.market());
            }
        }
        markets.put(spec.conditionId(), spec);
        spec.tokenIds().forEach(assetId -> books.computeIfAbsent(assetId, id -> new OrderBook(spec.conditionId(), id)));
    }

    /** The market of a condition id, with its settings. */
    public Optional<MarketSpec> market(String conditionId) {
        return conditionId == null ? Optional.empty() : Optional.ofNullable(markets.get(conditionId));
    }

    /** The market an asset (token id) belongs to. */
    public Optional<MarketSpec> marketOfAsset(String tokenId) {
        OrderBook book = tokenId == null ? null : books.get(tokenId);
        return book == null ? Optional.empty() : Optional.ofNullable(markets.get(book.market()));
    }

    /** Every market with its settings, in no particular order. */
    public List<MarketSpec> marketSpecs() {
        return List.copyOf(markets.values());
    }

    /** The markets and their assets, in no particular order. */
    public Map<String, List<String>> markets() {
        Map<String, List<String>> markets = new LinkedHashMap<>();
        books.forEach((assetId, book) -> markets.computeIfAbsent(book.market(), m -> new ArrayList<>()).add(assetId));
        return markets;
    }

    /**
     * Places orders as the admin API seeds them, all or none: each is checked (owner known, id
     * well-formed and not taken, asset of the market, price in (0, 1), size positive) before any
     * is placed. An asset not yet listed is listed under the order's market. Each is then a GTC
     * order of its owner: it matches what it crosses, like any order, and rests with the rest.
     * Seeded orders are not held to the market's tick and minimum size, nor to balances. Returns
     * the ids, in order.
     */
    public synchronized List<String> place(List<NewOrder> newOrders) {
        catchUp();
        long now = clock.millis();
        List<SimOrder> checked = new ArrayList<>(newOrders.size());
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < newOrders.size(); i++) {
            String where = newOrders.size() == 1 ? "" : "order " + i + ": ";
            SimOrder order = check(newOrders.get(i), where);
            if (orders.containsKey(order.id()) || !taken.add(order.id())) {
                throw new AlreadyExistsException(where + "an order with id " + order.id() + " already exists");
            }
            checked.add(order);
        }
        List<String> placed = new ArrayList<>(checked.size());
        for (SimOrder order : checked) {
            if (!books.containsKey(order.assetId())) {
                addMarket(order.market(), List.of(order.assetId()));
            }
            orders.put(order.id(), order);
            if (order.status() == OrderStatus.DELAYED) {
                holdBack(order);
            } else {
                matching.execute(books.get(order.assetId()), order, null, now, true);
            }
            placed.add(order.id());
        }
        return placed;
    }

    /**
     * Makes live every delayed order whose delay has passed by the simulator's clock, in the order
     * they fall due: each is matched then, as at the moment its delay ended, and what is left
     * rests. Then expires the GTD orders due. Every read, cancel and order calls it first, so the
     * exchange is always as of now.
     */
    public void catchUp() {
        releaseDue();
        expireDue(clock.millis());
    }

    /** Makes live (and matches) every delayed order whose delay has passed by the simulator's clock. */
    public void releaseDue() {
        delayed.releaseDue(clock.millis(), order -> matching.release(books.get(order.assetId()), order));
    }

    /** A seeded delayed order waits, listed among its owner's open orders; a cancel is refused meanwhile. */
    private void holdBack(SimOrder order) {
        listDelayed(order);
        delayed.add(order);
    }

    /** A delayed order is listed among its owner's open orders, and told. */
    void listDelayed(SimOrder order) {
        liveByOwner.computeIfAbsent(order.owner(), owner -> ConcurrentHashMap.newKeySet()).add(order);
        listener.orderPlaced(order.view());
    }

    /**
     * Takes an order as {@code POST /order} does once its signature is checked: refuses it with
     * the exchange's words ({@link OrderRefusedException}) or matches it, best price first and
     * oldest first within a price, at the resting orders' prices, and rests what a GTC or GTD
     * order has left. In a market with a taker delay, a marketable order waits as {@code delayed}
     * first. Nothing changes when it is refused.
     */
    public Placement submit(OrderRequest request) {
        catchUp();
        long now = clock.millis();
        SimAccount account = request.owner() == null ? null : accounts.get(request.owner());
        if (account == null) {
            throw payload("owner " + request.owner() + " is not the API key of an account");
        }
        if (request.id() == null || !OrderId.isValid(request.id())) {
            throw payload("id " + request.id() + " is not 0x and 64 hex digits");
        }
        if (request.side() == null || request.orderType() == null) {
            throw payload("side and orderType are required");
        }
        if (request.price() == null || request.price().signum() <= 0 || request.price().compareTo(BigDecimal.ONE) >= 0) {
            throw payload("price must be a decimal above 0 and below 1");
        }
        if (request.size() == null || request.size().signum() <= 0) {
            throw payload("size must be a decimal above 0");
        }
        MarketSpec spec = marketOfAsset(request.assetId())
                .orElseThrow(() -> new OrderRefusedException(OrderRefusedException.Reason.MARKET_NOT_FOUND,
                        OrderRefusedException.MARKET_NOT_FOUND));
        String id = key(request.id());
        Terms.check(request, spec, id, now);
        if (orders.containsKey(id)) {
            throw OrderRefusedException.duplicated(id);
        }
        String maker = request.maker() == null ? account.address().value() : request.maker();
        SimOrder order;
        synchronized (this) {
            order = new SimOrder(id, account.apiKey(), canonical(names, maker), spec.conditionId(),
                    canonical(names, request.assetId()), canonical(names, spec.outcome(request.assetId()).orElse("")),
                    request.side(), canonical(decimals, request.price()), canonical(decimals, request.size()),
                    request.orderType(), request.expiration(), Terms.expiresAtMillis(request),
                    clock.instant().getEpochSecond(), sequence.incrementAndGet(),
                    spec.takerDelay().isZero() ? 0 : now + spec.takerDelay().toMillis());
        }
        Placement placement = matching.submit(books.get(order.assetId()), order, request, now);
        if (placement.status().equals(Placement.DELAYED)) {
            // Queued once the book's lock is let go: the queue's lock is never taken under a book's.
            delayed.add(order);
        }
        return placement;
    }

    private static OrderRefusedException payload(String problem) {
        return new OrderRefusedException(OrderRefusedException.Reason.INVALID_ORDER_PAYLOAD,
                OrderRefusedException.INVALID_ORDER_PAYLOAD + ": " + problem);
    }

    private SimOrder check(NewOrder o, String where) {
        if (o.owner() == null || !accounts.containsKey(o.owner())) {
            throw new InvalidInputException(where + "owner " + o.owner() + " is not the apiKey of an account");
        }
        if (o.id() != null && !OrderId.isValid(o.id())) {
            throw new InvalidInputException(where + "id " + o.id() + " is not 0x and 64 (or 40) hex digits");
        }
        requireText(o.market(), where + "market");
        requireText(o.assetId(), where + "assetId");
        OrderBook book = books.get(o.assetId());
        if (book != null && !book.market().equals(o.market())) {
            throw new InvalidInputException(where + "asset " + o.assetId() + " belongs to market " + book.market());
        }
        if (o.side() == null) {
            throw new InvalidInputException(where + "side must be BUY or SELL");
        }
        if (o.price() == null || o.price().signum() <= 0 || o.price().compareTo(BigDecimal.ONE) >= 0) {
            throw new InvalidInputException(where + "price must be a decimal above 0 and below 1");
        }
        if (o.size() == null || o.size().signum() <= 0) {
            throw new InvalidInputException(where + "size must be a decimal above 0");
        }
        if (o.delay() != null && (o.delay().isNegative() || o.delay().isZero())) {
            throw new InvalidInputException(where + "a delay must be more than 0");
        }
        String id = o.id() == null ? nextId() : key(o.id());
        long delayedUntil = o.delay() == null ? 0 : clock.millis() + o.delay().toMillis();
        SimAccount owner = accounts.get(o.owner());
        String outcome = market(o.market()).flatMap(spec -> spec.outcome(o.assetId())).orElse("");
        // Equal decimals of another scale ("0.50", "0.5") stay apart: an order shows its price as given.
        return new SimOrder(id, owner.apiKey(), canonical(names, owner.address().value()), canonical(names, o.market()),
                canonical(names, o.assetId()), canonical(names, outcome), o.side(), canonical(decimals, o.price()),
                canonical(decimals, o.size()), OrderType.GTC, 0, Long.MAX_VALUE,
                clock.instant().getEpochSecond(), sequence.incrementAndGet(), delayedUntil);
    }

    private static <T> T canonical(Map<T, T> instances, T value) {
        T known = instances.putIfAbsent(value, value);
        return known == null ? value : known;
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(what + " is required");
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
        catchUp();
        SimOrder order = id == null ? null : orders.get(key(id));
        return Optional.ofNullable(order).map(o -> books.get(o.assetId()).view(o));
    }

    /**
     * Cancels the caller's orders among {@code orderIds}, each once however often it is named:
     * ids that differ only in the case of their hex digits are one id, and the report names each
     * in lower case, as the exchange's ids are. Another account's order reads as not found, as on
     * the exchange: a caller learns nothing of orders that are not theirs. A delayed order is
     * refused until its delay has passed.
     */
    public CancelReport cancel(String apiKey, Collection<String> orderIds) {
        catchUp();
        List<String> canceled = new ArrayList<>();
        Map<String, String> notCanceled = new LinkedHashMap<>();
        Set<String> named = orderIds.size() == 1 ? null : new HashSet<>();
        for (String given : orderIds) {
            String id = key(given);
            if (named != null && !named.add(id)) {
                continue;
            }
            SimOrder order = orders.get(id);
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
        catchUp();
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
        OrderBook book = books.get(order.assetId());
        synchronized (book) {
            if (!book.cancel(order)) {
                return false;
            }
            ended(order);
            if (listener != ExchangeListener.NONE) {
                listener.orderCanceled(order.view());
            }
            return true;
        }
    }

    /** The account's open orders (live or delayed) that the filters accept (null: any), oldest first. */
    public List<OrderView> liveOrders(String apiKey, String id, String market, String assetId) {
        catchUp();
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

    /**
     * Fills a live order by {@code size}, or wholly when null, as if an order outside the
     * simulator took it: no trade is made, its owner's set balances move as in a fill.
     */
    public OrderView match(String id, BigDecimal size) {
        catchUp();
        SimOrder order = orders.get(key(id));
        if (order == null) {
            throw new NotFoundException("no order " + id);
        }
        OrderBook book = books.get(order.assetId());
        synchronized (book) {
            BigDecimal before = order.view().sizeMatched();
            OrderView view = book.fill(order, size);
            BigDecimal filled = view.sizeMatched().subtract(before);
            BigDecimal paid = order.side() == Side.BUY ? filled.multiply(order.price()) : filled;
            if (order.held() != null) {
                order.held(order.held().subtract(paid).max(BigDecimal.ZERO));
            }
            balances.pay(order.maker(), order.heldAsset(), paid, order.held() != null);
            balances.receive(order.maker(), order.side() == Side.BUY ? order.assetId() : Balances.COLLATERAL,
                    order.side() == Side.BUY ? filled : filled.multiply(order.price()));
            if (view.status() == OrderStatus.MATCHED) {
                ended(order);
            }
            listener.orderUpdated(view);
            return view;
        }
    }

    /** Sets the listener told of every order change and trade from now on ({@link ExchangeListener#NONE} for none). */
    public void listen(ExchangeListener newListener) {
        listener = newListener == null ? ExchangeListener.NONE : newListener;
    }

    /**
     * Sets what the account's funder address holds of an asset: {@code "pUSD"} or a token id;
     * null makes it unlimited again, as every asset is until set. Orders resting already hold
     * nothing of a balance set after them.
     */
    public void setBalance(String apiKey, String asset, BigDecimal amount) {
        Map<String, BigDecimal> one = new HashMap<>();
        one.put(asset, amount);
        setBalances(apiKey, one);
    }

    /** Sets several of the account's balances (null: unlimited again), all or none: each asset is checked first. */
    public void setBalances(String apiKey, Map<String, BigDecimal> amounts) {
        SimAccount account = account(apiKey).orElseThrow(() -> new NotFoundException("no account with apiKey " + apiKey));
        amounts.forEach((asset, amount) -> {
            requireText(asset, "asset");
            if (!asset.equals(Balances.COLLATERAL) && !books.containsKey(asset)) {
                throw new InvalidInputException("asset " + asset + " is neither pUSD nor a token of a listed market");
            }
            if (amount != null && amount.signum() < 0) {
                throw new InvalidInputException("balance of " + asset + " must be 0 or more");
            }
        });
        amounts.forEach((asset, amount) -> balances.set(account.address().value(), asset, amount));
    }

    /** The account's set balances: asset to what it holds and what its live orders hold of that. */
    public Map<String, Balance> balances(String apiKey) {
        SimAccount account = account(apiKey).orElseThrow(() -> new NotFoundException("no account with apiKey " + apiKey));
        Map<String, Balance> out = new LinkedHashMap<>();
        balances.of(account.address().value()).forEach((asset, amounts) -> out.put(asset, new Balance(amounts[0], amounts[1])));
        return out;
    }

    /** A set balance and how much of it live orders hold; the rest is free for new orders. */
    public record Balance(BigDecimal balance, BigDecimal held) {
        public BigDecimal available() {
            return balance.subtract(held);
        }
    }

    /** The trades the account took part in, as taker or maker, that the filter accepts, oldest first. */
    public List<Trade> trades(String apiKey, TradeFilter filter) {
        catchUp();
        return trades.of(apiKey, filter);
    }

    /** Every trade of the exchange, oldest first. */
    public List<Trade> trades() {
        return trades.all();
    }

    /**
     * Expires the GTD orders due by {@code nowMillis}, oldest expiry first, and tells the expiry
     * listener which left the book.
     */
    void expireDue(long nowMillis) {
        List<OrderView> expired = null;
        for (SimOrder due = expiries.poll(nowMillis); due != null; due = expiries.poll(nowMillis)) {
            if (cancel(due)) {
                if (expired == null) {
                    expired = new ArrayList<>();
                }
                expired.add(due.view());
            }
        }
        if (expired != null) {
            expiryListener.accept(List.copyOf(expired));
        }
    }

    /**
     * Sets what is told of the GTD orders that left the book at their expiration, as they stood
     * then, oldest expiry first, once per catch-up that expired any (called where the catch-up
     * runs, perhaps under the exchange's lock: keep it short, never call back into the exchange).
     */
    public void onExpiries(Consumer<List<OrderView>> newListener) {
        expiryListener = newListener == null ? expired -> { } : newListener;
    }

    /** Claims the order's id for it; false when the id is taken. */
    boolean claim(SimOrder order) {
        return orders.putIfAbsent(order.id(), order) == null;
    }

    /** Puts what is left of an order on the book. Caller holds the book's lock. */
    void rest(OrderBook book, SimOrder order) {
        book.add(order);
        liveByOwner.computeIfAbsent(order.owner(), owner -> ConcurrentHashMap.newKeySet()).add(order);
        if (order.expiresAtMillis() != Long.MAX_VALUE) {
            expiries.add(order);
        }
        listener.orderRested(order.view());
    }

    /** An order left the book (filled, cancelled, expired): off its owner's live list, its hold given back. */
    void ended(SimOrder order) {
        Set<SimOrder> live = liveByOwner.get(order.owner());
        if (live != null) {
            live.remove(order);
        }
        release(order);
    }

    /** Gives back what the order still holds of its maker's balance. */
    void release(SimOrder order) {
        BigDecimal held = order.held();
        if (held != null && held.signum() > 0) {
            balances.release(order.maker(), order.heldAsset(), held);
            order.held(BigDecimal.ZERO);
        }
    }

    Balances balances() {
        return balances;
    }

    TradeLog tradeLog() {
        return trades;
    }

    ExchangeListener listener() {
        return listener;
    }

    /** Trade ids look like the exchange's (UUIDs), and repeat run after run for one seed. */
    String nextTradeId() {
        byte[] b = new byte[16];
        ids.nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        String hex = HexFormat.of().formatHex(b);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    /** A settlement transaction's hash: 0x and 64 hex digits from the seeded source. */
    String nextHash() {
        byte[] hash = new byte[32];
        ids.nextBytes(hash);
        return "0x" + HexFormat.of().formatHex(hash);
    }

    /** The public book of an asset, if it is listed. */
    public Optional<BookView> book(String assetId) {
        catchUp();
        OrderBook book = assetId == null ? null : books.get(assetId);
        return Optional.ofNullable(book).map(b -> b.view(clock.millis()));
    }

    /**
     * Hands the public book of an asset to {@code reader} while holding the book's lock, so that
     * no change comes between reading it and what the reader does (a listener may call it: the
     * lock is its own); false when the asset is not listed. Expires nothing.
     */
    public boolean readBook(String assetId, Consumer<BookView> reader) {
        OrderBook book = assetId == null ? null : books.get(assetId);
        if (book == null) {
            return false;
        }
        synchronized (book) {
            reader.accept(book.view(clock.millis()));
        }
        return true;
    }

    /** Back to an empty exchange. */
    public synchronized void reset() {
        accounts.clear();
        orders.clear();
        books.clear();
        markets.clear();
        balances.clear();
        trades.clear();
        expiries.clear();
        liveByOwner.clear();
        names.clear();
        decimals.clear();
        delayed.clear();
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
