package dev.clobcancel.simulator.http;

import dev.clobcancel.simulator.core.SimulatorState;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** All of the simulator's routes on one router, with a JSON error for every way a request can fail. */
public final class SimulatorRouter {

    /** Far above any cancel the exchange accepts (1000 ids in a batch is about 70 KB). */
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    /** Answers 200 {@code {"status":"ok"}} once the simulator serves. */
    public static final String HEALTH_PATH = "/_sim/health";

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorRouter.class);

    private SimulatorRouter() {
    }

    public static Router create(Vertx vertx, SimulatorState state) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        // Container health checks and wait strategies probe this; it answers as soon as the server serves.
        router.get(HEALTH_PATH).handler(ctx -> Replies.json(ctx, 200, Replies.Status.OK));
        router.route().handler(ctx -> {
            // Whatever comes next sees the exchange after any heartbeat that lapsed by now.
            state.expireHeartbeats();
            ctx.next();
        });
        router.route().handler(new JournalHandler(state.journal(), state.clock()));
        router.route().handler(new FaultHandler(state.faults()));
        TradingGate gate = new TradingGate(state);
        new ExchangeApi(state, gate).mount(router);
        new OrderDataApi(state, gate).mount(router);
        new TradesApi(state, gate).mount(router);
        new HeartbeatApi(state, gate).mount(router);
        new AuthApi(state, gate).mount(router);
        new SignedOrderApi(state, gate).mount(router);
        new MarketReadApi(state).mount(router);
        new AdminApi(state).mount(router);
        new ControlApi(state).mount(router);
        new FaultsApi(state.faults()).mount(router);
        new ChannelsApi(state).mount(router);
        router.route().failureHandler(SimulatorRouter::failed);
        router.errorHandler(404, ctx -> Replies.error(ctx, 404,
                "no such endpoint: " + ctx.request().method() + " " + ctx.request().path()));
        router.errorHandler(405, ctx -> Replies.error(ctx, 405,
                "method " + ctx.request().method() + " is not allowed on " + ctx.request().path()));
        return router;
    }

    /** Every failure of a handler becomes a JSON error; a client that went away gets nothing, and no alarm. */
    private static void failed(RoutingContext ctx) {
        if (ctx.failure() instanceof HttpClosedException || ctx.response().closed()) {
            LOG.debug("{} {}: the client closed the connection first", ctx.request().method(), ctx.request().path());
            return;
        }
        if (ctx.response().ended()) {
            return;
        }
        switch (ctx.statusCode()) {
            case 413 -> Replies.error(ctx, 413, "request body is larger than the limit of " + MAX_BODY_BYTES + " bytes");
            case 400 -> Replies.error(ctx, 400, "bad request: " + describe(ctx));
            default -> {
                LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
                Replies.error(ctx, 500, "internal error in the simulator: " + describe(ctx));
            }
        }
    }

    private static String describe(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        return failure == null ? "status " + ctx.statusCode()
                : failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
}
