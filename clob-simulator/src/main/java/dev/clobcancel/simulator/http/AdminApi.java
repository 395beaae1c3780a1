package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.simulator.core.JsonFields;
import dev.clobcancel.simulator.core.ModelJson;
import dev.clobcancel.simulator.core.SimulatorState;
import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.OrderView;
import dev.clobcancel.simulator.exchange.RejectedException;
import dev.clobcancel.simulator.exchange.SimAccount;
import dev.clobcancel.simulator.ratelimit.Tier;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The admin API's scene-setting half under {@code /_sim}: accounts, markets, orders, reset, seed. */
final class AdminApi {

    private final SimulatorState state;
    private final Exchange exchange;

    AdminApi(SimulatorState state) {
        this.state = state;
        this.exchange = state.exchange();
    }

    void mount(Router router) {
        router.post("/_sim/accounts").handler(Replies.guarded(this::addAccount));
        router.put("/_sim/accounts/:apiKey/tier").handler(Replies.guarded(this::setTier));
        router.post("/_sim/markets").handler(Replies.guarded(this::addMarket));
        router.get("/_sim/markets").handler(Replies.guarded(ctx -> Replies.json(ctx, 200, marketsJson())));
        router.post("/_sim/orders").handler(Replies.guarded(ctx ->
                Replies.json(ctx, 201, Map.of("ids", exchange.place(ModelJson.orders(JsonFields.parse(Replies.body(ctx))))))));
        router.get("/_sim/orders/:id").handler(Replies.guarded(this::getOrder));
        router.post("/_sim/orders/:id/match").handler(Replies.guarded(this::matchOrder));
        router.post("/_sim/reset").handler(Replies.guarded(ctx -> {
            state.reset();
            ctx.response().setStatusCode(204).end();
        }));
        router.post("/_sim/seed").handler(Replies.guarded(this::reseed));
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
        Map.Entry<String, List<String>> market = ModelJson.market(JsonFields.parse(Replies.body(ctx)), "");
        exchange.addMarket(market.getKey(), market.getValue());
        Replies.json(ctx, 201, marketJson(market.getKey(), market.getValue()));
    }

    private List<Map<String, Object>> marketsJson() {
        List<Map<String, Object>> out = new ArrayList<>();
        exchange.markets().forEach((market, assets) -> out.add(marketJson(market, assets)));
        return out;
    }

    private static Map<String, Object> marketJson(String market, List<String> assets) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("market", market);
        json.put("assets", assets);
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
