package dev.clobcancel.simulator.http;

import dev.clobcancel.simulator.faults.FaultAction;
import dev.clobcancel.simulator.faults.FaultRule;
import dev.clobcancel.simulator.faults.Faults;
import io.netty.channel.ChannelOption;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Plays the first fault rule that matches an exchange request. It stands behind the admin
 * sub-router, so the admin API is never faulted.
 */
final class FaultHandler implements Handler<RoutingContext> {

    /** What the exchange itself answers with each status, when a rule gives no body. */
    private static final Map<Integer, String> EXCHANGE_ERRORS = Map.of(
            400, "Invalid order payload",
            401, TradingGate.INVALID_API_KEY,
            425, TradingGate.NOT_READY,
            429, TradingGate.TOO_MANY_REQUESTS,
            500, "Internal server error",
            503, TradingGate.DISABLED);

    private final Faults faults;

    FaultHandler(Faults faults) {
        this.faults = faults;
    }

    @Override
    public void handle(RoutingContext ctx) {
        FaultRule rule = faults.match(ctx.request().method().name(), ctx.request().path()).orElse(null);
        if (rule == null) {
            ctx.next();
        } else if (!rule.delay().isZero()) {
            ctx.vertx().setTimer(rule.delay().toMillis(), id -> play(rule, ctx));
        } else {
            play(rule, ctx);
        }
    }

    private static void play(FaultRule rule, RoutingContext ctx) {
        if (rule.action() != FaultAction.RESPOND || rule.status() != null) {
            RequestOutcome.of(ctx).faulted(rule.action());
        }
        switch (rule.action()) {
            case RESPOND -> respond(rule, ctx);
            case RESET -> reset(ctx.request().connection());
            case EMPTY -> ctx.request().connection().close();
            case HANG -> {
                // Nothing: the connection stays open until the client gives up and closes it.
            }
        }
    }

    private static void respond(FaultRule rule, RoutingContext ctx) {
        if (rule.status() == null) {
            ctx.next();
            return;
        }
        rule.headers().forEach(ctx.response()::putHeader);
        if (rule.body() != null) {
            ctx.response().setStatusCode(rule.status()).end(rule.body());
        } else {
            Replies.error(ctx, rule.status(), EXCHANGE_ERRORS.getOrDefault(rule.status(), "simulated fault " + rule.status()));
        }
    }

    /** SO_LINGER 0 makes the close a TCP RST, as a crashed peer or a middlebox gives. */
    private static void reset(HttpConnection connection) {
        if (connection instanceof ConnectionBase base) {
            base.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        }
        connection.close();
    }
}
