package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.simulator.core.JsonFields;
import dev.clobcancel.simulator.core.ModelJson;
import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.MarketSpec;
import dev.clobcancel.simulator.exchange.OrderView;
import dev.clobcancel.simulator.exchange.RejectedException;
import dev.clobcancel.simulator.exchange.SimAccount;
import dev.clobcancel.simulator.ratelimit.Tier;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The admin API's scene-setting half under {@code /_sim}: accounts, markets, orders, reset, seed. */
final class AdminApi {

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
                Replies.json(ctx, 201, Map.of("ids", exchange.place(ModelJson.orders(JsonFields.parse(Replies.body(ctx))))))));
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
        JsonNode json = JsonFields.parse(Replies.body(ctx));
        SimAccount account = ModelJson.account(json, "");
        String tier = JsonFields.optionalText(json, "tier", "");
        Tier checked = tier == null ? Tier.STANDARD : Tier.fromJson(tier);
        exchange.addAccount(account);
        state.signerLimiter().setTier(account.address().value(), checked);
        Replies.json(ctx, 201, accountJson(account));
    }

    /** {@code {"tier": "gold"}}: the tier of the account's signer, so of every account of that address. */
    private void setTier(RoutingContext ctx) {
        String apiKey = ctx.pathParam("apiKey");
        SimAccount account = exchange.account(apiKey).orElseThrow(() -> new RejectedException(404, "no account with apiKey " + apiKey));
        JsonNode json = JsonFields.object(JsonFields.parse(Replies.body(ctx)), "a tier");
        state.signerLimiter().setTier(account.address().value(), Tier.fromJson(JsonFields.requiredText(json, "tier", "")));
        Replies.json(ctx, 200, accountJson(account));
    }

    private Map<String, Object> accountJson(SimAccount account) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("apiKey", account.apiKey());
        answer.put("address", account.address().value());
        answer.put("tier", state.signerLimiter().tier(account.address().value()).jsonName());
        return answer;
    }

    private void addMarket(RoutingContext ctx) {
        MarketSpec market = ModelJson.market(JsonFields.parse(Replies.body(ctx)), "");
        exchange.addMarket(market);
        Replies.json(ctx, 201, marketJson(exchange.market(market.conditionId()).orElseThrow()));
    }

    private List<Map<String, Object>> marketsJson() {
        List<Map<String, Object>> out = new ArrayList<>();
        exchange.marketSpecs().stream().sorted(Comparator.comparing(MarketSpec::conditionId)).forEach(m -> out.add(marketJson(m)));
        return out;
    }

    /** A market as the admin API shows it: what {@code POST /_sim/markets} takes, every setting filled in. */
    private static Map<String, Object> marketJson(MarketSpec market) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("market", market.conditionId());
        json.put("assets", market.tokenIds());
        json.put("outcomes", market.tokens().stream().map(MarketSpec.Token::outcome).toList());
        json.put("tickSize", market.tickSize().toPlainString());
        json.put("negRisk", market.negRisk());
        json.put("minOrderSize", market.minOrderSize().toPlainString());
        json.put("takerDelayMs", market.takerDelay().toMillis());
        return json;
    }

    /**
     * {@code {"pUSD": "100", "<tokenId>": "25"}}: sets each named balance; null makes one unlimited
     * again. All are checked before any is set.
     */
    private void setBalances(RoutingContext ctx) {
        String apiKey = ctx.pathParam("apiKey");
        JsonNode json = JsonFields.object(JsonFields.parse(Replies.body(ctx)), "balances by asset");
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        json.fieldNames().forEachRemaining(asset -> {
            JsonNode value = json.get(asset);
            amounts.put(asset, value.isNull() ? null : JsonFields.optionalDecimal(json, asset, ""));
        });
        if (amounts.isEmpty()) {
            throw RejectedException.badRequest("name at least one asset: pUSD or a token id, with its balance");
        }
        exchange.setBalances(apiKey, amounts);
        Replies.json(ctx, 200, balancesJson(apiKey));
    }

    private Map<String, Object> balancesJson(String apiKey) {
        Map<String, Object> json = new LinkedHashMap<>();
        exchange.balances(apiKey).entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            Map<String, Object> balance = new LinkedHashMap<>();
            balance.put("balance", entry.getValue().balance().toPlainString());
            balance.put("held", entry.getValue().held().toPlainString());
            balance.put("available", entry.getValue().available().toPlainString());
            json.put(entry.getKey(), balance);
        });
        return json;
    }

    private void getOrder(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        OrderView order = exchange.order(id).orElseThrow(() -> new RejectedException(404, "no order " + id));
        Replies.json(ctx, 200, orderJson(order));
    }

    private void matchOrder(RoutingContext ctx) {
        byte[] body = Replies.body(ctx);
        JsonNode json = body.length == 0 ? Replies.JSON.createObjectNode() : JsonFields.object(JsonFields.parse(body), "a match");
        Replies.json(ctx, 200, orderJson(exchange.match(ctx.pathParam("id"), JsonFields.optionalDecimal(json, "size", ""))));
    }

    private void reseed(RoutingContext ctx) {
        JsonNode json = JsonFields.object(JsonFields.parse(Replies.body(ctx)), "a seed");
        JsonNode seed = json.get("seed");
        if (seed == null || !seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw RejectedException.badRequest("seed must be a whole number");
        }
        state.reseed(seed.longValue());
        ctx.response().setStatusCode(204).end();
    }

    static Map<String, Object> orderJson(OrderView order) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", order.id());
        json.put("owner", order.owner());
        json.put("market", order.market());
        json.put("assetId", order.assetId());
        json.put("side", order.side().name());
        json.put("price", order.price().toPlainString());
        json.put("size", order.size().toPlainString());
        json.put("sizeMatched", order.sizeMatched().toPlainString());
        json.put("status", order.status().name());
        return json;
    }
}
