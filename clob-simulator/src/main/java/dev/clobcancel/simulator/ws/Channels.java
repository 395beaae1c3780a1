package dev.clobcancel.simulator.ws;

import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.BookView;
import dev.clobcancel.simulator.exchange.ExchangeListener;
import dev.clobcancel.simulator.exchange.OrderView;
import dev.clobcancel.simulator.exchange.SimAccount;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.simulator.exchange.Trade;
import dev.clobcancel.simulator.faults.ChannelFaultRule;
import dev.clobcancel.simulator.faults.ChannelFaults;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange's WebSocket channels: {@code /ws/user} (a client's own order events, after it
 * authenticates with its API credentials) and {@code /ws/market} (books, price changes and
 * trade prices of the assets it names). It hears every change of the exchange and hands each
 * to the connections that listen for it, in the order the exchange made them.
 *
 * <p>A cancel's answer can wait for its events: {@link #afterDelivery} writes the events of a
 * change on every socket that keeps up before the answer is written, so a client's
 * {@code CANCELLATION} event is on its socket before the HTTP answer of the cancel that caused it.
 */
public final class Channels implements ExchangeListener {

    public static final String USER_PATH = "/ws/user";
    public static final String MARKET_PATH = "/ws/market";
    /**
     * The messages a connection may have waiting, beyond what its socket holds, before its client
     * is judged too slow and disconnected: more than a cancel-all of the largest book sends at once.
     */
    public static final int DEFAULT_BUFFER = 20_000;
    /** What the socket itself may hold unsent before the connection's own queue takes over. */
    static final int SOCKET_QUEUE_BYTES = 256 * 1024;
    /** The exchange's words for credentials it does not know, as on its HTTP endpoints. */
    static final String INVALID_API_KEY = "Invalid API key";
    /** The tick size of a book whose market is not known. */
    static final String DEFAULT_TICK_SIZE = "0.01";

    private static final Logger LOG = LoggerFactory.getLogger(Channels.class);
    /** The barrier of the change this thread is making, when its answer waits for its events. */
    private static final ThreadLocal<Barrier> CHANGE = new ThreadLocal<>();

    private final Exchange exchange;
    private final Clock clock;
    private final ChannelFaults faults;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, List<Session>> users = new ConcurrentHashMap<>();
    private final Map<String, List<Session>> assets = new ConcurrentHashMap<>();
    private volatile int bufferLimit = DEFAULT_BUFFER;
    /** Waiting for no connection to be open. */
    private final List<CompletableFuture<Void>> idle = new ArrayList<>();

    /** @param clock the simulator's clock, which dates the events */
    public Channels(Exchange exchange, Clock clock, ChannelFaults faults) {
        this.exchange = exchange;
        this.clock = clock;
        this.faults = faults;
        exchange.listen(this);
    }

    /** Takes the WebSocket handshakes of the two channels' paths and refuses the others with 404. */
    public void handshake(ServerWebSocketHandshake handshake) {
        if (handshake.path().equals(USER_PATH) || handshake.path().equals(MARKET_PATH)) {
            handshake.accept();
        } else {
            handshake.reject(404);
        }
    }

    /** A socket of one of the channels, once its handshake is accepted; on its event loop. */
    public void connected(ServerWebSocket socket) {
        String channel = socket.path().equals(USER_PATH) ? ChannelFaultRule.USER : ChannelFaultRule.MARKET;
        Connection connection = new Connection(ids.incrementAndGet(), channel, socket, Vertx.currentContext(), bufferLimit);
        Session session = new Session(this, connection);
        synchronized (idle) {
            sessions.put(connection.id(), session);
        }
        socket.setWriteQueueMaxSize(SOCKET_QUEUE_BYTES);
        socket.textMessageHandler(session::received);
        socket.binaryMessageHandler(binary -> session.invalid("binary messages are not taken; send text"));
        socket.exceptionHandler(e -> LOG.debug("{}: {}", connection, e.toString()));
        socket.closeHandler(v -> gone(session));
    }

    private void gone(Session session) {
        session.connection().closed();
        if (session.apiKey() != null) {
            remove(users, session.apiKey(), session);
        }
        session.assets().forEach(asset -> remove(assets, asset, session));
        List<CompletableFuture<Void>> done = List.of();
        synchronized (idle) {
            sessions.remove(session.connection().id());
            if (sessions.isEmpty()) {
                done = List.copyOf(idle);
                idle.clear();
            }
        }
        done.forEach(future -> future.complete(null));
    }

    /** Completes once no connection is open on either channel (at once if none is), every registration gone. */
    public CompletionStage<Void> whenNoConnections() {
        CompletableFuture<Void> future = new CompletableFuture<>();
        synchronized (idle) {
            if (!sessions.isEmpty()) {
                idle.add(future);
                return future;
            }
        }
        future.complete(null);
        return future;
    }

