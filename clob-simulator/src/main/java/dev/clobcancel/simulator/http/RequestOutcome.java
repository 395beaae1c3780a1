package dev.clobcancel.simulator.http;

import dev.clobcancel.simulator.faults.FaultAction;
import dev.clobcancel.simulator.ratelimit.SignerLimiter;
import io.vertx.ext.web.RoutingContext;

/**
 * What became of one request to the exchange's endpoints beyond its status: the API key it
 * named, how its authentication went, the fault played on it, and the last per-signer charge (the
 * one its {@code Poly-RateLimit-*} headers report). One object per request, made as the request
 * comes in ({@link #of}); the trading gate, the L1 endpoints and the fault handler fill it in, and
 * the journal reads it when the request ends. Touched only on the request's event loop.
 */
final class RequestOutcome {

    /** The one context key of the simulator: its value is this typed object. */
    private static final String KEY = RequestOutcome.class.getName();
    private static final String PASSED = "ok";
    private static final String NO_AUTHENTICATION = "none";

    private String apiKey;
    private String auth;
    private FaultAction fault;
    private SignerLimiter.Verdict charge;

    private RequestOutcome() {
    }

    /** The request's outcome, made on first use. */
    static RequestOutcome of(RoutingContext ctx) {
        RequestOutcome outcome = ctx.get(KEY);
        if (outcome == null) {
            outcome = new RequestOutcome();
            ctx.put(KEY, outcome);
        }
        return outcome;
    }

    /** The API key the request named in {@code POLY_API_KEY}, or the one an L1 endpoint issued it. */
    void apiKey(String key) {
        this.apiKey = key;
    }

    void authenticated() {
        this.auth = PASSED;
    }

    /** @param check the check that failed, in words ({@code X-Sim-Auth-Failure} says the same) */
    void refusedAuthentication(String check) {
        this.auth = check;
    }

    /** A fault rule played {@code action} on the request, instead of or before its answer. */
    void faulted(FaultAction action) {
        this.fault = action;
    }

    /** The request's latest charge to its signer's bucket. */
    void charged(SignerLimiter.Verdict verdict) {
        this.charge = verdict;
    }

    /** The API key named or issued, or null. */
    String apiKey() {
        return apiKey;
    }

    /** {@code ok}, the check that failed, or {@code none} for an endpoint without authentication. */
    String auth() {
        return auth == null ? NO_AUTHENTICATION : auth;
    }

    /** The fault played, or null. */
    FaultAction fault() {
        return fault;
    }

    /** The latest per-signer charge, or null when the request drew from no bucket. */
    SignerLimiter.Verdict charge() {
        return charge;
    }
}
