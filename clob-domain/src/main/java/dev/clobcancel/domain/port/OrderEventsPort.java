package dev.clobcancel.domain.port;

import dev.clobcancel.domain.events.EventSubscription;
import dev.clobcancel.domain.events.UserEventListener;
import java.util.concurrent.CompletionStage;

/**
 * The exchange's user channel: the account's order and trade events as they happen.
 *
 * <pre>{@code
 * EventSubscription subscription = channel.subscribe(event -> log.info("{}", event))
 *         .toCompletableFuture().join();     // the exchange has taken the subscription
 * ...
 * subscription.close();
 * }</pre>
 */
public interface OrderEventsPort {

    /**
     * Delivers every event from now on to {@code listener}. The stage completes once the exchange
     * has taken the subscription, so that a cancel sent after it cannot have its event missed;
     * it fails with a {@link dev.clobcancel.domain.failure.TransportException} when the channel
     * could not be had in time, or a {@link dev.clobcancel.domain.failure.ClientClosedException} when
     * the channel is closed, and the listener is then not registered.
     */
    CompletionStage<EventSubscription> subscribe(UserEventListener listener);
}
