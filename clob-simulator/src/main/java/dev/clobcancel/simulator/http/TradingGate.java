package dev.clobcancel.simulator.http;

import dev.clobcancel.simulator.core.SimulatorState;
import dev.clobcancel.simulator.exchange.ExchangeMode;
import dev.clobcancel.simulator.exchange.SimAccount;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What every authenticated endpoint goes through first, in the exchange's order: the mode (an
 * outage answers before anything else), then L2 authentication, then the rate limit.
 */
final class TradingGate {

    /** What an endpoint does, which decides what each mode lets through. */
    enum Kind {
        /** Placing orders: refused in cancel-only, disabled and restarting. */
        NEW_ORDER,
        /** Cancels: refused when disabled or restarting. */
        CANCEL,
        /** Heartbeats: refused, as cancels are, when disabled or restarting; no per-signer bucket. */
        HEARTBEAT,
        /** Reading the caller's orders: refused while restarting. */
        READ
    }

    /** The handler of an endpoint, given the authenticated account and the raw body. */
    @FunctionalInterface
    interface Endpoint {
        void handle(RoutingContext ctx, SimAccount account, byte[] body);
    }

    static final String INVALID_API_KEY = "Invalid API key";
    static final String CANCEL_ONLY = "Trading is currently cancel-only. New orders are not accepted, but cancels are allowed.";
    static final String DISABLED = "Trading is currently disabled. Check polymarket.com for updates";
    static final String NOT_READY = "service not ready";
    static final String TOO_MANY_REQUESTS = "Too Many Requests";
    /** Names the failed check of a 401: the exchange never says, which costs its users hours. */
    static final String AUTH_FAILURE_HEADER = "X-Sim-Auth-Failure";
    /** Context keys the journal reads. */
    static final String AUTH_KEY = "sim.auth";
    static final String API_KEY_KEY = "sim.apiKey";

    private static final Pattern NOT_HEADER_SAFE = Pattern.compile("[^\\x20-\\x7e]");

    private final SimulatorState state;
    private final L2Authenticator authenticator;

    TradingGate(SimulatorState state) {
        this.state = state;
        this.authenticator = new L2Authenticator(state.exchange(), state.clock(), state.authWindow());
    }

    Handler<RoutingContext> guard(Kind kind, Endpoint endpoint) {
        return Replies.guarded(ctx -> {
            if (refusedByMode(ctx, kind)) {
                return;
            }
            byte[] body = Replies.body(ctx);
            ctx.put(API_KEY_KEY, ctx.request().getHeader("POLY_API_KEY"));
            L2Authenticator.Outcome auth = authenticator.check(ctx.request().headers(), ctx.request().method().name(),
                    ctx.request().path(), body);
            ctx.put(AUTH_KEY, auth.passed() ? "ok" : auth.failure());
            if (!auth.passed()) {
                ctx.response().putHeader(AUTH_FAILURE_HEADER, NOT_HEADER_SAFE.matcher(auth.failure()).replaceAll("?"));
                Replies.error(ctx, 401, INVALID_API_KEY);
                return;
            }
            Optional<Duration> wait = state.rateLimiter().acquire(auth.account().apiKey(), ctx.request().method().name(),
                    ctx.request().path());
            if (wait.isPresent()) {
                tooManyRequests(ctx, wait.get());
                return;
            }
            endpoint.handle(ctx, auth.account(), body);
        });
    }

    private boolean refusedByMode(RoutingContext ctx, Kind kind) {
        ExchangeMode mode = state.modes().mode();
        if (mode == ExchangeMode.RESTARTING) {
            Replies.error(ctx, 425, NOT_READY);
            return true;
        }
        if (mode == ExchangeMode.DISABLED && kind != Kind.READ) {
            Replies.error(ctx, 503, DISABLED);
            return true;
        }
        if (mode == ExchangeMode.CANCEL_ONLY && kind == Kind.NEW_ORDER) {
            Replies.error(ctx, 503, CANCEL_ONLY);
            return true;
        }
        return false;
    }

    private static void tooManyRequests(RoutingContext ctx, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("error", TOO_MANY_REQUESTS);
        answer.put("retry_after_seconds", seconds);
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        Replies.json(ctx, 429, answer);
    }
}
