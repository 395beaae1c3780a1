package dev.clobcancel.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.MarketCancel;
import dev.clobcancel.domain.model.OrderId;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The cancel endpoints: each request's body written once, in the official clients' bytes, then
 * signed afresh and sent for every attempt the retry policy makes.
 */
final class CancelRequests {

    /** The most ids the exchange takes in one {@code DELETE /orders}. */
    static final int MAX_BATCH = 3000;

    /** {@code {"orderID":"0x..."}}: the official clients' body, byte for byte. */
    record CancelOrderPayload(String orderID) {
    }

    /** {@code {"market":"0x...","asset_id":"123"}}, a key left out when not given, as the official clients do. */
    @JsonPropertyOrder({"market", "asset_id"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MarketPayload(String market, @JsonProperty("asset_id") String assetId) {
    }

    private final SignedRequests requests;

    CancelRequests(SignedRequests requests) {
        this.requests = requests;
    }

    CompletableFuture<CancelResult> cancelOrder(OrderId id) {
        return send("/order", orderBody(id));
    }

    /**
     * One {@code DELETE /orders} per {@value #MAX_BATCH} distinct ids, all sent at once (a cancel
     * is wanted now, and the pool bounds the connections), their answers merged in order. Any
     * request that fails for good fails the whole call; sending the call again is safe.
     */
    CompletableFuture<CancelResult> cancelOrders(Collection<OrderId> ids) {
        List<List<String>> batches = batches(ids);
        if (batches.isEmpty()) {
            return CompletableFuture.completedFuture(CancelResult.empty());
        }
        List<CompletableFuture<CancelResult>> sent = new ArrayList<>();
        for (List<String> batch : batches) {
            sent.add(send("/orders", batchBody(batch)));
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

    CompletableFuture<CancelResult> cancelAll() {
        return send("/cancel-all", null);
    }

    CompletableFuture<CancelResult> cancelMarketOrders(MarketCancel which) {
        return send("/cancel-market-orders", marketBody(which));
    }

    /** {@code {"orderID":"0x..."}}. */
    static byte[] orderBody(OrderId id) {
        return SignedRequests.json(new CancelOrderPayload(id.value()));
    }

    /** {@code ["0x...","0x..."]}, compact, as the official clients' {@code JSON.stringify(hashes)}. */
    static byte[] batchBody(List<String> ids) {
        return SignedRequests.json(ids);
    }

    /** {@code {"market":"0x...","asset_id":"123"}}, a key left out when not given. */
    static byte[] marketBody(MarketCancel which) {
        return SignedRequests.json(new MarketPayload(which.market(), which.assetId()));
    }

    /**
     * The ids in order, each once: ids that differ only in the case of their hex digits name one
     * order, and the first spelling is kept. Cut into requests the exchange accepts.
     */
    static List<List<String>> batches(Collection<OrderId> ids) {
        Map<String, String> distinct = new LinkedHashMap<>();
        int position = 0;
        for (OrderId id : ids) {
            if (id == null) {
                throw new NullPointerException("orderIds holds null at position " + position);
            }
            distinct.putIfAbsent(id.value().toLowerCase(Locale.ROOT), id.value());
            position++;
        }
        List<String> all = new ArrayList<>(distinct.values());
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += MAX_BATCH) {
            batches.add(all.subList(from, Math.min(all.size(), from + MAX_BATCH)));
        }
        return batches;
    }

    /** The first request's failure, in the order sent; the others' are suppressed on it. */
    private static Throwable firstFailure(List<CompletableFuture<CancelResult>> sent) {
        Throwable first = null;
        for (CompletableFuture<CancelResult> request : sent) {
            if (request.isCompletedExceptionally()) {
                Throwable failure = request.handle((value, e) -> e instanceof CompletionException && e.getCause() != null
                        ? e.getCause() : e).join();
                if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }
        return first;
    }

    /** Signs and sends {@code body} to {@code path}, afresh for each attempt, within the client's deadline. */
    private CompletableFuture<CancelResult> send(String path, byte[] body) {
        return requests.send(HttpMethod.DELETE, path, body, null, Responses::cancelResult);
    }
}
