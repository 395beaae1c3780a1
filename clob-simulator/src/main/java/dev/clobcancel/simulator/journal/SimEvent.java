package dev.clobcancel.simulator.journal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something the simulator did by itself, on its clock, rather than because a request asked:
 * kept apart from the requests, so "no request came" stays true while the dead man's switch
 * cancels. Never carries a secret: an account is named by its API key alone.
 *
 * @param apiKey      the account it happened to, or null when it concerns no one account
 * @param orderIds    the orders it changed (canceled, for a heartbeat lapse; expired, for a GTD expiry), oldest first
 * @param description what happened, in words, such as {@code heartbeat lapsed: canceled 2 orders}
 */
public record SimEvent(long sequence, Instant time, Kind kind, String apiKey, List<String> orderIds, String description) {

    /** What the simulator did. */
    public enum Kind {
        /** An account's heartbeats stopped for longer than the window: the switch canceled its live orders. */
        HEARTBEAT_LAPSE,
        /** GTD orders of an account reached their expiration (less the exchange's minute) on the simulator's clock and left the book. */
        GTD_EXPIRY
    }

    public SimEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        orderIds = List.copyOf(orderIds);
        Objects.requireNonNull(description, "description");
    }

    /** A heartbeat lapse of {@code apiKey} at {@code time} that canceled {@code canceled}. */
    public static SimEvent heartbeatLapse(Instant time, String apiKey, List<String> canceled) {
        return new SimEvent(0, time, Kind.HEARTBEAT_LAPSE, apiKey, canceled,
                "heartbeat lapsed: canceled " + canceled.size() + " orders");
    }

    /** GTD orders of {@code apiKey} that expired at {@code time}, oldest expiry first. */
    public static SimEvent gtdExpiry(Instant time, String apiKey, List<String> expired) {
        return new SimEvent(0, time, Kind.GTD_EXPIRY, apiKey, expired,
                "GTD orders expired: " + expired.size() + " left the book");
    }

    SimEvent withSequence(long number) {
        return new SimEvent(number, time, kind, apiKey, orderIds, description);
    }
}
