package dev.clobcancel.simulator;

import java.time.Clock;
import java.util.Objects;

/**
 * How to start a simulator: where it listens, the seed of everything it draws at random, and the
 * clock it tells time by.
 *
 * <pre>{@code
 * ClobSimulator sim = ClobSimulator.start(SimulatorOptions.defaults().withPort(8080).withSeed(42));
 * }</pre>
 *
 * @param host the address to listen on, loopback by default
 * @param port the port, 0 for any free one
 * @param seed the seed of generated order ids
 * @param clock the simulator's clock ({@code GET /time})
 */
public record SimulatorOptions(String host, int port, long seed, Clock clock) {

    public static final String LOOPBACK = "127.0.0.1";

    public SimulatorOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
        }
    }

    /** Loopback, a free port, seed 1, the system clock. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions(LOOPBACK, 0, 1, Clock.systemUTC());
    }

    public SimulatorOptions withHost(String host) {
        return new SimulatorOptions(host, port, seed, clock);
    }

    public SimulatorOptions withPort(int port) {
        return new SimulatorOptions(host, port, seed, clock);
    }

    public SimulatorOptions withSeed(long seed) {
        return new SimulatorOptions(host, port, seed, clock);
    }

    public SimulatorOptions withClock(Clock clock) {
        return new SimulatorOptions(host, port, seed, clock);
    }
}
