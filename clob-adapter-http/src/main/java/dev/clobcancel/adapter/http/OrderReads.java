package dev.clobcancel.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.model.OrderState;
import dev.clobcancel.domain.model.RateLimitState;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /data/order/{id}}, signed as the official clients' {@code getOrder} signs it (the
 * path alone, no body): the order as the exchange has it, or none.
 */
final class OrderReads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SignedRequests requests;

    OrderReads(SignedRequests requests) {
        this.requests = requests;
    }

    CompletableFuture<Optional<OrderState>> read(OrderId id) {
        return requests.send(HttpMethod.GET, "/data/order/" + id.value(), null, null, OrderReads::orderState);
    }

    /**
     * 200 with the order; 200 with an empty body or {@code null}, as the exchange answers for an
     * order it does not know (nautilus_trader's {@code get_order_optional}), or 404: none.
     */
    static Optional<OrderState> orderState(HttpTransport.Response response, String what, RateLimitState rateLimit) {
        if (response.status() == 404) {
            return Optional.empty();
        }
        if (response.status() != 200) {
            throw Responses.failure(response, what, rateLimit);
        }
        String text = new String(response.body(), StandardCharsets.UTF_8).strip();
        if (text.isEmpty() || text.equals("null") || text.equals("{}")) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (IOException e) {
            throw Responses.unreadable(response, what, "not JSON");
        }
        JsonNode id = json.get("id");
        JsonNode status = json.get("status");
        if (id == null || !id.isTextual() || status == null || !status.isTextual()) {
            throw Responses.unreadable(response, what, "no id and status strings");
        }
        return Optional.of(new OrderState(id.asText(), status.asText(), text(json, "original_size"), text(json, "size_matched")));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
