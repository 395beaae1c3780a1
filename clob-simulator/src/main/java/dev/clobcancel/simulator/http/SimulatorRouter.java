package dev.clobcancel.simulator.http;

import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.faults.Faults;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** All of the simulator's routes on one router, with a JSON error for every way a request can fail. */
public final class SimulatorRouter {

    /** Far above any cancel the exchange accepts (3000 ids in a batch is about 200 KB). */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorRouter.class);

    private SimulatorRouter() {
    }

    public static Router create(Vertx vertx, Exchange exchange, Faults faults, Clock clock, Runnable reset) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        router.route().handler(new FaultHandler(faults));
        new ExchangeApi(exchange, clock).mount(router);
        new AdminApi(exchange, reset).mount(router);
        new FaultsApi(faults).mount(router);
        router.errorHandler(400, ctx -> Replies.error(ctx, 400, "bad request: " + describe(ctx)));
        router.errorHandler(404, ctx -> Replies.error(ctx, 404,
                "no such endpoint: " + ctx.request().method() + " " + ctx.request().path()));
        router.errorHandler(405, ctx -> Replies.error(ctx, 405,
                "method " + ctx.request().method() + " is not allowed on " + ctx.request().path()));
        router.errorHandler(413, ctx -> Replies.error(ctx, 413,
                "request body is larger than the limit of " + MAX_BODY_BYTES + " bytes"));
        router.errorHandler(500, ctx -> {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
            Replies.error(ctx, 500, "internal error in the simulator: " + describe(ctx));
        });
        return router;
    }

    private static String describe(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        return failure == null ? "status " + ctx.statusCode()
                : failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
}
