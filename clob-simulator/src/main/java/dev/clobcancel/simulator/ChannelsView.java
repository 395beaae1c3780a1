package dev.clobcancel.simulator;

import dev.clobcancel.simulator.ws.Channels;
import java.util.concurrent.CompletionStage;

/**
 * The WebSocket channels as a test sees them: how many connections and subscriptions are open,
 * and how many messages a slow subscriber may have waiting before it is let go.
 *
 * <pre>{@code
 * client.close();
 * sim.channels().whenNoConnections().toCompletableFuture().get(5, TimeUnit.SECONDS);
 * }</pre>
 */
public final class ChannelsView {

    private final Channels channels;

    ChannelsView(Channels channels) {
        this.channels = channels;
    }

    /** The WebSocket connections open now, on either channel. */
    public int connections() {
        return channels.connections();
    }

    /** Subscriptions: one per user-channel connection, one per asset of each market-channel connection. */
    public int subscriptions() {
        return channels.subscriptions();
    }

    /** Completes when no WebSocket connection is open, and at once if none is. */
    public CompletionStage<Void> whenNoConnections() {
        return channels.whenNoConnections();
    }

    /** How many messages a connection may have waiting before it is closed as too slow. */
    public int bufferLimit() {
        return channels.bufferLimit();
    }

    /** Sets the limit of waiting messages for connections opened from now on. */
    public void bufferLimit(int messages) {
        channels.bufferLimit(messages);
    }
}
