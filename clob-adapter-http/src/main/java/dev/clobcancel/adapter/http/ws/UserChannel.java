package dev.clobcancel.adapter.http.ws;

import dev.clobcancel.adapter.http.implementation.OwnedVertx;
import dev.clobcancel.domain.events.EventSubscription;
import dev.clobcancel.domain.events.UserEvent;
import dev.clobcancel.domain.events.UserEventListener;
import dev.clobcancel.domain.failure.ClientClosedException;
import dev.clobcancel.domain.failure.TransportException;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.port.OrderEventsPort;
import dev.clobcancel.domain.retry.Durations;
import dev.clobcancel.domain.time.Scheduler;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange's user channel over a Vert.x WebSocket: the account's order and trade events,
 * delivered to every subscribed listener in the order the exchange sent them.
 *
 * <pre>{@code
 * try (UserChannel channel = UserChannel.builder()
 *         .url(UserChannel.urlFor(URI.create("https://clob.polymarket.com")))
 *         .credentials(new ApiCredentials(key, secret, passphrase))
 *         .build()) {
 *     channel.subscribe(event -> log.info("{}", event)).toCompletableFuture().join();
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Connects on the first {@link #subscribe}, and sends the documented subscription
 *       ({@code {"auth":{...},"type":"user","markets":[...]}}) followed by a {@code PING}: the
 *       exchange does not acknowledge a subscription, but it reads a connection's messages in
 *       order, so the {@code PONG} says the subscription was taken.</li>
 *   <li>Sends {@code PING} every {@code pingInterval} (10 s, as the exchange asks); a {@code PING}
 *       still unanswered at the next one means the connection is dead, and it is dropped.</li>
 *   <li>Reconnects after a lost connection, waiting a capped exponential backoff with jitter, and
 *       subscribes again to the same markets. Listeners hear {@code onDisconnected} and
 *       {@code onSubscribed}: events sent in between are lost.</li>
 *   <li>Bounded: messages over {@code maxMessageBytes} drop the connection, listeners are capped,
 *       and a subscription not taken within {@code subscribeTimeout} fails.</li>
 * </ul>
 *
 * The secret and passphrase go in the subscription message only: never in a log line, an
 * exception or {@link #toString()}. Thread-safe; listeners are called on the connection's event
 * loop and must not block.
 */
public final class UserChannel implements OrderEventsPort, AutoCloseable {


    /** The exchange asks for a {@code PING} every 10 s (docs.polymarket.com, WebSocket overview). */
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_SUBSCRIBE_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RECONNECT_BASE_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RECONNECT_MAX_DELAY = Duration.ofSeconds(30);
    /** Far above any event the exchange sends, yet a flood cannot exhaust the heap. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;
    public static final int MAX_LISTENERS = 10_000;
    /** The exchange's user channel, for its CLOB at {@code clob.polymarket.com}. */
    public static final URI EXCHANGE_URL = URI.create("wss://ws-subscriptions-clob.polymarket.com/ws/user");
    static final String PATH = "/ws/user";

    private static final Logger LOG = LoggerFactory.getLogger(UserChannel.class);

    private record Waiting(UserEventListener listener, CompletableFuture<EventSubscription> result) {
    }

    private final URI url;
    private final ApiCredentials credentials;
    private final Vertx vertx;
    private final boolean ownsVertx;
    private final WebSocketClient client;
    private final Scheduler scheduler;
    private final RandomGenerator random;
    private final Duration pingInterval;
    private final Duration subscribeTimeout;
    private final Duration reconnectBaseDelay;
    private final Duration reconnectMaxDelay;

    private final List<UserEventListener> listeners = new CopyOnWriteArrayList<>();
    /** Guarded by this, as is everything below. */
    private final Set<String> markets = new LinkedHashSet<>();
    private final List<Waiting> waiting = new ArrayList<>();
    private WebSocket socket;
    /** Which connection is current: callbacks of an older one change nothing. */
    private long generation;
    private boolean subscribed;
    private boolean pingOutstanding;
    private int failedAttempts;
    private boolean started;
    private boolean closed;

    private UserChannel(Builder b) {
        this.url = b.url;
        this.credentials = b.credentials;
        this.ownsVertx = b.vertx == null;
        this.vertx = ownsVertx ? Vertx.vertx() : b.vertx;
        boolean tls = url.getScheme().equalsIgnoreCase("wss");
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxMessageSize(b.maxMessageBytes)
                .setMaxFrameSize(Math.min(b.maxMessageBytes, 65_536))
                .setConnectTimeout((int) Math.max(1, b.subscribeTimeout.toMillis()))
                .setSsl(tls)
                .setVerifyHost(true));
        this.scheduler = b.scheduler != null ? b.scheduler
                : (delay, task) -> vertx.setTimer(Math.max(1, delay.toMillis()), id -> task.run());
        this.random = b.random;
        this.pingInterval = b.pingInterval;
        this.subscribeTimeout = b.subscribeTimeout;
        this.reconnectBaseDelay = b.reconnectBaseDelay;
        this.reconnectMaxDelay = b.reconnectMaxDelay;
        this.markets.addAll(b.markets);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The user channel of the CLOB at {@code clobHost}: the exchange's own for
     * {@code clob.polymarket.com}, else {@code /ws/user} on the same host and port (a simulator),
     * {@code ws} for {@code http} and {@code wss} for {@code https}.
     */
    public static URI urlFor(URI clobHost) {
        Objects.requireNonNull(clobHost, "clobHost");
        if ("clob.polymarket.com".equalsIgnoreCase(clobHost.getHost())) {
            return EXCHANGE_URL;
        }
        String scheme = "https".equalsIgnoreCase(clobHost.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + clobHost.getRawAuthority() + PATH);
    }

    /**
     * Registers {@code listener}, connecting first if need be. The stage completes once the
     * exchange has taken the subscription, or at once when it already has; it fails with a
     * {@link TransportException} when that takes longer than {@code subscribeTimeout}, the
     * listener then unregistered.
     */
    @Override
    public CompletionStage<EventSubscription> subscribe(UserEventListener listener) {
        Objects.requireNonNull(listener, "listener");
        CompletableFuture<EventSubscription> result = new CompletableFuture<>();
        EventSubscription subscription = () -> listeners.remove(listener);
        boolean connectNow = false;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new ClientClosedException("the user channel is closed", 0));
            }
            if (listeners.size() >= MAX_LISTENERS) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "the user channel has " + MAX_LISTENERS + " listeners already: close some subscriptions"));
            }
            listeners.add(listener);
            if (subscribed) {
                result.complete(subscription);
                return result;
            }
            waiting.add(new Waiting(listener, result));
            if (!started) {
                started = true;
                connectNow = true;
            }
        }
        scheduler.schedule(subscribeTimeout, () -> {
            boolean timedOut;
            synchronized (this) {
                timedOut = waiting.removeIf(w -> w.result() == result);
            }
            if (timedOut) {
                listeners.remove(listener);
                result.completeExceptionally(new TransportException(TransportException.Kind.TIMEOUT,
                        "the user channel " + url + " did not take the subscription within " + Durations.show(subscribeTimeout), null,
                        null, 1));
            }
        });
        if (connectNow) {
            connect();
        }
        return result.thenApply(taken -> subscription);
    }

    /** Adds {@code more} to the markets (condition ids) the channel follows, now and after every reconnection. */
    public void subscribeMarkets(Collection<String> more) {
        changeMarkets("subscribe", more);
    }

    /** Stops following {@code fewer}; with no market left, the next connection follows every market. */
    public void unsubscribeMarkets(Collection<String> fewer) {
        changeMarkets("unsubscribe", fewer);
    }

    private void changeMarkets(String operation, Collection<String> changed) {
        List<String> ids = List.copyOf(Objects.requireNonNull(changed, "markets"));
        ids.forEach(id -> {
            if (id.isBlank()) {
                throw new IllegalArgumentException("a market id is blank");
            }
        });
        synchronized (this) {
            if (operation.equals("subscribe")) {
                markets.addAll(ids);
            } else {
                ids.forEach(markets::remove);
            }
            // Under the lock: never before the subscription message of a connection just made.
            if (socket != null && !ids.isEmpty()) {
                socket.writeTextMessage(UserChannelMessages.operation(operation, ids));
            }
        }
    }

    /** The markets followed; empty for every market. */
    public synchronized Set<String> markets() {
        return Set.copyOf(markets);
    }

    /** Whether the exchange has taken the subscription on the current connection. */
    public synchronized boolean isSubscribed() {
        return subscribed;
    }

    private void connect() {
        long connection;
        synchronized (this) {
            if (closed) {
                return;
            }
            connection = ++generation;
        }
        boolean tls = url.getScheme().equalsIgnoreCase("wss");
        int port = url.getPort() != -1 ? url.getPort() : tls ? 443 : 80;
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(url.getHost()).setPort(port).setSsl(tls)
                .setURI(url.getRawPath() == null || url.getRawPath().isEmpty() ? PATH : url.getRawPath());
        client.connect(options).onComplete(connected -> {
            if (connected.succeeded()) {
                attach(connection, connected.result());
            } else {
                lost(connection, "could not connect (" + connected.cause().getMessage() + ")");
            }
        });
    }

    private void attach(long connection, WebSocket ws) {
        synchronized (this) {
            if (closed || connection != generation) {
                ws.close();
                return;
            }
            socket = ws;
            subscribed = false;
            pingOutstanding = true;
            ws.textMessageHandler(text -> received(connection, text));
            ws.closeHandler(nothing -> lost(connection, "closed by the server" + closeStatus(ws)));
            ws.exceptionHandler(e -> LOG.debug("user channel {}: {}", url, e.toString()));
            ws.writeTextMessage(UserChannelMessages.subscribe(credentials, markets));
            ws.writeTextMessage(UserChannelMessages.PING);
        }
        LOG.debug("user channel {}: connected, subscription sent", url);
        scheduler.schedule(pingInterval, () -> ping(connection));
    }

    private void received(long connection, String text) {
        if (UserChannelMessages.PONG.equals(text.strip())) {
            pong(connection);
            return;
        }
        synchronized (this) {
            if (connection != generation) {
                return;
            }
        }
        List<UserEvent> events;
        try {
            events = UserChannelMessages.events(text);
        } catch (IllegalArgumentException e) {
            LOG.warn("user channel {}: a message was not read ({}): {}", url, e.getMessage(), shown(text));
            return;
        }
        for (UserEvent event : events) {
            for (UserEventListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("user channel {}: a listener failed on an event: {}", url, e.toString());
                }
            }
        }
    }

    private void pong(long connection) {
        List<Waiting> ready;
        synchronized (this) {
            if (connection != generation) {
                return;
            }
            pingOutstanding = false;
            if (subscribed) {
                return;
            }
            subscribed = true;
            failedAttempts = 0;
            ready = List.copyOf(waiting);
            waiting.clear();
        }
        LOG.debug("user channel {}: subscribed", url);
        listeners.forEach(listener -> {
            try {
                listener.onSubscribed();
            } catch (RuntimeException e) {
                LOG.warn("user channel {}: a listener failed on subscribed: {}", url, e.toString());
            }
        });
        ready.forEach(w -> w.result().complete(() -> listeners.remove(w.listener())));
    }

    private void ping(long connection) {
        WebSocket ws;
        boolean dead;
        synchronized (this) {
            if (closed || connection != generation || socket == null) {
                return;
            }
            ws = socket;
            dead = pingOutstanding;
            pingOutstanding = true;
        }
        if (dead) {
            lost(connection, "no PONG within " + Durations.show(pingInterval));
            ws.close((short) 1000, "no PONG");
            return;
        }
        ws.writeTextMessage(UserChannelMessages.PING);
        scheduler.schedule(pingInterval, () -> ping(connection));
    }

    /** Connection {@code connection} is gone: tell the listeners, and reconnect after the backoff. */
    private void lost(long connection, String reason) {
        boolean wasSubscribed;
        Duration delay;
        synchronized (this) {
            if (closed || connection != generation) {
                return;
            }
            generation++;
            wasSubscribed = subscribed;
            socket = null;
            subscribed = false;
            failedAttempts++;
            delay = backoff(failedAttempts);
        }
        LOG.info("user channel {}: {}; reconnecting in {}", url, reason, Durations.show(delay));
        if (wasSubscribed) {
            listeners.forEach(listener -> {
                try {
                    listener.onDisconnected(reason);
                } catch (RuntimeException e) {
                    LOG.warn("user channel {}: a listener failed on disconnected: {}", url, e.toString());
                }
            });
        }
        scheduler.schedule(delay, this::connect);
    }

    /** Between half and all of {@code min(max, base * 2^(attempt-1))}, to the millisecond. */
    Duration backoff(int attempt) {
        double ceiling = Math.min(reconnectMaxDelay.toMillis(),
                reconnectBaseDelay.toMillis() * Math.pow(2, Math.min(attempt - 1, 30)));
        return Duration.ofMillis(Math.round(ceiling / 2 + random.nextDouble() * ceiling / 2));
    }

    private static String closeStatus(WebSocket ws) {
        Short code = ws.closeStatusCode();
        String reason = ws.closeReason();
        return code == null ? "" : " (" + code + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")";
    }

    /** A message quoted in a log line: cut short, and never with a credential in it. */
    private String shown(String text) {
        String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return shown.replace(credentials.secret(), "<redacted>").replace(credentials.passphrase(), "<redacted>");
    }

    /**
     * Closes the connection, and waits for it to close (up to 10 s; off an event loop), and stops
     * reconnecting; subscriptions still waiting fail. Closes the Vert.x instance when the channel
     * made its own.
     */
    @Override
    public void close() {
        WebSocket ws;
        List<Waiting> failed;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            ws = socket;
            socket = null;
            subscribed = false;
            failed = List.copyOf(waiting);
            waiting.clear();
        }
        listeners.clear();
        failed.forEach(w -> w.result().completeExceptionally(new ClientClosedException("the user channel was closed before it took the subscription", 1)));
        if (ws != null) {
            OwnedVertx.await(ws.close(), "the user channel's WebSocket");
        }
        OwnedVertx.await(client.close(), "the user channel's WebSocket client");
        if (ownsVertx) {
            OwnedVertx.closeAndWait(vertx);
        }
    }

    @Override
    public String toString() {
        return "UserChannel[" + url + ", apiKey=" + credentials.apiKey() + "]";
    }

    /** Builds a {@link UserChannel}; url and credentials are required. */
    public static final class Builder {

        private URI url;
        private ApiCredentials credentials;
        private final Set<String> markets = new LinkedHashSet<>();
        private Vertx vertx;
        private Scheduler scheduler;
        private RandomGenerator random = () -> ThreadLocalRandom.current().nextLong();
        private Duration pingInterval = DEFAULT_PING_INTERVAL;
        private Duration subscribeTimeout = DEFAULT_SUBSCRIBE_TIMEOUT;
        private Duration reconnectBaseDelay = DEFAULT_RECONNECT_BASE_DELAY;
        private Duration reconnectMaxDelay = DEFAULT_RECONNECT_MAX_DELAY;
        private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;

        private Builder() {
        }

        /** The channel's URL, {@code ws://} or {@code wss://}; no path, or {@code /ws/user}. See {@link #urlFor}. */
        public Builder url(URI url) {
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("ws") && !scheme.equals("wss")) {
                throw new IllegalArgumentException("the user channel's URL must be ws or wss, not " + url);
            }
            if (url.getHost() == null) {
                throw new IllegalArgumentException("the user channel's URL names no host: " + url);
            }
            String path = url.getRawPath();
            if (path != null && !path.isEmpty() && !path.equals("/") && !path.equals(PATH)) {
                throw new IllegalArgumentException("the user channel's URL must have no path or " + PATH + ", not " + url);
            }
            this.url = path == null || path.isEmpty() || path.equals("/") ? URI.create(scheme + "://" + url.getRawAuthority() + PATH) : url;
            return this;
        }

        public Builder url(String url) {
            Objects.requireNonNull(url, "url");
            try {
                return url(URI.create(url));
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("the user channel")) {
                    throw e;
                }
                throw new IllegalArgumentException("the user channel's URL is not a URL: " + url, e);
            }
        }

        public Builder credentials(ApiCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** The markets (condition ids) to follow from the start; none (the default) follows every market. */
        public Builder markets(Collection<String> markets) {
            Objects.requireNonNull(markets, "markets").forEach(id -> {
                if (id == null || id.isBlank()) {
                    throw new IllegalArgumentException("a market id is null or blank");
                }
            });
            this.markets.clear();
            this.markets.addAll(markets);
            return this;
        }

        /** An app already on Vert.x shares its instance; the channel then leaves it open on close. */
        public Builder vertx(Vertx vertx) {
            this.vertx = Objects.requireNonNull(vertx, "vertx");
            return this;
        }

        /** How the channel waits: pings, reconnections, timeouts (Vert.x timers by default). */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** The jitter of the reconnection backoff; a seeded source makes it repeat. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public Builder pingInterval(Duration interval) {
            this.pingInterval = Durations.requirePositive(interval, "pingInterval");
            return this;
        }

        /** The longest a subscription may take to be taken, connecting included (default 5 s). */
        public Builder subscribeTimeout(Duration timeout) {
            this.subscribeTimeout = Durations.requirePositive(timeout, "subscribeTimeout");
            return this;
        }

        /** The first reconnection's delay (before jitter), doubled each failure up to {@code max}. */
        public Builder reconnectBackoff(Duration base, Duration max) {
            Durations.requirePositive(base, "base");
            Durations.requirePositive(max, "max");
            if (max.compareTo(base) < 0) {
                throw new IllegalArgumentException("the longest reconnection delay must not be shorter than the first");
            }
            this.reconnectBaseDelay = base;
            this.reconnectMaxDelay = max;
            return this;
        }

        /** The largest message taken (default 1 MiB); a larger one drops the connection. */
        public Builder maxMessageBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxMessageBytes must be at least 1024, not " + bytes);
            }
            this.maxMessageBytes = bytes;
            return this;
        }

        public UserChannel build() {
            if (url == null) {
                throw new IllegalStateException("url is required: call .url(...) before build()");
            }
            if (credentials == null) {
                throw new IllegalStateException("credentials is required: call .credentials(...) before build()");
            }
            return new UserChannel(this);
        }
    }
}
