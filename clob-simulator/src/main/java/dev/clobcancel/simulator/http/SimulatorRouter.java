package dev.clobcancel.simulator.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All of the simulator's routes, with a JSON error for every way a request can fail. The admin
 * API is a sub-router mounted at {@code /_sim} ahead of everything else, so no admin request
 * reaches the journal or the fault handler; every other request is an exchange request, journaled
 * and open to faults.
 *
 * <pre>
 * body limit
 * /_sim/*  admin sub-router: health, heartbeat expiry, admin routes, then 404/405 of its own
 * heartbeat expiry, journal, faults
 * exchange routes, then 404/405
 * </pre>
 */
final class SimulatorRouter {

    /** Far above any cancel the exchange accepts (1000 ids in a batch is about 70 KB). */
    static final long MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorRouter.class);
    private static final Pattern PATH_PARAMETER = Pattern.compile(":\\w+");

    private SimulatorRouter() {
    }

    static Router create(Vertx vertx, SimulatorBackend state) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        // Whatever comes next sees the exchange after any heartbeat that lapsed by now.
        Handler<RoutingContext> expireHeartbeats = ctx -> {
            state.expireHeartbeats();
            ctx.next();
        };
        TradingGate gate = new TradingGate(state);
        HeartbeatApi heartbeats = new HeartbeatApi(state, gate);
        TradesApi trades = new TradesApi(state, gate);
        router.route(SimulatorHttp.ADMIN_PATH + "/*").subRouter(admin(vertx, state, expireHeartbeats, heartbeats, trades));
        router.route().handler(expireHeartbeats);
        router.route().handler(new JournalHandler(state.journal(), state.clock()));
        router.route().handler(new FaultHandler(state.faults()));
        new ExchangeApi(state, gate).mount(router);
        new OrderDataApi(state, gate).mount(router);
        trades.mount(router);
        heartbeats.mount(router);
        new AuthApi(state, gate).mount(router);
        new SignedOrderApi(state, gate).mount(router);
        new MarketReadApi(state).mount(router);
        router.route().failureHandler(SimulatorRouter::failed);
        router.errorHandler(404, SimulatorRouter::noSuchEndpoint);
        router.errorHandler(405, SimulatorRouter::methodNotAllowed);
        return router;
    }

    /** The admin API, its paths relative to {@code /_sim}. */
    private static Router admin(Vertx vertx, SimulatorBackend state, Handler<RoutingContext> expireHeartbeats,
                                HeartbeatApi heartbeats, TradesApi trades) {
        Router admin = Router.router(vertx);
        // Container health checks and wait strategies probe this; it answers as soon as the server serves.
        admin.get(SimulatorHttp.HEALTH_PATH.substring(SimulatorHttp.ADMIN_PATH.length()))
                .handler(ctx -> Replies.json(ctx, 200, Replies.Status.OK));
        admin.route().handler(expireHeartbeats);
        new AdminApi(state).mount(admin);
        new ControlApi(state).mount(admin);
        new FaultsApi(state.faults()).mount(admin);
        new ChannelsApi(state).mount(admin);
        heartbeats.mountAdmin(admin);
        trades.mountAdmin(admin);
        admin.route().handler(unmatched(admin));
        admin.route().failureHandler(SimulatorRouter::failed);
        return admin;
    }

    /**
     * What no admin route took ends here rather than falling through to the exchange's handlers
     * (a sub-router hands an unmatched request back to its parent): 405 when an admin route has
     * the path under another method, else 404, as the main router answers.
     */
    private static Handler<RoutingContext> unmatched(Router admin) {
        List<Pattern> paths = admin.getRoutes().stream()
                .filter(route -> route.getPath() != null && route.methods() != null)
                .map(route -> template(route.getPath()))
                .toList();
        return ctx -> {
            String path = ctx.normalizedPath().substring(SimulatorHttp.ADMIN_PATH.length());
            if (paths.stream().anyMatch(template -> template.matcher(path).matches())) {
                methodNotAllowed(ctx);
            } else {
                noSuchEndpoint(ctx);
            }
        };
    }

    /** A route's path as a pattern: {@code /faults/:id} matches {@code /faults/f1}. */
    private static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        Matcher parameters = PATH_PARAMETER.matcher(path);
        int from = 0;
        while (parameters.find()) {
            regex.append(Pattern.quote(path.substring(from, parameters.start()))).append("[^/]+");
            from = parameters.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(path.substring(from))).append("/?").toString());
    }

    private static void noSuchEndpoint(RoutingContext ctx) {
        Replies.error(ctx, 404, "no such endpoint: " + ctx.request().method() + " " + ctx.request().path());
    }

    private static void methodNotAllowed(RoutingContext ctx) {
        Replies.error(ctx, 405, "method " + ctx.request().method() + " is not allowed on " + ctx.request().path());
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