    private static void remove(Map<String, List<Session>> registry, String key, Session session) {
        registry.computeIfPresent(key, (k, list) -> {
            list.remove(session);
            return list.isEmpty() ? null : list;
        });
    }

    private static void add(Map<String, List<Session>> registry, String key, Session session) {
        registry.compute(key, (k, list) -> {
            List<Session> sessions = list == null ? new CopyOnWriteArrayList<>() : list;
            sessions.add(session);
            return sessions;
        });
    }

    /** Why the credentials of a user-channel subscription are refused, or null when they are an account's. */
    String authFailure(ClientMessage.Subscribe subscribe) {
        if (subscribe.apiKey() == null || subscribe.secret() == null || subscribe.passphrase() == null) {
            return "auth must give apiKey, secret and passphrase";
        }
        SimAccount account = exchange.account(subscribe.apiKey()).orElse(null);
        if (account == null) {
            return "unknown API key";
        }
        if (!sameText(account.credentials().secret(), subscribe.secret())) {
            return "wrong secret for this API key";
        }
        if (!sameText(account.credentials().passphrase(), subscribe.passphrase())) {
            return "wrong passphrase for this API key";
        }
        return null;
    }

    void listenAsUser(Session session) {
        add(users, session.apiKey(), session);
    }

    /** Adds the session to the asset's listeners and sends it the asset's book, with no change between. */
    void listenToAsset(String asset, Session session) {
        add(assets, asset, session);
        exchange.readBook(asset, book -> deliver(session, utf8(EventJson.book(book, tickSize(asset)))));
    }

    void stopListening(String asset, Session session) {
        remove(assets, asset, session);
    }

    ChannelFaults faults() {
        return faults;
    }

    @Override
    public void orderPlaced(OrderView order) {
        tellOwner("PLACEMENT", order);
    }

    @Override
    public void orderRested(OrderView order) {
        tellWatchers(order);
    }

    @Override
    public void orderUpdated(OrderView order) {
        tellOwner("UPDATE", order);
        tellWatchers(order);
    }

    @Override
    public void orderCanceled(OrderView order) {
        tellOwner("CANCELLATION", order);
        tellWatchers(order);
    }

    /** The order's event to its owner's user-channel connections that hear its market. */
    private void tellOwner(String type, OrderView order) {
        List<Session> owners = users.get(order.owner());
        if (owners == null) {
            return;
        }
        byte[] text = null;
        for (Session session : owners) {
            if (session.hears(order.market())) {
                text = text == null ? utf8(EventJson.order(type, order, clock.millis())) : text;
                deliver(session, text);
            }
        }
    }

    /** The price change of the order's level to the market-channel connections that watch its asset. */
    private void tellWatchers(OrderView order) {
        List<Session> watchers = assets.get(order.assetId());
        if (watchers == null) {
            return;
        }
        long now = clock.millis();
        // Called under the book's lock: the book read here is the book just after this change.
        exchange.readBook(order.assetId(), book -> {
            byte[] text = utf8(priceChange(book, order.side(), order.price(), now));
            watchers.forEach(session -> deliver(session, text));
        });
    }

    private static String priceChange(BookView book, Side side, BigDecimal price, long now) {
        List<BookView.PriceLevel> levels = side == Side.BUY ? book.bids() : book.asks();
        BigDecimal size = BigDecimal.ZERO;
        for (BookView.PriceLevel level : levels) {
            if (level.price().compareTo(price) == 0) {
                size = level.size();
            }
        }
        BigDecimal bestBid = book.bids().isEmpty() ? null : book.bids().get(book.bids().size() - 1).price();
        BigDecimal bestAsk = book.asks().isEmpty() ? null : book.asks().get(book.asks().size() - 1).price();
        String hash = hash(book.assetId() + '|' + side + '|' + price.toPlainString() + '|' + size.toPlainString() + '|' + now);
        return EventJson.priceChange(book.market(), book.assetId(), side, price, size, bestBid, bestAsk, hash, now);
    }

    /**
     * The trade to each API key that took part (the taker's, then each maker's once, each told
     * which side it took), and its price and the book after it to the market channel.
     */
    @Override
    public void traded(Trade trade) {
        long now = clock.millis();
        Set<String> told = new HashSet<>();
        tellTrade(trade, trade.takerOwner(), "TAKER", now, told);
        for (Trade.MakerFill maker : trade.makerOrders()) {
            tellTrade(trade, maker.owner(), "MAKER", now, told);
        }
        List<Session> watchers = assets.get(trade.assetId());
        if (watchers != null) {
            byte[] price = utf8(EventJson.lastTradePrice(trade, now));
            exchange.readBook(trade.assetId(), book -> {
                byte[] text = utf8(EventJson.book(book, tickSize(trade.assetId())));
                watchers.forEach(session -> {
                    deliver(session, price);
                    deliver(session, text);
                });
            });
        }
    }

