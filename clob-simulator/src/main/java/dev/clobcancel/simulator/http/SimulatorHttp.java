package dev.clobcancel.simulator.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/**
 * The simulator's HTTP API as an HTTP server's handlers: the exchange's endpoints, and the admin
 * API under {@code /_sim}. The one public door of this package; routers, routing contexts and
 * handlers stay inside it.
 *
 * <pre>{@code
 * vertx.createHttpServer(options)
 *         .requestHandler(SimulatorHttp.requestHandler(vertx, backend))
 *         .invalidRequestHandler(SimulatorHttp.invalidRequestHandler());
 * }</pre>
 */
public final class SimulatorHttp {

    /** Where the admin API is mounted: every path under it is the simulator's own, never the exchange's. */
    public static final String ADMIN_PATH = "/_sim";
    /** Answers 200 {@code {"status":"ok"}} once the simulator serves. */
    public static final String HEALTH_PATH = ADMIN_PATH + "/health";

    private SimulatorHttp() {
    }

    /** Every route of the simulator over {@code backend}; one per server, as each runs on its own event loop. */
    public static Handler<HttpServerRequest> requestHandler(Vertx vertx, SimulatorBackend backend) {
        return SimulatorRouter.create(vertx, backend);
    }

    /** Answers a request the HTTP decoder could not read with a JSON error, then closes the connection. */
    public static Handler<HttpServerRequest> invalidRequestHandler() {
        return new InvalidRequests();
    }
}
