package dev.clobcancel.simulator.faults;

import java.time.Duration;

/**
 * A scripted fault of the WebSocket channels: which connections it matches (channel {@code user}
 * or {@code market}, the user channel's API key; null matches any), what it does, how many
 * times (null: until removed) and with what probability (null: always).
 *
 * <pre>{@code
 * sim.channelFaults().add(ChannelFaultRule.of(ChannelFaultAction.LOSE).onChannel("user").times(3)); // lose the next 3 events
 * sim.channelFaults().add(ChannelFaultRule.delay(Duration.ofMillis(200)));                                            // every event 200 ms late
 * }</pre>
 */
public record ChannelFaultRule(String channel, String apiKey, ChannelFaultAction action, Integer times, long delayMs,
                               Double probability) {

    public static final String USER = "user";
    public static final String MARKET = "market";

    public ChannelFaultRule {
        if (action == null) {
            throw new IllegalArgumentException("action is required: drop, delay, lose or no-pong");
        }
        if (channel != null && !channel.equals(USER) && !channel.equals(MARKET)) {
            throw new IllegalArgumentException("channel must be user or market, not " + channel);
        }
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times must be at least 1, not " + times);
        }
        if (delayMs < 0 || delayMs > 600_000) {
            throw new IllegalArgumentException("delayMs must be 0 to 600000, not " + delayMs);
        }
        if (action == ChannelFaultAction.DELAY && delayMs == 0) {
            throw new IllegalArgumentException("a delay rule needs delayMs above 0");
        }
        if (action != ChannelFaultAction.DELAY && delayMs != 0) {
            throw new IllegalArgumentException("delayMs goes with action delay, not " + action.jsonName());
        }
        if (probability != null && !(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be 0 to 1, not " + probability);
        }
    }

    /** Does {@code action} (drop, lose, no-pong; a delay takes {@link #delay}) to every matching event (or {@code PING}). */
    public static ChannelFaultRule of(ChannelFaultAction action) {
        return new ChannelFaultRule(null, null, action, null, 0, null);
    }

    /** Sends every matching event {@code delay} late (whole milliseconds), the connection's later events waiting behind it. */
    public static ChannelFaultRule delay(Duration delay) {
        return new ChannelFaultRule(null, null, ChannelFaultAction.DELAY, null, delay.toMillis(), null);
    }

    public ChannelFaultRule onChannel(String channel) {
        return new ChannelFaultRule(channel, apiKey, action, times, delayMs, probability);
    }

    public ChannelFaultRule forApiKey(String apiKey) {
        return new ChannelFaultRule(channel, apiKey, action, times, delayMs, probability);
    }

    public ChannelFaultRule times(int times) {
        return new ChannelFaultRule(channel, apiKey, action, times, delayMs, probability);
    }

    public ChannelFaultRule withProbability(double probability) {
        return new ChannelFaultRule(channel, apiKey, action, times, delayMs, probability);
    }

    boolean matches(String connectionChannel, String connectionApiKey, boolean ping) {
        return action.onPing() == ping && (channel == null || channel.equals(connectionChannel))
                && (apiKey == null || apiKey.equals(connectionApiKey));
    }
}
