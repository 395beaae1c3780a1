package dev.clobcancel.adapter.http;

import dev.clobcancel.domain.auth.L2Signer;
import dev.clobcancel.domain.failure.ClientClosedException;
import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.MarketCancel;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.model.OrderState;
import dev.clobcancel.domain.port.CancelOrderPort;
import dev.clobcancel.domain.port.HeartbeatPort;
import dev.clobcancel.domain.port.OrderReadPort;
import dev.clobcancel.domain.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cancels orders on a CLOB over HTTP, the exchange itself or the simulator, and sends the
 * heartbeats of its dead man's switch.
 *
 * <pre>{@code
 * try (ClobHttpClient clob = ClobHttpClient.builder()
 *         .host("https://clob.polymarket.com")
 *         .credentials(new ApiCredentials(key, secret, passphrase))
 *         .address(Address.of(address))
 *         .build()) {
 *     CancelResult result = clob.blocking().cancelOrder(OrderId.of(hash));      // or, asynchronously:
 *     clob.cancelOrder(OrderId.of(hash)).thenAccept(r -> log.info("canceled {}", r.canceled()));
 * }
 * }</pre>
 *
 * Every call is retried as its {@link RetryPolicy} says (a cancel is idempotent, so sending it
 * again is safe), each attempt signed afresh and bounded by the attempt timeout, the whole call
 * by the deadline. Every failure is a {@link dev.clobcancel.domain.failure.ClobException}.
 * Stages complete on the builder's
 * {@linkplain ClobHttpClientBuilder#completionExecutor completion executor}: by default a small
 * pool of daemon threads the client owns, never the Vert.x event loop unless
 * {@linkplain ClobHttpClientBuilder#completeOnEventLoop() asked}. {@link #blocking()} offers the
 * same calls for code that waits for the answer.
 *
 * <p>Immutable and thread-safe: build one and share it. {@link #withAccount} gives a client of
 * another account over the same connections, as OkHttp's {@code newBuilder()} does.
 */
public final class ClobHttpClient implements CancelOrderPort, HeartbeatPort, OrderReadPort, AutoCloseable {

    /**
     * What every client built from one builder shares, those of {@link #withAccount} included:
     * the connections, the exchange's clock, the retry settings and the completion executor.
     */
    static final class Shared {
        private final HttpTransport transport;
        private final SigningTime time;
        private final RetryingCalls settings;
        private final Completions completions;
        private final Clock clock;
        private final Set<ClobHttpClient> derived = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean closed = new AtomicBoolean();

        Shared(HttpTransport transport, SigningTime time, RetryingCalls settings, Completions completions, Clock clock) {
            this.transport = transport;
            this.time = time;
            this.settings = settings;
            this.completions = completions;
            this.clock = clock;
        }

        private void register(ClobHttpClient client) {
            derived.add(client);
            // Checked after adding, so that a close racing with this cannot miss the client.
            if (closed.get()) {
                derived.remove(client);
                client.calls.close();
                throw new ClientClosedException("the client is closed: no client of another account can be had from it", 0);
            }
        }

        private void close() {
            if (closed.compareAndSet(false, true)) {
                derived.forEach(ClobHttpClient::close);
                transport.close();
                completions.close();
            }
        }
    }

    private final Shared shared;
    private final boolean root;
    private final SignedRequests requests;
    private final CancelRequests cancels;
    private final HeartbeatRequests heartbeats;
    private final OrderReads orders;
    private final RetryingCalls calls;
    private final BlockingClobHttpClient blocking;

    ClobHttpClient(Shared shared, L2Signer signer, RetryingCalls calls, boolean root) {
        this.shared = shared;
        this.root = root;
        this.calls = calls;
        this.requests = new SignedRequests(shared.transport, signer, shared.time, calls, new RateLimits(shared.clock));
        this.cancels = new CancelRequests(requests);
        this.heartbeats = new HeartbeatRequests(requests);
        this.orders = new OrderReads(requests);
        this.blocking = new BlockingClobHttpClient(this);
    }

    /** A builder; the same as {@code new ClobHttpClientBuilder()}. */
    public static ClobHttpClientBuilder builder() {
        return new ClobHttpClientBuilder();
    }

    /**
     * A client that signs as {@code credentials} and {@code address}, sharing this one's
     * connections, Vert.x, exchange clock, settings and completion executor; its rate limit is
     * its own, as the exchange counts it per signer. Closing it ends its own calls and leaves the
     * shared parts open; closing the client built by the builder closes every client derived
     * from it.
     *
     * @throws ClientClosedException when this client, or the one it was derived from, is closed
     */
    public ClobHttpClient withAccount(ApiCredentials credentials, Address address) {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(address, "address");
        ClobHttpClient derived = new ClobHttpClient(shared, new L2Signer(credentials, address), shared.settings.sibling(),
                false);
        shared.register(derived);
        return derived;
    }

    /** The same calls, waiting for the answer and throwing the failure itself: for code that is not asynchronous. */
    public BlockingClobHttpClient blocking() {
        return blocking;
    }

    /** {@code DELETE /order}; refused as delayed, it is sent again once the order's window has passed. */
    @Override
    public CompletionStage<CancelResult> cancelOrder(OrderId orderId) {
        return shared.completions.deliver(answerCancelOrder(orderId));
    }

    /**
     * {@code DELETE /orders}: each id once, at most {@value CancelRequests#MAX_BATCH} to a request
     * and no more than the burst of the signer's tier as last reported (120 before any report),
     * more in several requests sent at once, their answers merged; nothing is sent for none.
     * Ids refused as delayed are canceled again once their window has passed.
     */
    @Override
    public CompletionStage<CancelResult> cancelOrders(Collection<OrderId> orderIds) {
        return shared.completions.deliver(answerCancelOrders(orderIds));
    }

    /**
     * {@code DELETE /cancel-all}, no body; when the signer's rate limit can never let it through,
     * the live orders listed and canceled in batches ({@link dev.clobcancel.domain.model.CancelMethod#LISTED_ORDERS}).
     */
    @Override
    public CompletionStage<CancelResult> cancelAll() {
        return shared.completions.deliver(answerCancelAll());
    }

    /** {@code DELETE /cancel-market-orders}, falling back as {@link #cancelAll()} does. */
    @Override
    public CompletionStage<CancelResult> cancelMarketOrders(MarketCancel which) {
        return shared.completions.deliver(answerCancelMarketOrders(which));
    }

    /**
     * {@code POST /v1/heartbeats}, body {@code {"heartbeat_id":""}} (a new chain: null or
     * {@code ""}) or {@code {"heartbeat_id":"<previousId>"}}, retried as the policy says within
     * {@code within} or the deadline, whichever is shorter. A retry names the same id; when the
     * exchange moved the chain on under a lost answer, it refuses it with a
     * {@code BadRequestException} whose {@code expectedHeartbeatId()} is the id to resume from.
     */
    @Override
    public CompletionStage<String> sendHeartbeat(String previousId, Duration within) {
        return shared.completions.deliver(answerHeartbeat(previousId, within));
    }

    /** {@code GET /data/order/{id}}, retried as a cancel is: empty when the exchange knows no such order. */
    @Override
    public CompletionStage<Optional<OrderState>> readOrder(OrderId id) {
        return shared.completions.deliver(answerReadOrder(id));
    }

    // The answers themselves, before the hop to the completion executor: what the blocking view waits for.

    CompletableFuture<CancelResult> answerCancelOrder(OrderId orderId) {
        Objects.requireNonNull(orderId, "orderId");
        return cancels.cancelOrder(orderId);
    }

    CompletableFuture<CancelResult> answerCancelOrders(Collection<OrderId> orderIds) {
        Objects.requireNonNull(orderIds, "orderIds");
        if (calls.isClosed()) {
            // Even a cancel of nothing, which sends nothing, says the client is closed.
            return CompletableFuture.failedFuture(new ClientClosedException("the client is closed: DELETE /orders was not sent", 0));
        }
        return cancels.cancelOrders(orderIds);
    }

    CompletableFuture<CancelResult> answerCancelAll() {
        return cancels.cancelAll();
    }

    CompletableFuture<CancelResult> answerCancelMarketOrders(MarketCancel which) {
        Objects.requireNonNull(which, "which");
        return cancels.cancelMarketOrders(which);
    }

    CompletableFuture<String> answerHeartbeat(String previousId, Duration within) {
        return heartbeats.send(previousId, within);
    }

    CompletableFuture<Optional<OrderState>> answerReadOrder(OrderId id) {
        Objects.requireNonNull(id, "id");
        return orders.read(id);
    }

    /**
     * Ends this client's calls not yet answered, a retry waiting included, with a
     * {@link ClientClosedException}, as every later call is. The client built by the builder
     * also closes the clients derived from it, the connections, the completion pool it made and
     * the Vert.x instance it made; a derived client leaves those to it.
     */
    @Override
    public void close() {
        calls.close();
        if (root) {
            shared.close();
        } else {
            shared.derived.remove(this);
        }
    }

    @Override
    public String toString() {
        return "ClobHttpClient[" + shared.transport.baseUri() + ", " + requests.signer() + "]";
    }
}
