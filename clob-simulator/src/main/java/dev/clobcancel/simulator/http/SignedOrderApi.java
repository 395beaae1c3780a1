package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.simulator.core.SimulatorState;
import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.NewOrder;
import dev.clobcancel.simulator.exchange.RejectedException;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.simulator.exchange.SimAccount;
import dev.clobcancel.simulator.orders.CheckedOrder;
import dev.clobcancel.simulator.orders.MarketTerms;
import dev.clobcancel.simulator.orders.OrderCheck;
import dev.clobcancel.simulator.orders.OrderPayload;
import dev.clobcancel.simulator.orders.OrderRefusedException;
import dev.clobcancel.simulator.orders.PostedOrder;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Placing signed orders: {@code POST /order} and {@code POST /orders} (at most {@value #MAX_BATCH})
 * with the V2 body of the official clients, each order checked ({@link OrderCheck}) and then
 * submitted to the exchange under its EIP-712 hash as its id. A refused single order is a 400
 * {@code {"error": ...}} with the exchange's words and {@code X-Sim-Refusal} naming the check; in a
 * batch, each order's refusal is its element of the 200 array ({@code success: false, errorMsg}),
 * while a body that is not an array of readable orders is refused whole.
 */
final class SignedOrderApi {

    /** The most orders {@code POST /orders} takes, as on the exchange. */
    static final int MAX_BATCH = 15;
    /** Names the failed check of a refused order: the exchange's words rarely do. */
    static final String REFUSAL_HEADER = "X-Sim-Refusal";

    private static final Pattern NOT_HEADER_SAFE = Pattern.compile("[^\\x20-\\x7e]");

    private final SimulatorState state;
    private final Exchange exchange;
    private final TradingGate gate;

    SignedOrderApi(SimulatorState state, TradingGate gate) {
        this.state = state;
        this.exchange = state.exchange();
        this.gate = gate;
    }

    void mount(Router router) {
        router.post("/order").handler(gate.guard(TradingGate.Kind.NEW_ORDER, this::postOrder));
        router.post("/orders").handler(gate.guard(TradingGate.Kind.NEW_ORDER, this::postOrders));
    }

    private void postOrder(RoutingContext ctx, SimAccount account, byte[] body) {
        try {
            PostedOrder posted = OrderPayload.read(ExchangeApi.readJson(body).orElse(null));
            Replies.json(ctx, 200, answer(place(posted, account)));
        } catch (OrderRefusedException e) {
            ctx.response().putHeader(REFUSAL_HEADER, NOT_HEADER_SAFE.matcher(e.detail()).replaceAll("?"));
            Replies.error(ctx, e.status(), e.getMessage());
        }
    }

    private void postOrders(RoutingContext ctx, SimAccount account, byte[] body) {
        JsonNode batch = ExchangeApi.readJson(body).filter(JsonNode::isArray).orElse(null);
        if (batch == null || batch.isEmpty()) {
            refuse(ctx, OrderPayload.INVALID_ORDER_PAYLOAD, "the body must be a non-empty array of orders");
            return;
        }
        if (batch.size() > MAX_BATCH) {
            refuse(ctx, "Too many orders in payload: " + batch.size() + ", max allowed: " + MAX_BATCH, "at most " + MAX_BATCH + " orders");
            return;
        }
        List<PostedOrder> posted = new ArrayList<>(batch.size());
        try {
            batch.forEach(element -> posted.add(OrderPayload.read(element)));
        } catch (OrderRefusedException e) {
            refuse(ctx, e.getMessage(), "order " + posted.size() + ": " + e.detail());
            return;
        }
        List<Map<String, Object>> answers = new ArrayList<>(posted.size());
        for (PostedOrder order : posted) {
            try {
                answers.add(answer(place(order, account)));
            } catch (OrderRefusedException e) {
                answers.add(failure(e.getMessage()));
            }
        }
        Replies.json(ctx, 200, answers);
    }

    private static void refuse(RoutingContext ctx, String message, String detail) {
        ctx.response().putHeader(REFUSAL_HEADER, NOT_HEADER_SAFE.matcher(detail).replaceAll("?"));
        Replies.error(ctx, 400, message);
    }

    /** Checks the order and submits it; the answer's fields as the exchange's {@code OrderResponse}. */
    private Placed place(PostedOrder posted, SimAccount account) {
        String tokenId = posted.order().tokenId().toString();
        MarketTerms terms = terms(tokenId);
        CheckedOrder order = OrderCheck.check(posted, account, terms, state.chain(), state.clock().instant().getEpochSecond());
        if (exchange.order(order.id()).isPresent()) {
            throw OrderRefusedException.badRequest("order " + order.id() + " is invalid. Duplicated.",
                    "an order of this hash was placed before (a replayed signature)");
        }
        try {
            exchange.place(List.of(new NewOrder(order.id(), account.apiKey(), terms.conditionId(), tokenId,
                    posted.isBuy() ? Side.BUY : Side.SELL, order.price(), order.size())));
        } catch (RejectedException e) {
            throw new OrderRefusedException(e.status(), e.getMessage(), "the exchange refused the order");
        }
        return new Placed(order.id(), "live", "", "", List.of(), List.of());
    }

    /** The market of a token, or the exchange's 400 for an order of a token it does not list. */
    private MarketTerms terms(String tokenId) {
        return exchange.book(tokenId).map(book -> new MarketTerms(book.market(), new BigDecimal("0.01"), false, new BigDecimal("5")))
                .orElseThrow(() -> OrderRefusedException.badRequest(OrderPayload.INVALID_ORDER_PAYLOAD,
                        "tokenId " + tokenId + " is not an asset of a market the simulator lists (POST /_sim/markets)"));
    }

    /** What the exchange did with a placed order. */
    private record Placed(String orderId, String status, String makingAmount, String takingAmount, List<String> transactionsHashes,
                          List<String> tradeIds) {
    }

    private static Map<String, Object> answer(Placed placed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("success", true);
        json.put("errorMsg", "");
        json.put("orderID", placed.orderId());
        json.put("status", placed.status());
        json.put("makingAmount", placed.makingAmount());
        json.put("takingAmount", placed.takingAmount());
        json.put("transactionsHashes", placed.transactionsHashes());
        json.put("tradeIDs", placed.tradeIds());
        return json;
    }

    private static Map<String, Object> failure(String message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("success", false);
        json.put("errorMsg", message);
        json.put("orderID", "");
        json.put("status", "");
        json.put("makingAmount", "");
        json.put("takingAmount", "");
        json.put("transactionsHashes", List.of());
        json.put("tradeIDs", List.of());
        return json;
    }
}
