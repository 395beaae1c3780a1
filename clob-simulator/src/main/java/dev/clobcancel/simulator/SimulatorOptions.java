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
 * clock it tells time by, how strict it is with timestamps, and what it holds at start.
 *
 * <pre>{@code
 * ClobSimulator sim = ClobSimulator.start(SimulatorOptions.defaults().withPort(8080).withSeed(42));
 * }</pre>
 *
 * @param host            the address to listen on, loopback by default
 * @param port            the port, 0 for any free one
 * @param seed            the seed of the one random source: generated order ids, fault probabilities
 * @param clock           the simulator's clock: {@code GET /time}, timestamps' window, modes, rate limits
 * @param authWindow      how far a request's {@code POLY_TIMESTAMP} may be from the clock (zero: any time after 2001)
 * @param journalCapacity how many requests the journal keeps before dropping the oldest
 * @param scenario        what the simulator holds at start and after every reset
 * @param tls             serve HTTPS with a self-signed certificate made at start
 * @param heartbeatWindow how long after a heartbeat the next must come before the account's orders are canceled
 * @param idleTimeout     how long a connection may stay silent before the simulator closes it
 * @param chainId         the chain the simulator is, 137 (Polygon, the default) or 80002 (Amoy): L1 headers
 *                        and orders must be signed for it
 */
public record SimulatorOptions(String host, int port, long seed, Clock clock, Duration authWindow,
                               int journalCapacity, Scenario scenario, boolean tls, Duration heartbeatWindow,
                               Duration idleTimeout, long chainId) {

    public static final String LOOPBACK = "127.0.0.1";
    /** Wide enough for an honest clock, narrow enough that a replayed or badly dated request is refused. */
    public static final Duration DEFAULT_AUTH_WINDOW = Duration.ofSeconds(60);
    /** Longer than any client keeps a pooled connection idle on purpose; a stalled one is let go. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    public SimulatorOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(authWindow, "authWindow");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(heartbeatWindow, "heartbeatWindow");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
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
        return new SimulatorOptions(LOOPBACK, 0, 1, Clock.systemUTC(), DEFAULT_AUTH_WINDOW, Journal.DEFAULT_CAPACITY,
                Scenario.EMPTY, false, HeartbeatSwitch.DEFAULT_WINDOW, DEFAULT_IDLE_TIMEOUT, ExchangeDomain.POLYGON);
    }

    public SimulatorOptions withHost(String host) {
        return new SimulatorOptions(host, port, seed, clock, authWindow, journalCapacity, scenario, tls, heartbeatWindow, idleTimeout, chainId);
    }

    public SimulatorOptions withPort(int port) {
        return new SimulatorOptions(host, port, seed, clock, authWindow, journalCapacity, scenario, tls, heartbeatWindow, idleTimeout, chainId);
    }

    public SimulatorOptions withSeed(long seed) {
        return new SimulatorOptions(host, port, seed, clock, authWindow, journalCapacity, scenario, tls, heartbeatWindow, idleTimeout, chainId);
    }

    public SimulatorOptions withClock(Clock clock) {
        return new SimulatorOptions(host, port, seed, clock, authWindow, journalCapacity, scenario, tls, heartbeatWindow, idleTimeout, chainId);
    }

    public SimulatorOptions withAuthWindow(Duration authWindow) {
        return new SimulatorOptions(host, port, seed, clock, authWindow, journalCapacity, scenario, tls, heartbeatWindow, idleTimeout, chainId);
    }

    public SimulatorOptions withJournalCapacity(int journalCapacity) {
        return new SimulatorOptions(host, port, seed, clock, authWindow, journalCapacity, scenario, tls, heartbeatWindow, idleTimeout, chainId);
    }

    public SimulatorOptions withScenario(Scenario scenario) {
        return new SimulatorOptions(host, port, seed, clock, authWindow, journalCapacity, scenario, tls, heartbeatWindow, idleTimeout, chainId);
    }

    public SimulatorOptions withHeartbeatWindow(Duration heartbeatWindow) {
        return new SimulatorOptions(host, port, seed, clock, authWindow, journalCapacity, scenario, tls, heartbeatWindow, idleTimeout, chainId);
    }

    public SimulatorOptions withIdleTimeout(Duration idleTimeout) {
        return new SimulatorOptions(host, port, seed, clock, authWindow, journalCapacity, scenario, tls, heartbeatWindow, idleTimeout, chainId);
    }

    public SimulatorOptions withTls(boolean tls) {
        return new SimulatorOptions(host, port, seed, clock, authWindow, journalCapacity, scenario, tls, heartbeatWindow, idleTimeout, chainId);
    }

    /** Chain 137 (Polygon) or 80002 (Amoy). */
    public SimulatorOptions withChainId(long chainId) {
        return new SimulatorOptions(host, port, seed, clock, authWindow, journalCapacity, scenario, tls, heartbeatWindow, idleTimeout, chainId);
    }
}
