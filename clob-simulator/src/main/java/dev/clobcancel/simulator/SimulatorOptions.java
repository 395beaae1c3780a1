package dev.clobcancel.simulator;

import dev.clobcancel.simulator.core.Scenario;
import dev.clobcancel.simulator.eip712.ExchangeDomain;
import dev.clobcancel.simulator.exchange.HeartbeatSwitch;
import dev.clobcancel.simulator.journal.Journal;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a simulator: where it listens, the seed of everything it draws at random, the
 * clock it tells time by, how strict it is with timestamps, and what it holds at start. Built
 * by {@link #builder()}; every time is a {@link Duration}; a bad setting fails {@code build()}
 * with a message that names it.
 *
 * <pre>{@code
 * ClobSimulator sim = ClobSimulator.start(SimulatorOptions.builder().port(8080).seed(42)
 *         .clock(ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"))).authWindow(Duration.ofSeconds(30)).build());
 * }</pre>
 */
public final class SimulatorOptions {

    public static final String LOOPBACK = "127.0.0.1";
    /** Wide enough for an honest clock, narrow enough that a replayed or badly dated request is refused. */
    public static final Duration DEFAULT_AUTH_WINDOW = Duration.ofSeconds(60);
    /** Longer than any client keeps a pooled connection idle on purpose; a stalled one is let go. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    private final String host;
    private final int port;
    private final long seed;
    private final Clock clock;
    private final Duration authWindow;
    private final int journalCapacity;
    private final Scenario scenario;
    private final boolean tls;
    private final Duration heartbeatWindow;
    private final Duration idleTimeout;
    private final long chainId;

    private SimulatorOptions(Builder builder) {
        this.host = Objects.requireNonNull(builder.host, "host must not be null");
        this.port = builder.port;
        this.seed = builder.seed;
        this.clock = Objects.requireNonNull(builder.clock, "clock must not be null");
        this.authWindow = Objects.requireNonNull(builder.authWindow, "authWindow must not be null");
        this.journalCapacity = builder.journalCapacity;
        this.scenario = Objects.requireNonNull(builder.scenario, "scenario must not be null");
        this.tls = builder.tls;
        this.heartbeatWindow = Objects.requireNonNull(builder.heartbeatWindow, "heartbeatWindow must not be null");
        this.idleTimeout = Objects.requireNonNull(builder.idleTimeout, "idleTimeout must not be null");
        this.chainId = builder.chainId;
        if (idleTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("idleTimeout must be at least a second, not " + idleTimeout);
        }
        if (heartbeatWindow.isNegative() || heartbeatWindow.isZero()) {
            throw new IllegalArgumentException("heartbeatWindow must be positive, not " + heartbeatWindow);
        }
        if (!ExchangeDomain.CHAINS.contains(chainId)) {
            throw new IllegalArgumentException("chainId must be 137 (Polygon) or 80002 (Amoy), not " + chainId);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
        }
        if (authWindow.isNegative()) {
            throw new IllegalArgumentException("authWindow must not be negative, not " + authWindow);
        }
        if (journalCapacity < 1) {
            throw new IllegalArgumentException("journalCapacity must be at least 1, not " + journalCapacity);
        }
    }

    /** Loopback, a free port, seed 1, the system clock, a 60-second timestamp window, nothing held, plain HTTP, 10-second heartbeats. */
    public static SimulatorOptions defaults() {
        return builder().build();
    }

    /** A builder that starts from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these options, to change a few. */
    public Builder toBuilder() {
        return new Builder().host(host).port(port).seed(seed).clock(clock).authWindow(authWindow)
                .journalCapacity(journalCapacity).scenario(scenario).tls(tls).heartbeatWindow(heartbeatWindow)
                .idleTimeout(idleTimeout).chainId(chainId);
    }

    /** The address to listen on, loopback by default. */
    public String host() {
        return host;
    }

    /** The port, 0 for any free one. */
    public int port() {
        return port;
    }

    /** The seed of the one random source: generated order ids, fault probabilities. */
    public long seed() {
        return seed;
    }

    /** The simulator's clock: {@code GET /time}, timestamps' window, modes, rate limits. */
    public Clock clock() {
        return clock;
    }

    /** How far a request's {@code POLY_TIMESTAMP} may be from the clock (zero: any time after 2001). */
    public Duration authWindow() {
        return authWindow;
    }

    /** How many requests the journal keeps before dropping the oldest. */
    public int journalCapacity() {
        return journalCapacity;
    }

    /** What the simulator holds at start and after every reset. */
    public Scenario scenario() {
        return scenario;
    }

    /** Whether it serves HTTPS with a self-signed certificate made at start. */
    public boolean tls() {
        return tls;
    }

    /** How long after a heartbeat the next must come before the account's orders are canceled. */
    public Duration heartbeatWindow() {
        return heartbeatWindow;
    }

    /** How long a connection may stay silent before the simulator closes it. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** The chain the simulator is, 137 (Polygon) or 80002 (Amoy): L1 headers and orders must be signed for it. */
    public long chainId() {
        return chainId;
    }

    @Override
    public String toString() {
        return "SimulatorOptions[host=" + host + ", port=" + port + ", seed=" + seed + ", clock=" + clock
                + ", authWindow=" + authWindow + ", journalCapacity=" + journalCapacity + ", tls=" + tls
                + ", heartbeatWindow=" + heartbeatWindow + ", idleTimeout=" + idleTimeout + ", chainId=" + chainId + "]";
    }

    /** Collects the settings; {@link #build()} checks them all and names the first bad one. */
    public static final class Builder {

        private String host = LOOPBACK;
        private int port;
        private long seed = 1;
        private Clock clock = Clock.systemUTC();
        private Duration authWindow = DEFAULT_AUTH_WINDOW;
        private int journalCapacity = Journal.DEFAULT_CAPACITY;
        private Scenario scenario = Scenario.EMPTY;
        private boolean tls;
        private Duration heartbeatWindow = HeartbeatSwitch.DEFAULT_WINDOW;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private long chainId = ExchangeDomain.POLYGON;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** 0 (the default) for any free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** A {@link dev.clobcancel.simulator.time.ManualClock} makes time move only when a test says. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder authWindow(Duration authWindow) {
            this.authWindow = authWindow;
            return this;
        }

        public Builder journalCapacity(int journalCapacity) {
            this.journalCapacity = journalCapacity;
            return this;
        }

        public Builder scenario(Scenario scenario) {
            this.scenario = scenario;
            return this;
        }

        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        public Builder heartbeatWindow(Duration heartbeatWindow) {
            this.heartbeatWindow = heartbeatWindow;
            return this;
        }

        /** Whole seconds, at least one. */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /** Chain 137 (Polygon) or 80002 (Amoy). */
        public Builder chainId(long chainId) {
            this.chainId = chainId;
            return this;
        }

        /** The options, once every setting is checked. */
        public SimulatorOptions build() {
            return new SimulatorOptions(this);
        }
    }
}
