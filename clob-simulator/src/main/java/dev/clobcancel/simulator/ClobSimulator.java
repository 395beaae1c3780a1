package dev.clobcancel.simulator;

import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.ExchangeMode;
import dev.clobcancel.simulator.exchange.MarketSpec;
import dev.clobcancel.simulator.exchange.OrderRequest;
import dev.clobcancel.simulator.exchange.OrderView;
import dev.clobcancel.simulator.exchange.Placement;
import dev.clobcancel.simulator.exchange.SimAccount;
import dev.clobcancel.simulator.exchange.Trade;
import dev.clobcancel.simulator.exchange.TradeFilter;
import dev.clobcancel.simulator.http.SimulatorHttp;
import dev.clobcancel.simulator.journal.SimEvent;
import dev.clobcancel.simulator.ratelimit.SignerLimiter;
import dev.clobcancel.simulator.ratelimit.Tier;
import dev.clobcancel.simulator.wallet.TestWallet;
import dev.clobcancel.simulator.wallet.WalletAccount;
import dev.clobcancel.simulator.ws.Channels;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake Polymarket CLOB in the process: real HTTP on a loopback port, state in memory.
 *
 * <pre>{@code
 * try (ClobSimulator sim = ClobSimulator.start()) {
 *     sim.addAccount(credentials, address);
 *     OrderId id = sim.place(order().owner(credentials.apiKey()).market("0xmarket...").asset("123").buy().price("0.5").size("10"));
 *     sim.setMode(ExchangeMode.CANCEL_ONLY);
 *     // point the client at sim.baseUri() ...
 * }
 * }</pre>
 *
 * Everything the admin API does over HTTP, this class does typed: accounts, orders, modes,
 * faults, the journal, rate limits, reset. It hands out narrow views ({@link #orders()},
 * {@link #faults()}, {@link #journal()}, ...) and snapshots, never its live stores.
 */
public final class ClobSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClobSimulator.class);
    private static final long START_TIMEOUT_SECONDS = 30;
    private static final long HEARTBEAT_CHECK_MS = 100;
    /**
     * Event loops that serve requests: half the cores, as the clients under test share the machine
     * (on 2 cores, one loop served as many cancels as two, with a core left to the client).
     */
    private static final int EVENT_LOOPS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

    private final Vertx vertx;
    private final HttpServer server;
    private final SimulatorState state;
    private final URI baseUri;
    private final SelfSignedCertificate certificate;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ConnectionCount connections;
    private final long seed;
    private final OrdersView orders;
    private final MarketsView markets;
    private final FaultsView faults;
    private final ChannelFaultsView channelFaults;
    private final ChannelsView channels;
    private final JournalView journal;

    private ClobSimulator(Vertx vertx, HttpServer server, SimulatorState state, String host, SelfSignedCertificate certificate,
                          ConnectionCount connections, long seed) {
        this.seed = seed;
        this.vertx = vertx;
        this.connections = connections;
        this.server = server;
        this.state = state;
        this.certificate = certificate;
        this.orders = new OrdersView(state.exchange());
        this.markets = new MarketsView(state.exchange());
        this.faults = new FaultsView(state.faults());
        this.channelFaults = new ChannelFaultsView(state.channelFaults());
        this.channels = new ChannelsView(state.channels());
        this.journal = new JournalView(state.journal());
        String scheme = certificate == null ? "http" : "https";
        this.baseUri = URI.create(scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.actualPort());
    }

    /** Starts on a free loopback port with the default options. */
    public static ClobSimulator start() {
        return start(SimulatorOptions.defaults());
    }

    /** Starts and returns once it answers requests. */
    public static ClobSimulator start(SimulatorOptions options) {
        SimulatorState state = new SimulatorState(options.seed(), options.clock(), options.authWindow(),
                options.journalCapacity(), options.scenario(), options.heartbeatWindow());
        state.useChain(options.chainId());
        Vertx vertx = Vertx.vertx();
        SelfSignedCertificate certificate = null;
        ConnectionCount connections = new ConnectionCount();
        try {
            HttpServerOptions serverOptions = new HttpServerOptions().setHost(options.host())
                    .setIdleTimeout((int) options.idleTimeout().toSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS);
            if (options.tls()) {
                certificate = SelfSignedCertificate.create(options.host());
                serverOptions.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                        .addCertValue(Buffer.buffer(certificate.certificatePem()))
                        .addKeyValue(Buffer.buffer(certificate.privateKeyPem())));
            }
            // One server per event loop, each deployed on its own, all on one port (a negative
            // port is Vert.x's way to have them share one free port): Vert.x hands each new
            // connection to the next server, so a load of many connections is served on every core.
            serverOptions.setPort(options.port() == 0 ? -1 : options.port());
            Queue<HttpServer> servers = new ConcurrentLinkedQueue<>();
            await(vertx.deployVerticle(() -> context -> server(vertx, serverOptions, state, connections).listen()
                    .onSuccess(servers::add), new DeploymentOptions().setInstances(EVENT_LOOPS)));
            HttpServer server = servers.peek();
            // Lapsed heartbeats cancel within this long even when no request comes to check.
            vertx.setPeriodic(HEARTBEAT_CHECK_MS, id -> state.expireHeartbeats());
            ClobSimulator simulator = new ClobSimulator(vertx, server, state, options.host(), certificate, connections, options.seed());
            LOG.info("CLOB simulator listening on {}", simulator.baseUri);
            return simulator;
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    /** A server of the simulator's routes; its requests are handled on the event loop it is given at listen. */
    private static HttpServer server(Vertx vertx, HttpServerOptions options, SimulatorState state, ConnectionCount connections) {
        return vertx.createHttpServer(options)
                .connectionHandler(connections::opened)
                .webSocketHandshakeHandler(state.channels()::handshake)
                .webSocketHandler(state.channels()::connected)
                .requestHandler(SimulatorHttp.requestHandler(vertx, state))
                .invalidRequestHandler(SimulatorHttp.invalidRequestHandler());
    }

    /** Where it listens, such as {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return server.actualPort();
    }

    /** The clock the simulator tells time by: a {@link dev.clobcancel.simulator.time.ManualClock} moves only when a test says. */
    public Clock clock() {
        return state.clock();
    }

    /** With {@code --tls}: the PEM file of the self-signed certificate, for clients to trust. */
    public Optional<Path> certificatePath() {
        return Optional.ofNullable(certificate).map(SelfSignedCertificate::certificateFile);
    }

    /** The orders, by {@link OrderId}: place, look up, fill from outside, cancel. */
    public OrdersView orders() {
        return orders;
    }

    /** The markets listed: add one, read its settings. */
    public MarketsView markets() {
        return markets;
    }

    /** The scripted faults of the HTTP endpoints: add, list, remove rules. */
    public FaultsView faults() {
        return faults;
    }

    /** The fault rules of the WebSocket channels: drop, delay, lose events, stop answering PING. */
    public ChannelFaultsView channelFaults() {
        return channelFaults;
    }

    /** The WebSocket channels: their connections and subscriptions, the buffer limit of new ones. */
    public ChannelsView channels() {
        return channels;
    }

    /** The user channel's address, such as {@code ws://127.0.0.1:41234/ws/user}. */
    public URI userChannelUri() {
        return channelUri(Channels.USER_PATH);
    }

    /** The market channel's address, such as {@code ws://127.0.0.1:41234/ws/market}. */
    public URI marketChannelUri() {
        return channelUri(Channels.MARKET_PATH);
    }

    private URI channelUri(String path) {
        String scheme = certificate == null ? "ws" : "wss";
        return URI.create(scheme + "://" + baseUri.getRawAuthority() + path);
    }

    /** The requests the exchange endpoints received, read-only; what the simulator did by itself is in {@link #events()}. */
    public JournalView journal() {
        return journal;
    }

    /** Empties the journal, as {@code DELETE /_sim/requests} does. */
    public void clearJournal() {
        state.journal().clear();
    }

    /**
     * What the simulator did by itself, oldest first, as {@code GET /_sim/events} lists it: heartbeat
     * lapses and the orders they canceled. None of it is a request.
     */
    public List<SimEvent> events() {
        return state.events().events();
    }

    public SimAccount addAccount(ApiCredentials credentials, Address address) {
        SimAccount account = SimAccount.of(credentials, address);
        state.exchange().addAccount(account);
        return account;
    }

    /**
     * The {@code index}-th wallet of the simulator's seed as an account: its API key derived
     * through L1 ({@code GET /auth/derive-api-key}), the same run after run.
     */
    public WalletAccount walletAccount(int index) {
        return WalletAccount.derive(baseUri, state.chain().chainId(), TestWallet.fromSeed(seed, index));
    }

    /** The account with this API key, if the simulator has it. */
    public Optional<SimAccount> account(String apiKey) {
        return state.exchange().account(apiKey);
    }

    /**
     * Places one order as the admin API seeds them and returns its id: live at once, or held
     * back first when the spec is {@link OrderSpec#delayed delayed}. Short for {@code orders().place(spec)}.
     *
     * <pre>{@code
     * OrderId id = sim.place(order().owner(apiKey).market(conditionId).asset(tokenId).buy().price("0.45").size("10"));
     * }</pre>
     */
    public OrderId place(OrderSpec spec) {
        return orders.place(spec);
    }

    /** The order as it stands now, if the simulator has it. Short for {@code orders().get(id)}. */
    public Optional<OrderView> order(OrderId id) {
        return orders.get(id);
    }

    /**
     * Lists a market with its settings, or changes the settings of one listed already.
     *
     * <pre>{@code
     * sim.addMarket(MarketSpec.of(conditionId, yesToken, noToken).withTickSize(new BigDecimal("0.001"))
     *         .withTakerDelay(Duration.ofMillis(250)));
     * }</pre>
     */
    public MarketSpec addMarket(MarketSpec market) {
        return markets.add(market);
    }

    /**
     * Takes an order as {@code POST /order} does after its signature checks: matched, rested or
     * refused with the exchange's words ({@link dev.clobcancel.simulator.exchange.OrderRefusedException}).
     */
    public Placement submit(OrderRequest order) {
        return orders.submit(order);
    }

    /**
     * Sets what an account holds of {@code "pUSD"} or of a token; null makes it unlimited again,
     * as every asset is until set. An order beyond the free balance is refused with
     * {@code not enough balance / allowance}.
     */
    public void setBalance(String apiKey, String asset, BigDecimal amount) {
        state.exchange().setBalance(apiKey, asset, amount);
    }

    /** The account's set balances, by asset, with what its live orders hold of each. */
    public Map<String, Exchange.Balance> balances(String apiKey) {
        return state.exchange().balances(apiKey);
    }

    /** Every trade, oldest first. */
    public List<Trade> trades() {
        return state.exchange().trades();
    }

    /** The account's trades, as taker or maker, oldest first, as {@code GET /data/trades} lists them. */
    public List<Trade> trades(String apiKey) {
        return state.exchange().trades(apiKey, TradeFilter.ALL);
    }

    /** Client connections open now: a test that closes its client can see that nothing leaked. */
    public int openConnections() {
        return connections.open();
    }

    /** Completes when no client connection is open, and at once if none is. */
    public java.util.concurrent.CompletionStage<Void> whenNoConnectionsOpen() {
        return connections.whenNoneOpen();
    }

    /** Switches the exchange's mode until changed. */
    public void setMode(ExchangeMode mode) {
        state.modes().set(mode, null);
    }

    /** Switches the exchange's mode for {@code duration} (by the simulator's clock); a restart is then followed by post-only. */
    public void setMode(ExchangeMode mode, Duration duration) {
        state.modes().set(mode, duration);
    }

    /**
     * The weekly restart: order endpoints answer 425 for {@code duration} (by the simulator's
     * clock), then post-only for 2 minutes, as on the exchange, then normal.
     */
    public void restartFor(Duration duration) {
        state.modes().set(ExchangeMode.RESTARTING, duration);
    }

    /** A restart of {@code duration} followed by post-only for {@code postOnly} (zero: none), then normal. */
    public void restartFor(Duration duration, Duration postOnly) {
        state.modes().set(ExchangeMode.RESTARTING, duration, postOnly, null);
    }

    public ExchangeMode mode() {
        return state.modes().mode();
    }

    /**
     * Enforces both layers of the exchange's rate limits (the per-endpoint windows and the
     * per-signer buckets, as documented), or stops enforcing them.
     */
    public void enforceRateLimits(boolean enforce) {
        state.enforceRateLimits(enforce ? SignerLimiter.Settings.ENFORCED : SignerLimiter.Settings.OFF);
    }

    /**
     * The rate limits with every setting: warning mode, how far a cancel bucket may go negative,
     * when an open-ended cancel is charged.
     *
     * <pre>{@code
     * sim.setRateLimits(new SignerLimiter.Settings(Mode.WARN, NegativeBalance.DOCUMENTED, OpenEndedCost.AFTER));
     * }</pre>
     */
    public void setRateLimits(SignerLimiter.Settings settings) {
        state.enforceRateLimits(settings);
    }

    /** An account in {@code tier}, which sets the rate and burst of its signer's order and cancel buckets. */
    public SimAccount addAccount(ApiCredentials credentials, Address address, Tier tier) {
        SimAccount account = addAccount(credentials, address);
        state.signerLimiter().setTier(address.value(), tier);
        return account;
    }

    /** Puts the signer of the account {@code apiKey} in {@code tier}. */
    public void setTier(String apiKey, Tier tier) {
        SimAccount account = state.exchange().account(apiKey)
                .orElseThrow(() -> new IllegalArgumentException("no account with apiKey " + apiKey));
        state.signerLimiter().setTier(account.address().value(), tier);
    }

    /** Seeds the random source afresh (generated ids, fault probabilities). */
    public void reseed(long seed) {
        state.reseed(seed);
    }

    /** Back to the state it started in: the start-up scenario and seed, no journal, no events. */
    public void reset() {
        state.reset();
    }

    /** Stops serving and frees the port; a second call does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            state.close();
            await(vertx.close());
            if (certificate != null) {
                certificate.delete();
            }
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("simulator: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("simulator did not start or stop within " + START_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
