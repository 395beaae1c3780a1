package dev.clobcancel.simulator.http;

import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.OrderView;
import dev.clobcancel.simulator.exchange.RejectedException;
import dev.clobcancel.simulator.exchange.SimAccount;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reading the caller's orders ({@code GET /data/order/{id}}, {@code GET /data/orders}) as the
 * official clients read them. Placing them is {@link SignedOrderApi}'s.
 */
final class OrderDataApi {

    /** Orders per page of {@code GET /data/orders}. */
    static final int PAGE_SIZE = 100;
    /** The cursor the exchange gives after the last page: base64 of "-1". */
    static final String END_CURSOR = "LTE=";

    private final Exchange exchange;
    private final TradingGate gate;

    OrderDataApi(SimulatorBackend state, TradingGate gate) {
        this.exchange = state.exchange();
        this.gate = gate;
    }

    void mount(Router router) {
        router.get("/data/order/:id").handler(gate.guard(TradingGate.Kind.READ, this::getOrder));
        router.get("/data/orders").handler(gate.guard(TradingGate.Kind.READ, this::getOrders));
    }

    private void getOrder(RoutingContext ctx, SimAccount account, byte[] body) {
        String id = ctx.pathParam("id");
        OrderView order = exchange.order(id).filter(o -> o.owner().equals(account.apiKey()))
                .orElseThrow(() -> new RejectedException(404, "order " + id + " not found"));
        Replies.json(ctx, 200, openOrderJson(order, account));
    }

    private void getOrders(RoutingContext ctx, SimAccount account, byte[] body) {
        var query = ctx.queryParams();
        int offset = offset(query.get("next_cursor"));
        List<OrderView> live = exchange.liveOrders(account.apiKey(), query.get("id"), query.get("market"), query.get("asset_id"));
        Replies.json(ctx, 200, page(live, offset, order -> openOrderJson(order, account)));
    }

    /** One page of {@code all} from {@code offset}, as the exchange pages its listings: {limit, next_cursor, count, data}. */
    static <T> Map<String, Object> page(List<T> all, int offset, Function<T, Object> json) {
        List<Object> page = new ArrayList<>();
        for (T item : all.subList(Math.min(offset, all.size()), Math.min(offset + PAGE_SIZE, all.size()))) {
            page.add(json.apply(item));
        }
        int next = offset + PAGE_SIZE;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("limit", PAGE_SIZE);
        answer.put("next_cursor", next >= all.size() ? END_CURSOR : cursor(next));
        answer.put("count", page.size());
        answer.put("data", page);
        return answer;
    }

    /** An order as the exchange's {@code OpenOrder}. */
    static Map<String, Object> openOrderJson(OrderView order, SimAccount owner) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", order.id());
        json.put("status", order.status().name());
        json.put("owner", order.owner());
        json.put("maker_address", order.maker());
        json.put("market", order.market());
        json.put("asset_id", order.assetId());
        json.put("side", order.side().name());
        json.put("original_size", order.size().toPlainString());
        json.put("size_matched", order.sizeMatched().toPlainString());
        json.put("price", order.price().toPlainString());
        json.put("outcome", order.outcome());
        json.put("expiration", Long.toString(order.expiration()));
        json.put("order_type", order.orderType().name());
        json.put("associate_trades", order.tradeIds());
        json.put("created_at", order.createdAt());
        return json;
    }

    static int offset(String cursor) {
        if (cursor == null || cursor.isEmpty() || cursor.equals("MA==")) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(new String(Base64.getDecoder().decode(cursor), StandardCharsets.US_ASCII));
            if (offset < 0) {
                throw RejectedException.badRequest("next_cursor " + cursor + " is past the last page");
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw RejectedException.badRequest("next_cursor " + cursor + " is not a cursor this server gave");
        }
    }

    static String cursor(int offset) {
        return Base64.getEncoder().encodeToString(Integer.toString(offset).getBytes(StandardCharsets.US_ASCII));
    }
}
