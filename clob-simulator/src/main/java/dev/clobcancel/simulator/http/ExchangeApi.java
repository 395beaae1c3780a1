package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.exchange.CancelReport;
import dev.clobcancel.simulator.exchange.Exchange;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The exchange's own endpoints, answered as the exchange answers them. */
final class ExchangeApi {

    static final String INVALID_API_KEY = "Invalid API key";
    static final String INVALID_ORDER_ID = "Invalid orderID";
    static final String INVALID_PAYLOAD = "Invalid order payload";
    /** Names the failed check of a 401: the exchange never says, which costs its users hours. */
    static final String AUTH_FAILURE_HEADER = "X-Sim-Auth-Failure";

    private static final Pattern NOT_HEADER_SAFE = Pattern.compile("[^\\x20-\\x7e]");

    private final Exchange exchange;
    private final L2Authenticator authenticator;
    private final Clock clock;

    ExchangeApi(Exchange exchange, Clock clock) {
        this.exchange = exchange;
        this.authenticator = new L2Authenticator(exchange);
        this.clock = clock;
    }

    void mount(Router router) {
        router.get("/time").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json")
                .end(Long.toString(clock.instant().getEpochSecond())));
        router.delete("/order").handler(this::cancelOrder);
    }

    private void cancelOrder(RoutingContext ctx) {
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        L2Authenticator.Outcome auth = authenticator.check(ctx.request().headers(), "DELETE", ctx.request().path(), body);
        if (!auth.passed()) {
            ctx.response().putHeader(AUTH_FAILURE_HEADER, NOT_HEADER_SAFE.matcher(auth.failure()).replaceAll("?"));
            Replies.error(ctx, 401, INVALID_API_KEY);
            return;
        }
        JsonNode orderId = readObject(body).map(json -> json.get("orderID")).orElse(null);
        if (orderId == null || !orderId.isTextual()) {
            Replies.error(ctx, 400, INVALID_PAYLOAD);
            return;
        }
        if (!OrderId.isValid(orderId.asText())) {
            Replies.error(ctx, 400, INVALID_ORDER_ID);
            return;
        }
        CancelReport report = exchange.cancel(auth.account().apiKey(), List.of(orderId.asText()));
        Replies.json(ctx, 200, answer(report));
    }

    /** {@code {"canceled": [...], "not_canceled": {...}}}, in the exchange's order of fields. */
    static Map<String, Object> answer(CancelReport report) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("canceled", report.canceled());
        answer.put("not_canceled", report.notCanceled());
        return answer;
    }

    /** The body as a JSON object, or empty when it is not one. */
    private static Optional<JsonNode> readObject(byte[] body) {
        try {
            JsonNode json = body.length == 0 ? null : Replies.JSON.readTree(body);
            return Optional.ofNullable(json).filter(JsonNode::isObject);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
