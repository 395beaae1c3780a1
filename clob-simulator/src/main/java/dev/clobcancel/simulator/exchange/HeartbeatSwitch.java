package dev.clobcancel.simulator.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The exchange's dead man's switch: an account's first heartbeat arms it, each heartbeat after
 * that must come within the window, and when one does not, all the account's orders are to be
 * canceled. One chain per account: each heartbeat names the id the last one returned.
 *
 * <p>Where the exchange's documentation is silent, the simulator decides (and documents): a
 * heartbeat without an id starts a new chain, replacing any other of the account's; an id that
 * is not the chain's latest is refused and does not keep the switch armed; after a lapse the
 * chain is gone and the next heartbeat must start a new one.
 */
public final class HeartbeatSwitch {

    /** The exchange's window: 10 seconds. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);
    public static final String INVALID_ID = "Invalid heartbeat id";

    /** An armed switch: the id the next heartbeat must name, and when it lapses without one. */
    public record Chain(String apiKey, String heartbeatId, Instant lastBeat, Instant deadline) {
    }

    private final Clock clock;
    private final Random random;
    private final Duration window;
    private final Map<String, Chain> chains = new LinkedHashMap<>();

    public HeartbeatSwitch(Clock clock, Random random, Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("heartbeat window must be positive, not " + window);
        }
        this.clock = clock;
        this.random = random;
        this.window = window;
    }

    /**
     * A heartbeat of {@code apiKey} naming {@code previousId} (null: start a chain). Returns the
     * id the next heartbeat must name.
     */
    public synchronized String beat(String apiKey, String previousId) {
        Chain chain = chains.get(apiKey);
        if (previousId != null && (chain == null || !chain.heartbeatId().equals(previousId))) {
            throw RejectedException.badRequest(INVALID_ID);
        }
        Instant now = clock.instant();
        byte[] id = new byte[16];
        random.nextBytes(id);
        String next = HexFormat.of().formatHex(id);
        chains.put(apiKey, new Chain(apiKey, next, now, now.plus(window)));
        return next;
    }

    /** The accounts whose switch lapsed by now, disarmed: their orders are to be canceled. */
    public synchronized List<String> lapsed() {
        Instant now = clock.instant();
        List<String> lapsed = new ArrayList<>();
        chains.values().removeIf(chain -> {
            if (now.isAfter(chain.deadline())) {
                lapsed.add(chain.apiKey());
                return true;
            }
            return false;
        });
        return lapsed;
    }

    public synchronized List<Chain> chains() {
        return List.copyOf(chains.values());
    }

    public Duration window() {
        return window;
    }

    public synchronized void reset() {
        chains.clear();
    }
}
