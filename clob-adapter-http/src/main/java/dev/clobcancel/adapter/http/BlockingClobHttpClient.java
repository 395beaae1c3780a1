package dev.clobcancel.adapter.http;

import dev.clobcancel.domain.failure.ClobException;
import dev.clobcancel.domain.failure.WaitInterruptedException;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.MarketCancel;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.model.OrderState;
import dev.clobcancel.domain.port.HeartbeatPort;
import io.vertx.core.Context;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The calls of a {@link ClobHttpClient}, waiting for the answer: for code that is not
 * asynchronous. Each returns what the stage would complete with, and throws the
 * {@link ClobException} itself, never a {@link java.util.concurrent.CompletionException} or an
 * {@link ExecutionException}. Every call ends by the client's deadline.
 *
 * <pre>{@code
 * try {
 *     CancelResult result = clob.blocking().cancelOrder(id);
 * } catch (RateLimitedException e) {
 *     ... e.retryAfter()
 * } catch (ClobException e) {
 *     ...
 * }
 * }</pre>
 *
 * A wait that is interrupted throws a {@link WaitInterruptedException} with the thread's
 * interrupt flag set again; the call itself goes on, and a cancel sent may still take effect.
 * Never call it on a Vert.x event loop: the answer needs that very thread.
 */
public final class BlockingClobHttpClient {

    private final ClobHttpClient client;

    BlockingClobHttpClient(ClobHttpClient client) {
        this.client = client;
    }

    /** {@link ClobHttpClient#cancelOrder}, waited for. */
    public CancelResult cancelOrder(OrderId orderId) {
        return await(() -> client.answerCancelOrder(orderId), "DELETE /order");
    }

    /** {@link ClobHttpClient#cancelOrders}, waited for. */
    public CancelResult cancelOrders(Collection<OrderId> orderIds) {
        return await(() -> client.answerCancelOrders(orderIds), "DELETE /orders");
    }

    /** {@link ClobHttpClient#cancelAll}, waited for. */
    public CancelResult cancelAll() {
        return await(client::answerCancelAll, "DELETE /cancel-all");
    }

    /** {@link ClobHttpClient#cancelMarketOrders}, waited for. */
    public CancelResult cancelMarketOrders(MarketCancel which) {
        return await(() -> client.answerCancelMarketOrders(which), "DELETE /cancel-market-orders");
    }

    /** {@link ClobHttpClient#sendHeartbeat(String)}, waited for: the id the next heartbeat must name. */
    public String sendHeartbeat(String previousId) {
        return sendHeartbeat(previousId, HeartbeatPort.EXCHANGE_WINDOW);
    }

    /** {@link ClobHttpClient#sendHeartbeat(String, Duration)}, waited for. */
    public String sendHeartbeat(String previousId, Duration within) {
        return await(() -> client.answerHeartbeat(previousId, within), "POST /v1/heartbeats");
    }

    /** {@link ClobHttpClient#readOrder}, waited for: empty when the exchange knows no such order. */
    public Optional<OrderState> readOrder(OrderId id) {
        return await(() -> client.answerReadOrder(id), "GET /data/order");
    }

    @Override
    public String toString() {
        return "Blocking" + client;
    }

    /** Starts a call, and waits for its answer before the hop to the completion executor, which waiting has no need of. */
    private interface Call<T> {
        CompletableFuture<T> start();
    }

    private static <T> T await(Call<T> call, String what) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("the blocking view would block a Vert.x event loop, which its answer needs: "
                    + "call the asynchronous " + what + " there");
        }
        CompletableFuture<T> answer = call.start();
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaitInterruptedException("interrupted while waiting for the answer to " + what
                    + "; the call goes on and may still take effect", e);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    /** The failure itself: a {@link ClobException}, or a bug's unchecked exception as it was thrown. */
    private static RuntimeException rethrown(Throwable failure) {
        Throwable cause = Completions.unwrap(failure);
        if (cause instanceof RuntimeException unchecked) {
            return unchecked;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        // Nothing in the client fails with a checked exception; should one come, it is not lost.
        return new IllegalStateException("the call failed with " + cause, cause);
    }
}
