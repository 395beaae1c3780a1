package dev.clobcancel.simulator.http;

import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.AlreadyExistsException;
import dev.clobcancel.simulator.exchange.SimAccount;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * API keys as the exchange hands them out: {@code POST /auth/api-key} (a new key) and
 * {@code GET /auth/derive-api-key} (the key of the address and nonce) with L1 headers;
 * {@code GET /auth/api-keys} and {@code DELETE /auth/api-key} with L2 headers. A key made here is
 * an account of the simulator like one made through the admin API.
 */
final class AuthApi {

    /** A key as the exchange hands it out; this answer alone carries the secrets. */
    record Credentials(String apiKey, String secret, String passphrase) {
    }

    /** The keys of the caller's address. */
    record ApiKeys(List<String> apiKeys) {
    }


    private final SimulatorBackend state;
    private final Exchange exchange;
    private final TradingGate gate;
    private final L1Authenticator l1;

    AuthApi(SimulatorBackend state, TradingGate gate) {
        this.state = state;
        this.exchange = state.exchange();
        this.gate = gate;
        this.l1 = new L1Authenticator(state.clock(), state.authWindow(), () -> state.chain().chainId());
    }

    void mount(Router router) {
        router.post("/auth/api-key").handler(Replies.guarded(ctx -> withL1(ctx, this::create)));
        router.get("/auth/derive-api-key").handler(Replies.guarded(ctx -> withL1(ctx, this::derive)));
        router.get("/auth/api-keys").handler(gate.guard(TradingGate.Kind.READ, this::list));
        router.delete("/auth/api-key").handler(gate.guard(TradingGate.Kind.READ, this::delete));
    }

    @FunctionalInterface
    private interface L1Endpoint {
        void handle(RoutingContext ctx, L1Authenticator.Outcome auth);
    }

    private void withL1(RoutingContext ctx, L1Endpoint endpoint) {
        L1Authenticator.Outcome auth = l1.check(ctx.request().headers());
        if (!auth.passed()) {
            RequestOutcome.of(ctx).refusedAuthentication(auth.failure());
            Replies.explain(ctx, TradingGate.AUTH_FAILURE_HEADER, auth.failure());
            Replies.error(ctx, 401, L1Authenticator.INVALID_L1_HEADERS);
            return;
        }
        RequestOutcome.of(ctx).authenticated();
        endpoint.handle(ctx, auth);
    }

    private void create(RoutingContext ctx, L1Authenticator.Outcome auth) {
        answer(ctx, register(state.apiKeys().create(), auth.address()));
    }

    private void derive(RoutingContext ctx, L1Authenticator.Outcome auth) {
        ApiCredentials derived = state.apiKeys().derive(auth.address(), auth.nonce());
        SimAccount known = exchange.account(derived.apiKey()).orElse(null);
        answer(ctx, known != null ? known : register(derived, auth.address()));
    }

    /** Adds the key as an account; a derive racing another for the same key finds it there. */
    private SimAccount register(ApiCredentials credentials, String address) {
        try {
            SimAccount account = SimAccount.of(credentials, Address.of(address));
            exchange.addAccount(account);
            return account;
        } catch (AlreadyExistsException taken) {
            return exchange.account(credentials.apiKey())
                    .orElseThrow(() -> RequestRefused.badRequest("Could not create api key"));
        }
    }

    /** {@code {"apiKey", "secret", "passphrase"}}; the journal records requests only, so never these. */
    private static void answer(RoutingContext ctx, SimAccount account) {
        RequestOutcome.of(ctx).apiKey(account.apiKey());
        Replies.json(ctx, 200, new Credentials(account.apiKey(), account.credentials().secret(), account.credentials().passphrase()));
    }

    /** {@code {"apiKeys": [...]}}: the keys of the caller's address, as the exchange lists them. */
    private void list(RoutingContext ctx, SimAccount account, byte[] body) {
        List<String> keys = exchange.accountsOf(account.address().value()).stream().map(SimAccount::apiKey).toList();
        Replies.json(ctx, 200, new ApiKeys(keys));
    }

    /** Removes the calling key (its live orders are canceled); answers {@code "OK"}. */
    private void delete(RoutingContext ctx, SimAccount account, byte[] body) {
        exchange.removeAccount(account.apiKey());
        Replies.json(ctx, 200, "OK");
    }
}
