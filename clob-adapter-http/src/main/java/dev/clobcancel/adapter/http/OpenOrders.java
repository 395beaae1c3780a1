package dev.clobcancel.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clobcancel.domain.failure.TransportException;
import dev.clobcancel.domain.model.MarketCancel;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.model.RateLimitState;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /data/orders}: the account's live orders, every page, as the official clients page
 * them: the first with {@code next_cursor=MA==}, each next with the cursor the last answered,
 * until it answers {@code LTE=}. The path is signed without its query, as they sign it.
 */
final class OpenOrders {

    static final String PATH = "/data/orders";
    /** Base64 of "0": the first page. */
    static final String FIRST_CURSOR = "MA==";
    /** Base64 of "-1": no page after this one. */
    static final String END_CURSOR = "LTE=";
    /** 100 orders to a page: ten million orders, far past any account's, and a loop that surely ends. */
    static final int MAX_PAGES = 100_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One page: its orders' ids and the cursor of the next. */
    record Page(List<OrderId> ids, String nextCursor) {
    }

    private final SignedRequests requests;

    OpenOrders(SignedRequests requests) {
        this.requests = requests;
    }

    /** The ids of the account's live orders, those of {@code which} only when given, by {@code deadlineAt}. */
    CompletableFuture<List<OrderId>> list(MarketCancel which, Instant deadlineAt) {
        CompletableFuture<List<OrderId>> all = new CompletableFuture<>();
        nextPage(which, FIRST_CURSOR, new LinkedHashSet<>(), new HashSet<>(), deadlineAt, all);
        return all;
    }

    private void nextPage(MarketCancel which, String cursor, Set<OrderId> ids, Set<String> cursorsSeen,
                          Instant deadlineAt, CompletableFuture<List<OrderId>> all) {
        Duration left = Duration.between(requests.rateLimits().now(), deadlineAt);
        if (left.isNegative() || left.isZero()) {
            all.completeExceptionally(new TransportException(TransportException.Kind.TIMEOUT, "GET " + PATH
                    + ": the deadline passed while listing the orders (" + ids.size() + " listed so far)", null,
                    requests.rateLimits().current(), 1));
            return;
        }
        requests.send(HttpMethod.GET, PATH, query(which, cursor), null, left, null, OpenOrders::page).whenComplete((page, failure) -> {
            if (failure != null) {
                all.completeExceptionally(failure);
                return;
            }
            // OrderId is lower case: an order listed twice, in any case, is one.
            ids.addAll(page.ids());
            boolean last = page.nextCursor() == null || page.nextCursor().isEmpty() || page.nextCursor().equals(END_CURSOR);
            if (last || !cursorsSeen.add(page.nextCursor()) || cursorsSeen.size() >= MAX_PAGES) {
                all.complete(new ArrayList<>(ids));
            } else {
                nextPage(which, page.nextCursor(), ids, cursorsSeen, deadlineAt, all);
            }
        });
    }

    /** {@code ?market=...&asset_id=...&next_cursor=...}, encoded as a form, a filter left out when not given. */
    static String query(MarketCancel which, String cursor) {
        StringBuilder query = new StringBuilder("?");
        if (which != null && which.market() != null) {
            query.append("market=").append(encode(which.market())).append('&');
        }
        if (which != null && which.assetId() != null) {
            query.append("asset_id=").append(encode(which.assetId())).append('&');
        }
        return query.append("next_cursor=").append(encode(cursor)).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code {"data":[{"id":"0x...",...}],"next_cursor":"..."}} on 200; a typed failure otherwise. */
    static Page page(HttpTransport.Response response, String what, RateLimitState rateLimit) {
        if (response.status() != 200) {
            throw Responses.failure(response, what, rateLimit);
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            throw Responses.unreadable(response, what, "not JSON");
        }
        if (json == null || !json.isObject() || !json.path("data").isArray()) {
            throw Responses.unreadable(response, what, "no data array");
        }
        List<OrderId> ids = new ArrayList<>();
        for (JsonNode order : json.get("data")) {
            JsonNode id = order.get("id");
            if (id == null || !id.isTextual()) {
                throw Responses.unreadable(response, what, "an order without an id");
            }
            try {
                ids.add(OrderId.of(id.asText()));
            } catch (IllegalArgumentException malformed) {
                throw Responses.unreadable(response, what, malformed.getMessage());
            }
        }
        JsonNode next = json.get("next_cursor");
        return new Page(ids, next != null && next.isTextual() ? next.asText() : null);
    }
}
