package dev.clobcancel.domain.events;

/**
 * Receives the user channel's events, in the order the exchange sent them, and learns when the
 * channel was lost and taken again: between {@link #onDisconnected} and the next
 * {@link #onSubscribed}, events may have been missed, so a listener that waits for one reads the
 * order instead.
 *
 * <p>Called on the channel's own thread, one call at a time: a listener must not block.
 */
@FunctionalInterface
public interface UserEventListener {

    void onEvent(UserEvent event);

    /** The exchange has taken the subscription (again, after a reconnection): events flow from now on. */
    default void onSubscribed() {
    }

    /** The connection was lost ({@code reason} says how); the channel reconnects on its own. */
    default void onDisconnected(String reason) {
    }
}
