package dev.clobcancel.simulator.ws;

import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.ExchangeEvent;
import dev.clobcancel.simulator.exchange.ExchangeListener;
import dev.clobcancel.simulator.exchange.SimAccount;
import dev.clobcancel.simulator.faults.ChannelFaultRule;
import dev.clobcancel.simulator.faults.ChannelFaults;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
    /** The messages a connection may have waiting before its client is judged too slow and dropped. */
    public static final int DEFAULT_BUFFER = 10_000;
    /** What the socket itself may hold unsent before the connection's own queue takes over. */
    static final int SOCKET_QUEUE_BYTES = 256 * 1024;
    /** The exchange's words for credentials it does not know, as on its HTTP endpoints. */
    static final String INVALID_API_KEY = "Invalid API key";
    /** The tick size the simulator's books use. */
    static final String TICK_SIZE = "0.01";

    private static final Logger LOG = LoggerFactory.getLogger(Channels.class);
    /** The barrier of the change this thread is making, when its answer waits for its events. */
    private static final ThreadLocal<Barrier> CHANGE = new ThreadLocal<>();

    private final Exchange exchange;
    private final ChannelFaults faults;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, List<Session>> users = new ConcurrentHashMap<>();
    private final Map<String, List<Session>> assets = new ConcurrentHashMap<>();
    private volatile int bufferLimit = DEFAULT_BUFFER;

    public Channels(Exchange exchange, ChannelFaults faults) {
        this.exchange = exchange;
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
        sessions.put(connection.id(), session);
        socket.setWriteQueueMaxSize(SOCKET_QUEUE_BYTES);
        socket.textMessageHandler(session::received);
        socket.binaryMessageHandler(binary -> session.invalid("binary messages are not taken; send text"));
        socket.exceptionHandler(e -> LOG.debug("{}: {}", connection, e.toString()));
        socket.closeHandler(v -> gone(session));
    }

    private void gone(Session session) {
        session.connection().closed();
        sessions.remove(session.connection().id());
        if (session.apiKey() != null) {
            remove(users, session.apiKey(), session);
        }
        session.assets().forEach(asset -> remove(assets, asset, session));
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
        exchange.readBook(asset, book -> deliver(session, EventJson.book(book, TICK_SIZE)));
    }

    void stopListening(String asset, Session session) {
        remove(assets, asset, session);
    }

    ChannelFaults faults() {
        return faults;
    }

    @Override
    public void changed(ExchangeEvent event) {
        if (event instanceof ExchangeEvent.OrderEvent order) {
            List<Session> listeners = users.get(order.order().owner());
            if (listeners == null) {
                return;
            }
            String text = null;
            for (Session session : listeners) {
                if (session.hears(order.market())) {
                    if (text == null) {
                        text = EventJson.order(order, makerAddress(order.order().owner()));
                    }
                    deliver(session, text);
                }
            }
        } else if (event instanceof ExchangeEvent.LevelChange level) {
            List<Session> listeners = assets.get(level.assetId());
            if (listeners != null) {
                String text = EventJson.priceChange(level, hash(level.toString()));
                listeners.forEach(session -> deliver(session, text));
            }
        } else if (event instanceof ExchangeEvent.Fill fill) {
            List<Session> listeners = assets.get(fill.assetId());
            if (listeners != null) {
                String price = EventJson.lastTradePrice(fill);
                String book = EventJson.book(fill.book(), TICK_SIZE);
                listeners.forEach(session -> {
                    deliver(session, price);
                    deliver(session, book);
                });
            }
        }
    }

    private String makerAddress(String apiKey) {
        return exchange.account(apiKey).map(account -> account.address().value()).orElse("");
    }

    /** Sends {@code text} on the session's connection, unless a fault drops, loses or delays it. */
    private void deliver(Session session, String text) {
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
