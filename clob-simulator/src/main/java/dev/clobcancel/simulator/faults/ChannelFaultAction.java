package dev.clobcancel.simulator.faults;

import java.util.Locale;

/** What a fault rule of the WebSocket channels does to the event (or {@code PING}) it matches. */
public enum ChannelFaultAction {
    /** Closes the connection without a close frame instead of sending the event: the client sees it drop. */
    DROP,
    /** Sends the event {@code delayMs} later; the connection's later events wait behind it, in order. */
    DELAY,
    /** Never sends the event; the connection stays open, as if the exchange had missed it. */
    LOSE,
    /** Answers no {@code PONG} to the {@code PING} it matches. */
    NO_PONG;

    /** The name used in JSON: {@code drop}, {@code delay}, {@code lose}, {@code no-pong}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ChannelFaultAction fromJson(String name) {
        for (ChannelFaultAction action : values()) {
            if (action.jsonName().equals(name)) {
                return action;
            }
        }
        throw new IllegalArgumentException("action must be drop, delay, lose or no-pong, not " + name);
    }

    /** Whether the rule matches a {@code PING} rather than an event. */
    public boolean onPing() {
        return this == NO_PONG;
    }
}
