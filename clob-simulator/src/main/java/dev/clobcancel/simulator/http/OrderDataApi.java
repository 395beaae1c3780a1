package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.simulator.core.SimulatorState;
import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.NewOrder;
import dev.clobcancel.simulator.exchange.OrderView;
import dev.clobcancel.simulator.exchange.RejectedException;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.simulator.exchange.SimAccount;
import dev.clobcancel.simulator.ratelimit.SignerLimiter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Placing an order ({@code POST /order}) and reading the caller's orders ({@code GET /data/order/{id}},
 * {@code GET /data/orders}), enough for the official clients' order calls to work against the
 * simulator. The order's EIP-712 signature is not checked: the simulator is about cancels.
 */
final class OrderDataApi {

    /** Orders per page of {@code GET /data/orders}. */
    static final int PAGE_SIZE = 100;
    /** The cursor the exchange gives after the last page: base64 of "-1". */
    static final String END_CURSOR = "LTE=";
    /** Amounts in an order are fixed-point with 6 decimals (USDC and outcome tokens alike). */
    private static final int AMOUNT_DECIMALS = 6;

    private final Exchange exchange;
    private final TradingGate gate;

    OrderDataApi(SimulatorState state, TradingGate gate) {
        this.exchange = state.exchange();
        this.gate = gate;
    }

    void mount(Router router) {
        router.post("/order").handler(gate.guard(TradingGate.Kind.NEW_ORDER, this::postOrder));
        router.get("/data/order/:id").handler(gate.guard(TradingGate.Kind.READ, this::getOrder));
        router.get("/data/orders").handler(gate.guard(TradingGate.Kind.READ, this::getOrders));
    }

    /**
     * The official clients' payload: {@code {"order": {"tokenId", "makerAmount", "takerAmount",
     * "side", ...}, "owner": apiKey, "orderType": "GTC"}}. A BUY gives {@code makerAmount} USDC for
     * {@code takerAmount} shares; a SELL the other way round.
     */
    private void postOrder(RoutingContext ctx, SimAccount account, byte[] body) {
        JsonNode json = ExchangeApi.readJson(body).filter(JsonNode::isObject).orElse(null);
        JsonNode order = json == null ? null : json.get("order");
        if (order == null || !order.isObject()) {
            Replies.error(ctx, 400, ExchangeApi.INVALID_PAYLOAD);
            return;
        }
        JsonNode owner = json.get("owner");
        if (owner != null && !account.apiKey().equals(owner.asText())) {
            Replies.error(ctx, 400, "the order's owner is not the API key of the request");
            return;
        }
        String tokenId = order.path("tokenId").asText(null);
        BigDecimal maker = amount(order.get("makerAmount"));
        BigDecimal taker = amount(order.get("takerAmount"));
        Side side = side(order.get("side"));
        if (tokenId == null || maker == null || taker == null || side == null || maker.signum() <= 0 || taker.signum() <= 0) {
            Replies.error(ctx, 400, ExchangeApi.INVALID_PAYLOAD);
            return;
        }
        String market = exchange.book(tokenId).map(book -> book.market())
                .orElseThrow(() -> RejectedException.badRequest("unknown tokenId " + tokenId + ": list its market first"));
        if (!gate.admit(ctx, account, SignerLimiter.Bucket.ORDER, 1)) {
            return;
        }
        BigDecimal shares = side == Side.BUY ? taker : maker;
        BigDecimal usdc = side == Side.BUY ? maker : taker;
        BigDecimal price = usdc.divide(shares, 4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        String id = exchange.place(List.of(new NewOrder(null, account.apiKey(), market, tokenId, side, price, shares))).get(0);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("errorMsg", "");
        answer.put("orderID", id);
        answer.put("transactionsHashes", List.of());
        answer.put("status", "live");
        answer.put("takingAmount", "");
        answer.put("makingAmount", "");
        Replies.json(ctx, 200, answer);
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
        List<Object> page = new ArrayList<>();
        for (OrderView order : live.subList(Math.min(offset, live.size()), Math.min(offset + PAGE_SIZE, live.size()))) {
            page.add(openOrderJson(order, account));
        }
        int next = offset + PAGE_SIZE;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("limit", PAGE_SIZE);
        answer.put("next_cursor", next >= live.size() ? END_CURSOR : cursor(next));
        answer.put("count", page.size());
        answer.put("data", page);
        Replies.json(ctx, 200, answer);
    }

    /** An order as the exchange's {@code OpenOrder}. */
    static Map<String, Object> openOrderJson(OrderView order, SimAccount owner) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", order.id());
        json.put("status", order.status().name());
        json.put("owner", order.owner());
        json.put("maker_address", owner.address().value());
        json.put("market", order.market());
        json.put("asset_id", order.assetId());
        json.put("side", order.side().name());
        json.put("original_size", order.size().toPlainString());
        json.put("size_matched", order.sizeMatched().toPlainString());
        json.put("price", order.price().toPlainString());
        json.put("outcome", "");
        json.put("expiration", "0");
        json.put("order_type", "GTC");
        json.put("associate_trades", List.of());
        json.put("created_at", order.createdAt());
        return json;
    }

    private static int offset(String cursor) {
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

    private static String cursor(int offset) {
        return Base64.getEncoder().encodeToString(Integer.toString(offset).getBytes(StandardCharsets.US_ASCII));
    }

    private static BigDecimal amount(JsonNode value) {
        if (value == null || !(value.isTextual() || value.isIntegralNumber())) {
            return null;
        }
        try {
            return new BigDecimal(value.asText()).movePointLeft(AMOUNT_DECIMALS);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "BUY"/"SELL" as the TypeScript client sends it, or 0/1 as the order's EIP-712 struct has it. */
    private static Side side(JsonNode value) {
        if (value == null) {
            return null;
        }
        return switch (value.asText()) {
            case "BUY", "0" -> Side.BUY;
            case "SELL", "1" -> Side.SELL;
            default -> null;
        };
    }
}
