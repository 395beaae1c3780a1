package dev.clobcancel.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.clobcancel.domain.failure.ClobException;
import dev.clobcancel.domain.model.CancelMethod;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.MarketCancel;
import dev.clobcancel.domain.model.OrderId;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The cancel endpoints: each request's body written once, in the official clients' bytes, then
 * signed afresh and sent for every attempt the retry policy makes. Around them, what the
 * exchange's V2 asks of a client: batches that fit both the id limit and the signer's bucket,
 * delayed orders canceled again once their window has passed, and a cancel of everything that
 * the bucket can never take carried out order by order ({@link CancelAllFallback}).
 */
final class CancelRequests {

    /** The most ids the exchange takes in one {@code DELETE /orders} (its changelog, 15 June 2026). */
    static final int MAX_BATCH = 1000;

    /** {@code {"orderID":"0x..."}}: the official clients' body, byte for byte. */
    record CancelOrderPayload(String orderID) {
    }

    /** {@code {"market":"0x...","asset_id":"123"}}, a key left out when not given, as the official clients do. */
    @JsonPropertyOrder({"market", "asset_id"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MarketPayload(String market, @JsonProperty("asset_id") String assetId) {
    }

    private final SignedRequests requests;
    private final DelayedOrders delayed;
    private final CancelAllFallback fallback;

    CancelRequests(SignedRequests requests) {
        this.requests = requests;
        this.delayed = new DelayedOrders(requests.calls(), this::cancelOnce);
        this.fallback = new CancelAllFallback(requests.calls().policy(), (path, body, decider) -> send(path, body, null, decider),
                new OpenOrders(requests), this::cancelInBatches);
    }

    CompletableFuture<CancelResult> cancelOrder(OrderId id) {
        Instant deadlineAt = deadlineAt();
        return finish(send("/order", orderBody(id), null).thenCompose(result -> delayed.retry(result, deadlineAt)));
    }

    /**
     * One {@code DELETE /orders} per batch of distinct ids ({@link #batchSize()}), all sent at
     * once (a cancel is wanted now, and the pool bounds the connections), their answers merged in
     * order. Any request that fails for good fails the whole call; sending the call again is safe.
     */
    CompletableFuture<CancelResult> cancelOrders(Collection<OrderId> ids) {
        List<List<OrderId>> batches = batches(ids, batchSize());
        if (batches.isEmpty()) {
            return CompletableFuture.completedFuture(CancelResult.empty().withRateLimit(requests.rateLimits().current()));
        }
        Instant deadlineAt = deadlineAt();
        return finish(allAtOnce(batches, null).thenCompose(result -> delayed.retry(result, deadlineAt)));
    }

    CompletableFuture<CancelResult> cancelAll() {
        return everything("/cancel-all", null, null);
    }

    CompletableFuture<CancelResult> cancelMarketOrders(MarketCancel which) {
        return everything("/cancel-market-orders", marketBody(which), which);
    }

    /** A cancel of all, or of a market: by its endpoint, or order by order when the bucket can never take it. */
    private CompletableFuture<CancelResult> everything(String path, byte[] body, MarketCancel which) {
        Instant deadlineAt = deadlineAt();
        return finish(fallback.cancel(path, body, which, deadlineAt).thenCompose(result -> result.method() == CancelMethod.DIRECT
                ? delayed.retry(result, deadlineAt) : CompletableFuture.completedFuture(result)));
    }

    /**
     * The most ids one {@code DELETE /orders} may name: the exchange's 1000, or the burst of the
     * signer's tier as last reported (120 before any report) when smaller, since a batch costs
     * one token per id and is refused whole when the bucket cannot hold it.
     */
    int batchSize() {
        return Math.min(MAX_BATCH, requests.rateLimits().current().cancelBurst());
    }

    /** One {@code DELETE /order} or {@code /orders} of {@code ids}, no second look at delayed ones, within {@code within}. */
    private CompletableFuture<CancelResult> cancelOnce(List<OrderId> ids, Duration within) {
        if (ids.size() == 1) {
            return send("/order", orderBody(ids.get(0)), within);
        }
        return allAtOnce(batches(ids, batchSize()), within);
    }

    /**
     * {@code ids} in batches that fit, one after the other, each sent once the one before was
     * answered, so that no batch is sent to a bucket an earlier one is emptying; by {@code deadlineAt}.
     */
    CompletableFuture<CancelResult> cancelInBatches(List<OrderId> ids, Instant deadlineAt) {
        List<List<OrderId>> batches = batches(ids, batchSize());
        CompletableFuture<List<CancelResult>> chain = CompletableFuture.completedFuture(new ArrayList<>());
        for (List<OrderId> batch : batches) {
            chain = chain.thenCompose(done -> send("/orders", batchBody(batch), left(deadlineAt)).thenApply(answer -> {
                done.add(answer);
                return done;
            }));
        }
        return chain.thenApply(CancelResult::merge).thenCompose(result -> delayed.retry(result, deadlineAt));
    }

    private CompletableFuture<CancelResult> allAtOnce(List<List<OrderId>> batches, Duration within) {
        List<CompletableFuture<CancelResult>> sent = new ArrayList<>();
        for (List<OrderId> batch : batches) {
            sent.add(send("/orders", batchBody(batch), within));
        }
        CompletableFuture<CancelResult> merged = new CompletableFuture<>();
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).whenComplete((all, failure) -> {
            if (failure == null) {
                merged.complete(CancelResult.merge(sent.stream().map(CompletableFuture::join).toList()));
            } else {
                merged.completeExceptionally(firstFailure(sent));
            }
        });
        return merged;
    }

    /**
     * The call's answer with the rate limit as last stated; a failure likewise, when the answer
     * that ended it (if any) did not state one.
     */
    private CompletableFuture<CancelResult> finish(CompletableFuture<CancelResult> call) {
        CompletableFuture<CancelResult> done = new CompletableFuture<>();
        call.whenComplete((result, failure) -> {
            if (failure == null) {
                done.complete(result.withRateLimit(requests.rateLimits().current()));
            } else {
                Throwable cause = unwrap(failure);
                done.completeExceptionally(cause instanceof ClobException clob
                        ? Failures.withRateLimitIfNone(clob, requests.rateLimits().current()) : cause);
            }
        });
        return done;
    }

    private Instant deadlineAt() {
        return requests.calls().clock().instant().plus(requests.calls().deadline());
    }

    /** What is left until {@code deadlineAt}, never less than a millisecond: the call itself then gives up. */
    private Duration left(Instant deadlineAt) {
        Duration left = Duration.between(requests.calls().clock().instant(), deadlineAt);
        return left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left;
    }

    /** {@code {"orderID":"0x..."}}. */
    static byte[] orderBody(OrderId id) {
        return SignedRequests.json(new CancelOrderPayload(id.value()));
    }

    /** {@code ["0x...","0x..."]}, compact, as the official clients' {@code JSON.stringify(hashes)}. */
    static byte[] batchBody(List<OrderId> ids) {
        List<String> hashes = new ArrayList<>(ids.size());
        ids.forEach(id -> hashes.add(id.value()));
        return SignedRequests.json(hashes);
    }

    /** {@code {"market":"0x...","asset_id":"123"}}, a key left out when not given. */
    static byte[] marketBody(MarketCancel which) {
        return SignedRequests.json(new MarketPayload(which.market(), which.assetId()));
    }

    /** The ids in order, each once, cut into requests of at most {@value #MAX_BATCH}. */
    static List<List<OrderId>> batches(Collection<OrderId> ids) {
        return batches(ids, MAX_BATCH);
    }

    /**
     * The ids in order, each once (an {@link OrderId} is lower case, so ids that differ only in the
     * case of their hex digits are one), cut into requests of at most {@code size} ids.
     */
    static List<List<OrderId>> batches(Collection<OrderId> ids, int size) {
        Set<OrderId> distinct = new LinkedHashSet<>();
        int position = 0;
        for (OrderId id : ids) {
            if (id == null) {
                throw new NullPointerException("orderIds holds null at position " + position);
            }
            distinct.add(id);
            position++;
        }
        List<OrderId> all = new ArrayList<>(distinct);
        List<List<OrderId>> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            batches.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return batches;
    }

    /** The first request's failure, in the order sent; the others' are suppressed on it. */
    private static Throwable firstFailure(List<CompletableFuture<CancelResult>> sent) {
        Throwable first = null;
        for (CompletableFuture<CancelResult> request : sent) {
            if (request.isCompletedExceptionally()) {
                Throwable failure = request.handle((value, e) -> unwrap(e)).join();
                if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }
        return first;
    }

    static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Signs and sends {@code body} to {@code path}, afresh for each attempt, within {@code within} or the client's deadline. */
    private CompletableFuture<CancelResult> send(String path, byte[] body, Duration within) {
        return send(path, body, within, null);
    }

    /**
     * Signs and sends {@code body} to {@code path} with the retry rules of {@code decider} (null: the
     * policy); the result says how many times it was sent.
     */
    CompletableFuture<CancelResult> send(String path, byte[] body, Duration within, RetryingCalls.Decider decider) {
        return requests.send(HttpMethod.DELETE, path, "", body, within, decider,
                (answer, attempts) -> attempts == 1 ? answer : answer.withAttempts(attempts), Responses::cancelResult);
    }
}
