package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import dev.clobcancel.simulator.exchange.ModeSwitch;
import dev.clobcancel.simulator.exchange.SimAccount;
import dev.clobcancel.simulator.ratelimit.SignerLimiter;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What every authenticated endpoint goes through first, in the exchange's order: the mode (an
 * outage answers before anything else), then L2 authentication, then the per-endpoint rate
 * limits. The per-signer buckets are charged by the endpoint itself ({@link #admit}), once it
 * has read its payload and knows the cost.
 */
final class TradingGate {

    /** What an endpoint does, which decides what each mode lets through. */
    enum Kind {
        /** Placing orders: refused in cancel-only, disabled and restarting, and in post-only unless post-only. */
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
    static final String POST_ONLY = "post-only mode: only post-only orders and cancels are allowed";
    /** The exchange's code of a post-only refusal (Polymarket/ts-sdk bindings, {@code PostOnlyResponseSchema}). */
    static final String POST_ONLY_CODE = "post_only_mode";
    /** The name the exchange's SDK gives cancel-only ({@code TradingRestrictionResponseType.CANCEL_ONLY}). */
    static final String CANCEL_ONLY_CODE = "cancel_only";
    static final String TOO_MANY_REQUESTS = "Too Many Requests";
    /** Names the failed check of a 401: the exchange never says, which costs its users hours. */
    static final String AUTH_FAILURE_HEADER = "X-Sim-Auth-Failure";
    static final String REMAINING_HEADER = "Poly-RateLimit-Remaining";
    static final String RESET_HEADER = "Poly-RateLimit-Reset";
    static final String TIER_HEADER = "Poly-RateLimit-Tier";
    static final String WARNING_HEADER = "Poly-RateLimit-Warning";


    private final SimulatorBackend state;
    private final L2Authenticator authenticator;

    TradingGate(SimulatorBackend state) {
        this.state = state;
        this.authenticator = new L2Authenticator(state.exchange(), state.clock(), state.authWindow());
    }

    Handler<RoutingContext> guard(Kind kind, Endpoint endpoint) {
        return Replies.guarded(ctx -> {
            if (refusedByMode(ctx, kind)) {
                return;
            }
            byte[] body = Replies.body(ctx);
            RequestOutcome outcome = RequestOutcome.of(ctx);
            outcome.apiKey(ctx.request().getHeader("POLY_API_KEY"));
            L2Authenticator.Outcome auth = authenticator.check(ctx.request().headers(), ctx.request().method().name(),
                    ctx.request().path(), body);
            if (!auth.passed()) {
                outcome.refusedAuthentication(auth.failure());
                Replies.explain(ctx, AUTH_FAILURE_HEADER, auth.failure());
                Replies.error(ctx, 401, INVALID_API_KEY);
                return;
            }
            outcome.authenticated();
            if (state.signerLimiter().enabled()) {
                SimAccount account = auth.account();
                ctx.addHeadersEndHandler(v -> rateLimitHeaders(ctx, outcome, account, kind));
            }
            Optional<Duration> wait = state.rateLimiter().acquire(auth.account().apiKey(), ctx.request().method().name(),
                    ctx.request().path());
            if (wait.isPresent()) {
                tooManyRequests(ctx, wait.get(), null, null);
                return;
            }
            endpoint.handle(ctx, auth.account(), body);
        });
    }

    private boolean refusedByMode(RoutingContext ctx, Kind kind) {
        ModeSwitch.State mode = state.modes().state();
        boolean refused = switch (mode.mode()) {
            case NORMAL -> false;
            case RESTARTING -> true;
            case DISABLED -> kind != Kind.READ;
            case CANCEL_ONLY -> kind == Kind.NEW_ORDER;
            case POST_ONLY -> kind == Kind.NEW_ORDER && !isPostOnly(Replies.body(ctx));
        };
        if (!refused) {
            return false;
        }
        Optional<Duration> wait = mode.retryAfter(state.clock().instant());
        switch (mode.mode()) {
            case RESTARTING -> refuse(ctx, 425, NOT_READY, null, wait);
            case DISABLED -> refuse(ctx, 503, DISABLED, null, wait);
            case CANCEL_ONLY -> refuse(ctx, 503, CANCEL_ONLY, CANCEL_ONLY_CODE, wait);
            default -> refuse(ctx, 503, POST_ONLY, POST_ONLY_CODE, wait);
        }
        return true;
    }

    /** What the mode reads of a posted order: whether it is post-only. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PostOnlyProbe(Object postOnly) {

        /** Read as leniently as the exchange's gate: true, "true" or a number other than 0. */
        boolean isPostOnly() {
            return postOnly instanceof Boolean flag ? flag
                    : postOnly instanceof String text ? text.trim().equals("true")
                    : postOnly instanceof Number number && number.intValue() != 0;
        }
    }

    private static final JavaType PROBES = WireJson.listOf(PostOnlyProbe.class);

    /** An order posted with {@code "postOnly": true}, or a batch ({@code POST /orders}) of nothing but post-only orders. */
    private static boolean isPostOnly(byte[] body) {
        try {
            if (WireJson.isArray(body)) {
                List<PostOnlyProbe> batch = WireJson.reader(PROBES).readValue(body);
                return !batch.isEmpty() && batch.stream().allMatch(probe -> probe != null && probe.isPostOnly());
            }
            PostOnlyProbe one = body.length == 0 ? null : WireJson.reader(PostOnlyProbe.class).readValue(body);
            return one != null && one.isPostOnly();
        } catch (IOException notOrders) {
            return false;
        }
    }

    /** A refusal by the mode or the rate limits: {@code code}, the wait, and the bucket's cost and burst only when known. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Refusal(String error, String code, @JsonProperty("retry_after_seconds") Long retryAfterSeconds, Long cost, Long burst) {
    }

    /**
     * A refusal by the mode: {@code {"error", "code"?, "retry_after_seconds"?}}, and
     * {@code Retry-After} whenever the wait is known.
     */
    private static void refuse(RoutingContext ctx, int status, String error, String code, Optional<Duration> wait) {
        Long seconds = wait.map(TradingGate::seconds).orElse(null);
        if (seconds != null) {
            ctx.response().putHeader("Retry-After", Long.toString(seconds));
        }
        Replies.json(ctx, status, new Refusal(error, code, seconds, null, null));
    }

    /** Whole seconds, rounded up, at least 1: a client told 0 would come straight back. */
    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /**
     * Charges {@code cost} tokens to the caller's {@code bucket} when the per-signer limits are
     * on; a request they refuse is answered 429 here, and the endpoint must then do nothing.
     *
     * @return whether the endpoint may go ahead
     */
    boolean admit(RoutingContext ctx, SimAccount account, SignerLimiter.Bucket bucket, long cost) {
        if (!state.signerLimiter().enabled()) {
            return true;
        }
        SignerLimiter.Verdict verdict = state.signerLimiter().take(signer(account), bucket, cost);
        RequestOutcome.of(ctx).charged(verdict);
        if (!verdict.admitted()) {
            tooManyRequests(ctx, verdict.retryAfter(), verdict.cost(), verdict.burst());
        }
        return verdict.admitted();
    }

    /** The second charge of an open-ended cancel ({@code 1 +} what it canceled), once the cancel is done. */
    void chargeAfter(RoutingContext ctx, SimAccount account, long cost) {
        if (state.signerLimiter().enabled()) {
            RequestOutcome.of(ctx).charged(state.signerLimiter().takeAfter(signer(account), SignerLimiter.Bucket.CANCEL, cost));
        }
    }

    /** Whether open-ended cancels are charged their whole cost before they run (a setting; the exchange charges after). */
    boolean chargesOpenEndedCostUpFront() {
        return state.signerLimiter().enabled()
                && state.signerLimiter().settings().openEndedCost() == SignerLimiter.OpenEndedCost.BEFORE;
    }

    /** The signer whose buckets a request draws from: the account's address, as on the exchange. */
    private static String signer(SimAccount account) {
        return account.address().value();
    }

    /**
     * {@code Poly-RateLimit-*} on every authenticated answer while the limits are on: the state of
     * the bucket the request drew from, or for an answer that drew from none (reads, heartbeats,
     * a request refused before its charge) the bucket its kind of endpoint draws from.
     */
    private void rateLimitHeaders(RoutingContext ctx, RequestOutcome outcome, SimAccount account, Kind kind) {
        SignerLimiter.Verdict verdict = outcome.charge();
        if (verdict == null) {
            SignerLimiter.Bucket bucket = kind == Kind.NEW_ORDER ? SignerLimiter.Bucket.ORDER : SignerLimiter.Bucket.CANCEL;
            verdict = state.signerLimiter().peek(signer(account), bucket);
        }
        ctx.response().putHeader(REMAINING_HEADER, Long.toString(verdict.remaining()));
        ctx.response().putHeader(RESET_HEADER, Long.toString(verdict.resetEpochSeconds()));
        ctx.response().putHeader(TIER_HEADER, WireNames.tier(verdict.tier()));
        if (verdict.warning()) {
            ctx.response().putHeader(WARNING_HEADER, "true");
        }
    }

    private static void tooManyRequests(RoutingContext ctx, Duration wait, Long cost, Long burst) {
        long seconds = seconds(wait);
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        Replies.json(ctx, 429, new Refusal(TOO_MANY_REQUESTS, null, seconds, cost, burst));
    }
}
