package dev.clobcancel.simulator;

import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.NewOrder;
import dev.clobcancel.simulator.exchange.OrderView;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.simulator.exchange.SimAccount;
import dev.clobcancel.simulator.faults.Faults;
import dev.clobcancel.simulator.http.SimulatorRouter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Random;
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
 *     String id = sim.placeOrder(credentials.apiKey(), "0xmarket...", "123", Side.BUY, "0.5", "10");
 *     // point the client at sim.baseUri() ...
 * }
 * }</pre>
 */
public final class ClobSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClobSimulator.class);
    private static final long START_TIMEOUT_SECONDS = 30;

    private final Vertx vertx;
    private final HttpServer server;
    private final State state;
    private final URI baseUri;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Everything a reset puts back: the exchange, the faults, and the one seeded random source. */
    private record State(Exchange exchange, Faults faults, Random random, long seed) {
        State(long seed) {
            this(seed, new Random(seed));
        }

        private State(long seed, Random random) {
            this(new Exchange(random), new Faults(random), random, seed);
        }

        synchronized void reset() {
            exchange.reset();
            faults.clear();
            random.setSeed(seed);
        }
    }

    private ClobSimulator(Vertx vertx, HttpServer server, State state, String host) {
        this.vertx = vertx;
        this.server = server;
        this.state = state;
        this.baseUri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.actualPort());
    }

    /** Starts on a free loopback port with the default options. */
    public static ClobSimulator start() {
        return start(SimulatorOptions.defaults());
    }

    /** Starts and returns once it answers requests. */
    public static ClobSimulator start(SimulatorOptions options) {
        Vertx vertx = Vertx.vertx();
        State state = new State(options.seed());
        try {
            HttpServer server = await(vertx.createHttpServer(new HttpServerOptions().setHost(options.host()).setPort(options.port()))
                    .requestHandler(SimulatorRouter.create(vertx, state.exchange(), state.faults(), options.clock(), state::reset))
                    .listen());
            ClobSimulator simulator = new ClobSimulator(vertx, server, state, options.host());
            LOG.info("CLOB simulator listening on {}", simulator.baseUri);
            return simulator;
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    /** Where it listens, such as {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return server.actualPort();
    }

    /** The exchange's state, to drive and inspect directly. */
    public Exchange exchange() {
        return state.exchange();
    }

    /** The scripted faults, to add and remove rules directly. */
    public Faults faults() {
        return state.faults();
    }

    public SimAccount addAccount(ApiCredentials credentials, Address address) {
        SimAccount account = SimAccount.of(credentials, address);
        state.exchange().addAccount(account);
        return account;
    }

    /** Places one live order and returns its generated id. */
    public String placeOrder(String owner, String market, String assetId, Side side,
                             String price, String size) {
        return state.exchange().place(List.of(new NewOrder(null, owner, market, assetId, side, new BigDecimal(price), new BigDecimal(size))))
                .get(0);
    }

    public Optional<OrderView> order(String id) {
        return state.exchange().order(id);
    }

    /** Back to the state it started in: no accounts, orders or faults, the seed's first draw next. */
    public void reset() {
        state.reset();
    }

    /** Stops serving and frees the port; a second call does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            await(vertx.close());
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
