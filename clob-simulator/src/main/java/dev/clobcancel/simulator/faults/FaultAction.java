package dev.clobcancel.simulator.faults;

import java.util.Locale;

/** What a fault rule does to a request it matches. */
public enum FaultAction {
    /** Answers with the rule's status, body and headers (or, with no status, only delays). */
    RESPOND,
    /** Resets the connection (TCP RST): no answer, and the client sees "connection reset". */
    RESET,
    /** Closes the connection without a byte of answer. */
    EMPTY,
    /** Never answers; the request waits until the client gives up. */
    HANG;

    /** The name used in JSON: {@code respond}, {@code reset}, {@code empty}, {@code hang}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FaultAction fromJson(String name) {
        for (FaultAction action : values()) {
            if (action.jsonName().equals(name)) {
                return action;
            }
        }
        throw new IllegalArgumentException("action must be respond, reset, empty or hang, not " + name);
    }
}
