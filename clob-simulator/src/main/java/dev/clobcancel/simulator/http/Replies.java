package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clobcancel.simulator.core.JsonFields;
import dev.clobcancel.simulator.exchange.OrderRefusedException;
import dev.clobcancel.simulator.exchange.RejectedException;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.function.Consumer;

/** Writes JSON answers; every error is {@code {"error": "..."}}. */
final class Replies {

    static final ObjectMapper JSON = JsonFields.MAPPER;

    private Replies() {
    }

    static void json(RoutingContext ctx, int status, Object body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
        json(ctx, status, bytes);
    }

    /** {@code bytes}, which are JSON already. */
    static void json(RoutingContext ctx, int status, byte[] bytes) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(Buffer.buffer(bytes));
    }

    static void error(RoutingContext ctx, int status, String message) {
        json(ctx, status, Map.of("error", message));
    }

    /** A refusal becomes its 4xx with {@code {"error": ...}}, and changes nothing. */
    static Handler<RoutingContext> guarded(Consumer<RoutingContext> handler) {
        return ctx -> {
            try {
                handler.accept(ctx);
            } catch (RejectedException e) {
                error(ctx, e.status(), e.getMessage());
            } catch (OrderRefusedException e) {
                error(ctx, status(e), e.getMessage());
            }
        };
    }

    /**
     * The status of an order's refusal: 400, and 404 for {@code market not found}, as the exchange
     * answers any error whose words contain "not found" (docs.polymarket.com/resources/error-codes).
     */
    static int status(OrderRefusedException refusal) {
        return refusal.getMessage().contains("not found") ? 404 : 400;
    }

    /** The raw body as received, empty when there was none. */
    static byte[] body(RoutingContext ctx) {
        return ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    }

    /** {@code text} as a JSON string literal. */
    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string is always JSON", e);
        }
    }
}
