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
 * canceled. One chain per account: each heartbeat names the id the exchange expects, which is
 * {@code ""} for a chain not yet started and the id the last heartbeat returned after that.
 *
 * <pre>{@code
 * String next = heartbeats.beat(apiKey, "");       // starts the chain
 * next = heartbeats.beat(apiKey, next);            // continues it
 * heartbeats.beat(apiKey, "stale");                // InvalidHeartbeatException carrying next
 * }</pre>
 *
 * <p>As on the exchange (CLOB V2): a heartbeat naming any other id than the expected one is
 * refused with the expected id, so a client that lost an answer resumes the chain with it; the
 * refusal does not keep the switch armed. The legacy heartbeat ({@link #beatWithoutId}) keeps the
 * switch armed and resets the expected id to {@code ""}. After a lapse the switch is disarmed and
 * the expected id is {@code ""} again.
 */
public final class HeartbeatSwitch {

    /** The exchange's window: 10 seconds. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);
    /** The id that starts a chain; V1 clients send null, which means the same. */
    public static final String START = "";

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
     * A heartbeat of {@code apiKey} naming {@code heartbeatId} (null reads as {@code ""}). Returns
     * the id the next heartbeat must name.
     *
     * @throws InvalidHeartbeatException when the id is not the one expected; it carries that one
     */
    public synchronized String beat(String apiKey, String heartbeatId) {
        String named = heartbeatId == null ? START : heartbeatId;
        String expected = expectedId(apiKey);
        if (!named.equals(expected)) {
            throw new InvalidHeartbeatException(expected);
        }
        byte[] id = new byte[16];
        random.nextBytes(id);
        return arm(apiKey, HexFormat.of().formatHex(id)).heartbeatId();
    }

    /** The legacy heartbeat ({@code POST /heartbeats}): arms the switch, or keeps it armed, expecting {@code ""} next. */
    public synchronized void beatWithoutId(String apiKey) {
        arm(apiKey, START);
    }

    /** The id the account's next heartbeat must name: {@code ""} when no chain is armed. */
    public synchronized String expectedId(String apiKey) {
        Chain chain = chains.get(apiKey);
        return chain == null ? START : chain.heartbeatId();
    }

    private Chain arm(String apiKey, String next) {
        Instant now = clock.instant();
        Chain chain = new Chain(apiKey, next, now, now.plus(window));
        chains.put(apiKey, chain);
        return chain;
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
