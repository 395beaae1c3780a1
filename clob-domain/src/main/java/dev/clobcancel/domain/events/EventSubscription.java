package dev.clobcancel.domain.events;

/**
 * A listener's place on the user channel: {@link #close()} stops its events. Closing twice is
 * harmless.
 */
@FunctionalInterface
public interface EventSubscription extends AutoCloseable {

    @Override
    void close();
}
