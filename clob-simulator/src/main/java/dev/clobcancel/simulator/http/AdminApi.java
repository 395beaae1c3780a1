package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.NewOrder;
import dev.clobcancel.simulator.exchange.OrderView;
import dev.clobcancel.simulator.exchange.RejectedException;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.simulator.exchange.SimAccount;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The admin API under {@code /_sim}: JSON in and out, for tests to set the scene and look at it. */
final class AdminApi {

    private final Exchange exchange;
    private final Runnable reset;

    AdminApi(Exchange exchange, Runnable reset) {
        this.exchange = exchange;
        this.reset = reset;
    }

    void mount(Router router) {
        router.post("/_sim/accounts").handler(Replies.guarded(this::addAccount));
        router.post("/_sim/orders").handler(Replies.guarded(this::placeOrders));
        router.get("/_sim/orders/:id").handler(Replies.guarded(this::getOrder));
        router.post("/_sim/orders/:id/match").handler(Replies.guarded(this::matchOrder));
        router.post("/_sim/reset").handler(Replies.guarded(ctx -> {
            reset.run();
            ctx.response().setStatusCode(204).end();
        }));
    }

    private void addAccount(RoutingContext ctx) {
        JsonNode json = JsonFields.object(JsonFields.parse(bytes(ctx)), "an account");
        ApiCredentials credentials;
        Address address;
        SimAccount account;
        try {
            credentials = new ApiCredentials(JsonFields.requiredText(json, "apiKey", ""),
                    JsonFields.requiredText(json, "secret", ""), JsonFields.requiredText(json, "passphrase", ""));
            address = Address.of(JsonFields.requiredText(json, "address", ""));
            account = SimAccount.of(credentials, address);
        } catch (IllegalArgumentException e) {
            throw RejectedException.badRequest(e.getMessage());
        }
        exchange.addAccount(account);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("apiKey", account.apiKey());
        answer.put("address", account.address().value());
        Replies.json(ctx, 201, answer);
    }

    private void placeOrders(RoutingContext ctx) {
        JsonNode json = JsonFields.parse(bytes(ctx));
        List<NewOrder> orders = new ArrayList<>();
        if (json.isArray()) {
            if (json.isEmpty()) {
                throw RejectedException.badRequest("the array of orders is empty");
            }
            for (int i = 0; i < json.size(); i++) {
                orders.add(newOrder(JsonFields.object(json.get(i), "order " + i), "order " + i + ": "));
            }
        } else {
            orders.add(newOrder(JsonFields.object(json, "an order or an array of orders"), ""));
        }
        Replies.json(ctx, 201, Map.of("ids", exchange.place(orders)));
    }

    private static NewOrder newOrder(JsonNode json, String where) {
        String side = JsonFields.requiredText(json, "side", where);
        if (!side.equals("BUY") && !side.equals("SELL")) {
            throw RejectedException.badRequest(where + "side must be BUY or SELL, not " + side);
        }
        return new NewOrder(JsonFields.optionalText(json, "id", where), JsonFields.requiredText(json, "owner", where),
                JsonFields.requiredText(json, "market", where), JsonFields.requiredText(json, "assetId", where),
                Side.valueOf(side), JsonFields.optionalDecimal(json, "price", where), JsonFields.optionalDecimal(json, "size", where));
    }

    private void getOrder(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        OrderView order = exchange.order(id).orElseThrow(() -> new RejectedException(404, "no order " + id));
        Replies.json(ctx, 200, orderJson(order));
    }

    private void matchOrder(RoutingContext ctx) {
        byte[] body = bytes(ctx);
        JsonNode json = body.length == 0 ? Replies.JSON.createObjectNode() : JsonFields.object(JsonFields.parse(body), "a match");
        Replies.json(ctx, 200, orderJson(exchange.match(ctx.pathParam("id"), JsonFields.optionalDecimal(json, "size", ""))));
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

    private static byte[] bytes(RoutingContext ctx) {
        return ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    }
}
