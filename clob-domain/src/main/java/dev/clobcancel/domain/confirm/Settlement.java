package dev.clobcancel.domain.confirm;

import java.util.Objects;

/**
 * Where one order ended up after a confirmed cancel, and what says so.
 *
 * <pre>{@code
 * Settlement s = confirmed.settlement(id).orElseThrow();
 * if (s.state() == Settlement.State.CANCELED) ...   // s.evidence() says how it is known
 * }</pre>
 *
 * @param orderId  the order's id as it was asked for, or as the exchange named it
 * @param detail   the exchange's reason for a refusal, the status read, or why nothing settled it
 */
public record Settlement(String orderId, State state, Evidence evidence, String detail) {

    /** Where the order is. */
    public enum State {
        /** Off the book, canceled. */
        CANCELED,
        /** Off the book, wholly matched before the cancel reached it. */
        MATCHED,
        /** The exchange knows no live order by that id: canceled before, or never the account's. */
        NOT_FOUND,
        /** Still on the book: the cancel did not take it off. */
        LIVE,
        /** Nothing settled it before the deadline: neither an event, nor a refusal, nor a read. */
        UNCONFIRMED;

        /** Whether the order is known to be off the book (or never was on it). */
        public boolean isOffTheBook() {
            return this == CANCELED || this == MATCHED || this == NOT_FOUND;
        }
    }

    /** What settled the order. */
    public enum Evidence {
        /** The user channel's {@code CANCELLATION} event for the order. */
        CANCELLATION_EVENT,
        /** The cancel's answer listed the order as not canceled, already matched or canceled. */
        REFUSAL,
        /** A read of the order ({@code GET /data/order/{id}}). */
        ORDER_READ,
        /** Nothing: the order is {@link State#UNCONFIRMED}. */
        NONE
    }

    public Settlement {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(evidence, "evidence");
        if ((state == State.UNCONFIRMED) != (evidence == Evidence.NONE)) {
            throw new IllegalArgumentException("an order is unconfirmed exactly when no evidence settled it, not "
                    + state + " by " + evidence);
        }
    }
}
