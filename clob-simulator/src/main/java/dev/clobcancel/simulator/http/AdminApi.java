package dev.clobcancel.simulator.http;

import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.MarketSpec;
import dev.clobcancel.simulator.exchange.OrderView;
import dev.clobcancel.simulator.exchange.SimAccount;
import dev.clobcancel.simulator.ratelimit.Tier;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The admin API's scene-setting half under {@code /_sim}: accounts, markets, orders, reset, seed. */
final class AdminApi {

    /** An account as the admin API shows it: never its secrets. */
    record AccountAnswer(String apiKey, String address, String tier) {
    }

    /** A market as the admin API shows it: what {@code POST /_sim/markets} takes, every setting filled in. */
    record MarketAnswer(String market, List<String> assets, List<String> outcomes, String tickSize, boolean negRisk,
                        String minOrderSize, long takerDelayMs) {

        static MarketAnswer of(MarketSpec market) {
            return new MarketAnswer(market.conditionId(), market.tokenIds(), market.tokens().stream().map(MarketSpec.Token::outcome).toList(),
                    market.tickSize().toPlainString(), market.negRisk(), market.minOrderSize().toPlainString(), market.takerDelay().toMillis());
        }
    }

    /** The ids of the orders placed, in order. */
    record Placed(List<String> ids) {
    }

    /** A set balance, what live orders hold of it, and the rest. */
    record BalanceAnswer(String balance, String held, String available) {
    }

    /** An order as the admin API shows it. */
    record OrderAnswer(String id, String owner, String market, String assetId, String side, String price, String size,
                       String sizeMatched, String status) {

        static OrderAnswer of(OrderView order) {
            return new OrderAnswer(order.id(), order.owner(), order.market(), order.assetId(), WireNames.side(order.side()),
                    order.price().toPlainString(), order.size().toPlainString(), order.sizeMatched().toPlainString(),
                    WireNames.status(order.status()));
        }
    }

    /** {@code {"size": "2.5"}}: how much to fill; all that is left when absent. */
    record MatchBody(BigDecimal size) {
        static final MatchBody ALL = new MatchBody(null);
    }

    /** {@code {"seed": 42}}. */
    record SeedBody(Long seed) {
    }

    private final SimulatorBackend state;
    private final Exchange exchange;

    AdminApi(SimulatorBackend state) {
        this.state = state;
        this.exchange = state.exchange();
    }

    /** On the admin sub-router: the paths are under {@code /_sim}. */
    void mount(Router router) {
        router.post("/accounts").handler(Replies.guarded(this::addAccount));
        router.put("/accounts/:apiKey/tier").handler(Replies.guarded(this::setTier));
        router.put("/accounts/:apiKey/balances").handler(Replies.guarded(this::setBalances));
        router.get("/accounts/:apiKey/balances").handler(Replies.guarded(ctx ->
                Replies.json(ctx, 200, balancesJson(ctx.pathParam("apiKey")))));
        router.post("/markets").handler(Replies.guarded(this::addMarket));
        router.get("/markets").handler(Replies.guarded(ctx -> Replies.json(ctx, 200, marketsJson())));
        router.post("/orders").handler(Replies.guarded(ctx ->
                Replies.json(ctx, 201, new Placed(exchange.place(AdminBodies.orders(Replies.body(ctx)))))));
        router.get("/orders/:id").handler(Replies.guarded(this::getOrder));
        router.post("/orders/:id/match").handler(Replies.guarded(this::matchOrder));
        router.post("/reset").handler(Replies.guarded(ctx -> {
            state.reset();
            ctx.response().setStatusCode(204).end();
        }));
        router.post("/seed").handler(Replies.guarded(this::reseed));
    }

    /** An account, in the {@code tier} given ({@code standard} when absent): the tier is checked before the account is added. */
    private void addAccount(RoutingContext ctx) {
        AdminBodies.AccountBody body = WireJson.read(Replies.body(ctx), AdminBodies.AccountBody.class);
        SimAccount account = body.account("");
        Tier checked = body.checkedTier();
        exchange.addAccount(account);
        state.signerLimiter().setTier(account.address().value(), checked);
        Replies.json(ctx, 201, accountJson(account));
    }

    /** {@code {"tier": "gold"}}: the tier of the account's signer, so of every account of that address. */
    private void setTier(RoutingContext ctx) {
        SimAccount account = account(ctx.pathParam("apiKey"));
        Tier tier = WireJson.read(Replies.body(ctx), AdminBodies.TierBody.class).checkedTier();
        state.signerLimiter().setTier(account.address().value(), tier);
        Replies.json(ctx, 200, accountJson(account));
    }

    private SimAccount account(String apiKey) {
        return exchange.account(apiKey).orElseThrow(() -> RequestRefused.notFound("no account with apiKey " + apiKey));
    }

    private AccountAnswer accountJson(SimAccount account) {
        return new AccountAnswer(account.apiKey(), account.address().value(),
                WireNames.tier(state.signerLimiter().tier(account.address().value())));
    }

    private void addMarket(RoutingContext ctx) {
        MarketSpec market = WireJson.read(Replies.body(ctx), AdminBodies.MarketBody.class).spec("");
        exchange.addMarket(market);
        Replies.json(ctx, 201, MarketAnswer.of(exchange.market(market.conditionId()).orElseThrow()));
    }

    private List<MarketAnswer> marketsJson() {
        return exchange.marketSpecs().stream().sorted(Comparator.comparing(MarketSpec::conditionId)).map(MarketAnswer::of).toList();
    }

    /**
     * {@code {"pUSD": "100", "<tokenId>": "25"}}: sets each named balance; null makes one unlimited
     * again. All are checked before any is set.
     */
    private void setBalances(RoutingContext ctx) {
        String apiKey = ctx.pathParam("apiKey");
        Map<String, BigDecimal> amounts = WireJson.read(Replies.body(ctx), BalancesBody.class);
        if (amounts.isEmpty()) {
            throw RequestRefused.badRequest("name at least one asset: pUSD or a token id, with its balance");
        }
        exchange.setBalances(apiKey, amounts);
        Replies.json(ctx, 200, balancesJson(apiKey));
    }

    /** Balances by asset: a JSON object whose field names are the assets. */
    static final class BalancesBody extends java.util.LinkedHashMap<String, BigDecimal> {
    }

    private Map<String, BalanceAnswer> balancesJson(String apiKey) {
        Map<String, BalanceAnswer> json = new TreeMap<>();
        exchange.balances(apiKey).forEach((asset, balance) -> json.put(asset, new BalanceAnswer(balance.balance().toPlainString(),
                balance.held().toPlainString(), balance.available().toPlainString())));
        return json;
    }

    private void getOrder(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        OrderView order = exchange.order(id).orElseThrow(() -> RequestRefused.notFound("no order " + id));
        Replies.json(ctx, 200, OrderAnswer.of(order));
    }

    private void matchOrder(RoutingContext ctx) {
        byte[] body = Replies.body(ctx);
        MatchBody match = body.length == 0 ? MatchBody.ALL : WireJson.read(body, MatchBody.class);
        Replies.json(ctx, 200, OrderAnswer.of(exchange.match(ctx.pathParam("id"), match.size())));
    }

    private void reseed(RoutingContext ctx) {
        SeedBody body = WireJson.read(Replies.body(ctx), SeedBody.class);
        if (body.seed() == null) {
            throw RequestRefused.badRequest("seed must be a whole number");
        }
        state.reseed(body.seed());
        ctx.response().setStatusCode(204).end();
    }
}
