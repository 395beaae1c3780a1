package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.clobcancel.simulator.eip712.OrderV2;
import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.MarketSpec;
import dev.clobcancel.simulator.exchange.OrderRefusedException;
import dev.clobcancel.simulator.exchange.OrderRequest;
import dev.clobcancel.simulator.exchange.OrderType;
import dev.clobcancel.simulator.exchange.Placement;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.simulator.exchange.SimAccount;
import dev.clobcancel.simulator.orders.CheckedOrder;
import dev.clobcancel.simulator.orders.OrderCheck;
import dev.clobcancel.simulator.orders.SignedOrderRefusedException;
import dev.clobcancel.simulator.orders.PostedOrder;
import dev.clobcancel.simulator.ratelimit.SignerLimiter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Placing signed orders: {@code POST /order} and {@code POST /orders} (at most {@value #MAX_BATCH})
 * with the V2 body of the official clients, each order checked ({@link OrderCheck}) and then
 * submitted to the exchange under its EIP-712 hash as its id. A refused single order is a 400
 * {@code {"error": ...}} with the exchange's words and {@code X-Sim-Refusal} naming the check; in a
 * batch, each order's refusal is its element of the 200 array ({@code success: false, errorMsg}),
 * while a body that is not an array of readable orders is refused whole. Once read, an order costs
 * 1 of its signer's order bucket, a batch the number of its orders, taken or refused whole.
 */
final class SignedOrderApi {

    /** Amounts in a signed order are integers of 6 decimals, pUSD and shares alike. */
    private static final int AMOUNT_DECIMALS = 6;
    /** The most orders {@code POST /orders} takes, as on the exchange. */
    static final int MAX_BATCH = 15;
    /** Names the failed check of a refused order: the exchange's words rarely do. */
    static final String REFUSAL_HEADER = "X-Sim-Refusal";

    private static final JavaType BATCH = WireJson.listOf(SignedOrderBody.class);

    private final SimulatorBackend state;
    private final Exchange exchange;
    private final TradingGate gate;

    SignedOrderApi(SimulatorBackend state, TradingGate gate) {
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
            PostedOrder posted = SignedOrderBody.read(body);
            if (gate.admit(ctx, account, SignerLimiter.Bucket.ORDER, 1)) {
                Replies.json(ctx, 200, answer(place(posted, account)));
            }
        } catch (SignedOrderRefusedException e) {
            Replies.explain(ctx, REFUSAL_HEADER, e.detail());
            Replies.error(ctx, ExchangeFailures.statusOf(e).orElseThrow(), e.getMessage());
        }
    }

    private void postOrders(RoutingContext ctx, SimAccount account, byte[] body) {
        List<SignedOrderBody> batch;
        try {
            batch = body.length == 0 ? null : WireJson.reader(BATCH).readValue(body);
        } catch (MismatchedInputException e) {
            int index = e.getPath().isEmpty() ? -1 : e.getPath().get(0).getIndex();
            if (index >= 0) {
                refuse(ctx, SignedOrderRefusedException.INVALID_ORDER_PAYLOAD, "order " + index + ": " + SignedOrderBody.NOT_AN_ORDER);
                return;
            }
            batch = null;
        } catch (IOException notJson) {
            batch = null;
        }
        if (batch == null || batch.isEmpty()) {
            refuse(ctx, SignedOrderRefusedException.INVALID_ORDER_PAYLOAD, "the body must be a non-empty array of orders");
            return;
        }
        if (batch.size() > MAX_BATCH) {
            refuse(ctx, "Too many orders in payload: " + batch.size() + ", max allowed: " + MAX_BATCH, "at most " + MAX_BATCH + " orders");
            return;
        }
        List<PostedOrder> posted = new ArrayList<>(batch.size());
        try {
            for (SignedOrderBody element : batch) {
                if (element == null) {
                    throw SignedOrderRefusedException.refused(SignedOrderRefusedException.INVALID_ORDER_PAYLOAD, SignedOrderBody.NOT_AN_ORDER);
                }
                posted.add(element.posted());
            }
        } catch (SignedOrderRefusedException e) {
            refuse(ctx, e.getMessage(), "order " + posted.size() + ": " + e.detail());
            return;
        }
        if (!gate.admit(ctx, account, SignerLimiter.Bucket.ORDER, posted.size())) {
            return;
        }
        List<OrderAnswer> answers = new ArrayList<>(posted.size());
        for (PostedOrder order : posted) {
            try {
                answers.add(answer(place(order, account)));
            } catch (SignedOrderRefusedException e) {
                answers.add(OrderAnswer.failure(e.getMessage()));
            }
        }
        Replies.json(ctx, 200, answers);
    }

    private static void refuse(RoutingContext ctx, String message, String detail) {
        Replies.explain(ctx, REFUSAL_HEADER, detail);
        Replies.error(ctx, 400, message);
    }

    /** Checks the order and submits it to the exchange, which matches it. */
    private Placement place(PostedOrder posted, SimAccount account) {
        String tokenId = posted.order().tokenId().toString();
        MarketSpec market = exchange.marketOfAsset(tokenId).orElseThrow(() -> SignedOrderRefusedException.marketNotFound(
                "tokenId " + tokenId + " is of no market the simulator lists (POST /_sim/markets)"));
        CheckedOrder order = OrderCheck.check(posted, account, market, state.chain());
        OrderV2 signed = posted.order();
        try {
            return exchange.submit(new OrderRequest(order.id(), account.apiKey(), signed.maker(), signed.signer(), tokenId,
                    posted.isBuy() ? Side.BUY : Side.SELL, order.price(), order.size(), OrderType.valueOf(posted.orderType()),
                    posted.postOnly(), posted.expiration(), tokens(signed.makerAmount()), tokens(signed.takerAmount())));
        } catch (OrderRefusedException e) {
            String detail = "the exchange refused it: " + e.reason();
            throw e.reason() == OrderRefusedException.Reason.MARKET_NOT_FOUND ? SignedOrderRefusedException.marketNotFound(detail)
                    : SignedOrderRefusedException.refused(e.getMessage(), detail);
        }
    }

    /** Token units from the signed 6-decimal integers. */
    private static BigDecimal tokens(BigInteger units) {
        return new BigDecimal(units).movePointLeft(AMOUNT_DECIMALS);
    }

    /** The exchange's {@code OrderResponse}, its fields in the order the issue and the client list them. */
    @JsonPropertyOrder({"success", "errorMsg", "orderID", "status", "makingAmount", "takingAmount", "transactionsHashes", "tradeIDs"})
    record OrderAnswer(boolean success, String errorMsg, @JsonProperty("orderID") String orderId, String status, String makingAmount,
                       String takingAmount, List<String> transactionsHashes, @JsonProperty("tradeIDs") List<String> tradeIds) {

        /** A refused order of a batch: its words, every other field empty. */
        static OrderAnswer failure(String message) {
            return new OrderAnswer(false, message, "", "", "", "", List.of(), List.of());
        }
    }

    private static OrderAnswer answer(Placement placed) {
        return new OrderAnswer(true, "", placed.orderId(), placed.status(), placed.makingAmount(), placed.takingAmount(),
                placed.transactionsHashes(), placed.tradeIds());
    }
}
