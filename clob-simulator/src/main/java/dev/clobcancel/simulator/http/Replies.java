package dev.clobcancel.simulator.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Writes JSON answers; every error is {@code {"error": "..."}}. */
final class Replies {

    /** Every error the simulator answers. */
    record Error(String error) {
    }

    /** {@code {"status": "ok"}}: the health check's answer, and the legacy heartbeat's. */
    record Status(String status) {
        static final Status OK = new Status("ok");
    }

    private static final Pattern NOT_HEADER_SAFE = Pattern.compile("[^\\x20-\\x7e]");

    private Replies() {
    }

    /** Sets a header that explains a refusal in words, each character a header may not hold made a {@code ?}. */
    static void explain(RoutingContext ctx, String header, String words) {
        ctx.response().putHeader(header, NOT_HEADER_SAFE.matcher(words).replaceAll("?"));
    }

    /** {@code body}, a record of the answer, as JSON. */
    static void json(RoutingContext ctx, int status, Object body) {
        json(ctx, status, WireJson.write(body));
    }

    /** {@code bytes}, which are JSON already. */
    static void json(RoutingContext ctx, int status, byte[] bytes) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(Buffer.buffer(bytes));
    }

    static void error(RoutingContext ctx, int status, String message) {
        json(ctx, status, new Error(message));
    }

    /** A refusal (the exchange's or the HTTP layer's) becomes its 4xx with {@code {"error": ...}}, and changes nothing. */
    static Handler<RoutingContext> guarded(Consumer<RoutingContext> handler) {
        return ctx -> {
            try {
                handler.accept(ctx);
            } catch (RuntimeException e) {
                OptionalInt status = ExchangeFailures.statusOf(e);
                if (status.isEmpty()) {
                    throw e;
                }
                error(ctx, status.getAsInt(), e.getMessage());
            }
        };
    }

    /** The raw body as received, empty when there was none. */
    static byte[] body(RoutingContext ctx) {
        return ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    }
}