    private void tellTrade(Trade trade, String owner, String traderSide, long now, Set<String> told) {
        List<Session> sessions = users.get(owner);
        if (sessions == null || !told.add(owner)) {
            return;
        }
        byte[] text = null;
        for (Session session : sessions) {
            if (session.hears(trade.market())) {
                text = text == null ? utf8(EventJson.trade(trade, owner, traderSide, now)) : text;
                deliver(session, text);
            }
        }
    }

    private String tickSize(String assetId) {
        return exchange.marketOfAsset(assetId).map(market -> market.tickSize().toPlainString()).orElse(DEFAULT_TICK_SIZE);
    }

    /** An event's text as it goes on the wire, encoded once for however many connections hear it. */
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Sends {@code text} (UTF-8) on the session's connection, unless a fault drops, loses or delays it. */
    private void deliver(Session session, byte[] text) {
        Connection connection = session.connection();
        long delayMs = 0;
        var fault = faults.match(connection.channel(), session.apiKey(), false);
        if (fault.isPresent()) {
            switch (fault.get().action()) {
                case DROP -> {
                    connection.drop();
                    return;
                }
                case LOSE -> {
                    return;
                }
                case DELAY -> delayMs = fault.get().delayMs();
                default -> {
                }
            }
        }
        long sequence = connection.offer(text, delayMs);
        Barrier barrier = CHANGE.get();
        if (sequence > 0 && barrier != null) {
            barrier.add(connection, sequence);
        }
    }

    /**
     * Makes a change with {@code change} and hands its result to {@code answer} once the events
     * of the change are written on the sockets that keep up (at once when none listens). A
     * socket whose client reads slowly, or whose events a fault delays, is not waited for.
     * The answer runs on the caller's event loop.
     */
    public <T> void afterDelivery(Supplier<T> change, Consumer<T> answer) {
        if (sessions.isEmpty()) {
            answer.accept(change.get());
            return;
        }
        Barrier barrier = new Barrier();
        CHANGE.set(barrier);
        T result;
        try {
            result = change.get();
        } finally {
            CHANGE.remove();
        }
        barrier.then(() -> answer.accept(result));
    }

    /** Open connections on both channels. */
    public int connections() {
        return sessions.size();
    }

    /** Registrations of listeners: one per user-channel connection, one per asset of each market-channel connection. */
    public int subscriptions() {
        int count = 0;
        for (List<Session> list : users.values()) {
            count += list.size();
        }
        for (List<Session> list : assets.values()) {
            count += list.size();
        }
        return count;
    }

    /** How many messages each new connection may have waiting before it is dropped as too slow. */
    public void bufferLimit(int messages) {
        if (messages < 1) {
            throw new IllegalArgumentException("buffer limit must be at least 1 message, not " + messages);
        }
        bufferLimit = messages;
    }

    public int bufferLimit() {
        return bufferLimit;
    }

    /** Closes every connection (1001, going away): after a reset, no client hears the old exchange. */
    public void closeAll(String reason) {
        sessions.values().forEach(session -> session.connection().close((short) 1001, reason));
    }

    /** Drops every connection of {@code channel} (null: both) without a close frame; returns how many. */
    public int dropAll(String channel) {
        int dropped = 0;
        for (Session session : sessions.values()) {
            if (channel == null || channel.equals(session.connection().channel())) {
                session.connection().drop();
                dropped++;
            }
        }
        return dropped;
    }

    private static String hash(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static boolean sameText(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** Counts the sockets a change's answer waits for, and lets the answer go when the last is written. */
    private static final class Barrier {
        private final Map<Connection, Long> waitFor = new IdentityHashMap<>(4);
        private final AtomicInteger pending = new AtomicInteger(1);
        private Context context;
        private Runnable answer;

        void add(Connection connection, long sequence) {
            waitFor.put(connection, sequence);
        }

        void then(Runnable answer) {
            this.answer = answer;
            this.context = Vertx.currentContext();
            waitFor.forEach((connection, sequence) -> {
                if (connection.whenWritten(sequence, this::arrive)) {
                    pending.incrementAndGet();
                }
            });
            arrive();
        }

        private void arrive() {
            if (pending.decrementAndGet() != 0) {
                return;
            }
            if (context == null || Vertx.currentContext() == context) {
                answer.run();
            } else {
                context.runOnContext(v -> answer.run());
            }
        }
    }
}
