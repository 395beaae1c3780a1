package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.exchange.BookView;
import dev.clobcancel.simulator.exchange.CancelReport;
import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.MarketSpec;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.exchange.SimAccount;
import dev.clobcancel.simulator.ratelimit.SignerLimiter;
import dev.clobcancel.simulator.ws.Channels;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The exchange's cancel endpoints, its clock and its public book, answered as the exchange answers them. */
final class ExchangeApi {

    static final String INVALID_ORDER_ID = "Invalid orderID";
    static final String INVALID_PAYLOAD = "Invalid order payload";
    /** The most ids {@code DELETE /orders} takes in one request, as on the exchange since 15 June 2026. */
    static final int MAX_BATCH = 1000;
    static final String TOO_MANY_IDS = "Too many orders in payload, max allowed: " + MAX_BATCH;
    /** The CLOB's version, which the official V2 clients read to pick the order format. */
    static final int CLOB_VERSION = 2;
    static final String NO_BOOK = "No orderbook exists for the requested token id";

    private final Exchange exchange;
    private final Channels channels;
    private final Clock clock;
    private final TradingGate gate;

    ExchangeApi(SimulatorBackend state, TradingGate gate) {
        this.exchange = state.exchange();
        this.channels = state.channels();
        this.clock = state.clock();
        this.gate = gate;
    }

    void mount(Router router) {
        router.get("/time").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json")
                .end(Long.toString(clock.instant().getEpochSecond())));
        router.get("/version").handler(ctx -> Replies.json(ctx, 200, Map.of("version", CLOB_VERSION)));
        router.get("/book").handler(Replies.guarded(this::book));
        router.delete("/order").handler(gate.guard(TradingGate.Kind.CANCEL, this::cancelOrder));
        router.delete("/orders").handler(gate.guard(TradingGate.Kind.CANCEL, this::cancelOrders));
        router.delete("/cancel-all").handler(gate.guard(TradingGate.Kind.CANCEL,
                (ctx, account, body) -> cancelOpenEnded(ctx, account, null, null)));
        router.delete("/cancel-market-orders").handler(gate.guard(TradingGate.Kind.CANCEL, this::cancelMarketOrders));
    }

    private void cancelOrder(RoutingContext ctx, SimAccount account, byte[] body) {
        String orderId = orderIdOf(body);
        if (orderId == null) {
            Replies.error(ctx, 400, INVALID_PAYLOAD);
        } else if (!OrderId.isValid(orderId)) {
            Replies.error(ctx, 400, INVALID_ORDER_ID);
        } else if (gate.admit(ctx, account, SignerLimiter.Bucket.CANCEL, 1)) {
            answer(ctx, () -> exchange.cancel(account.apiKey(), List.of(orderId)));
        }
    }

    /**
     * The text of {@code orderID} in a body that is one JSON object, or null when it is not (not
     * JSON, another value, text after it, no {@code orderID} or not a string; of two, the last
     * counts). Read as a stream of tokens, the busiest endpoint's body costs no tree.
     */
    static String orderIdOf(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try (JsonParser json = Replies.JSON.getFactory().createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String orderId = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("orderID")) {
                    orderId = value == JsonToken.VALUE_STRING ? json.getText() : null;
                } else {
                    json.skipChildren();
                }
            }
            return json.nextToken() == null ? orderId : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private void cancelOrders(RoutingContext ctx, SimAccount account, byte[] body) {
        JsonNode ids = readJson(body).filter(JsonNode::isArray).orElse(null);
        if (ids == null) {
            Replies.error(ctx, 400, INVALID_PAYLOAD);
            return;
        }
        if (ids.size() > MAX_BATCH) {
            Replies.error(ctx, 400, TOO_MANY_IDS);
            return;
        }
        List<String> orderIds = new ArrayList<>(ids.size());
        for (JsonNode id : ids) {
            if (!id.isTextual()) {
                Replies.error(ctx, 400, INVALID_PAYLOAD);
                return;
            }
            if (!OrderId.isValid(id.asText())) {
                Replies.error(ctx, 400, INVALID_ORDER_ID);
                return;
            }
            orderIds.add(id.asText());
        }
        // The exchange charges the ids submitted, duplicates included.
        if (gate.admit(ctx, account, SignerLimiter.Bucket.CANCEL, orderIds.size())) {
            answer(ctx, () -> exchange.cancel(account.apiKey(), orderIds));
        }
    }

    /**
     * {@code cancel-all} (no market, no asset) and {@code cancel-market-orders}: their cost, 1 + the
     * number canceled, is known only once they ran. As the exchange documents, 1 token is checked
     * and taken first and the rest once the cancel is done (which may leave a deficit); or, as a
     * setting, the whole cost is checked first against the orders the call would cancel.
     */
    private void cancelOpenEnded(RoutingContext ctx, SimAccount account, String market, String assetId) {
        long upFront = 1;
        if (gate.chargesOpenEndedCostUpFront()) {
            upFront += exchange.liveOrders(account.apiKey(), null, market, assetId).stream()
                    .filter(order -> order.status() == OrderStatus.LIVE).count();
        }
        if (!gate.admit(ctx, account, SignerLimiter.Bucket.CANCEL, upFront)) {
            return;
        }
        answer(ctx, () -> {
            CancelReport report = market == null && assetId == null
                    ? exchange.cancelAll(account.apiKey()) : exchange.cancelMarket(account.apiKey(), market, assetId);
            if (!gate.chargesOpenEndedCostUpFront()) {
                gate.chargeAfter(ctx, account, report.canceled().size());
            }
            return report;
        });
    }

    private void cancelMarketOrders(RoutingContext ctx, SimAccount account, byte[] body) {
        JsonNode json = readJson(body).filter(JsonNode::isObject).orElse(null);
        String market = json == null ? null : optionalText(json, "market");
        String assetId = json == null ? null : optionalText(json, "asset_id");
        boolean wrongType = json != null && (wrongType(json, "market") || wrongType(json, "asset_id"));
        if (json == null || wrongType || (market == null && assetId == null)) {
            Replies.error(ctx, 400, INVALID_PAYLOAD);
            return;
        }
        cancelOpenEnded(ctx, account, market, assetId);
    }

    private void book(RoutingContext ctx) {
        String tokenId = ctx.queryParams().get("token_id");
        if (tokenId == null || tokenId.isBlank()) {
            Replies.error(ctx, 400, "token_id is required");
            return;
        }
        Optional<BookView> book = exchange.book(tokenId);
        if (book.isEmpty()) {
            Replies.error(ctx, 404, NO_BOOK);
            return;
        }
        Replies.json(ctx, 200, bookJson(book.get(), exchange.marketOfAsset(tokenId).orElseThrow()));
    }

    /** The book with its market's tick size, neg-risk and minimum order size, which the clients read before signing. */
    static Map<String, Object> bookJson(BookView book, MarketSpec market) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("market", book.market());
        json.put("asset_id", book.assetId());
        json.put("timestamp", Long.toString(book.timestampMillis()));
        json.put("hash", book.hash());
        json.put("bids", levels(book.bids()));
        json.put("asks", levels(book.asks()));
        json.put("min_order_size", market.minOrderSize().toPlainString());
        json.put("tick_size", market.tickSize().toPlainString());
        json.put("neg_risk", market.negRisk());
        return json;
    }

    private static List<Map<String, String>> levels(List<BookView.PriceLevel> levels) {
        List<Map<String, String>> out = new ArrayList<>(levels.size());
        for (BookView.PriceLevel level : levels) {
            Map<String, String> json = new LinkedHashMap<>();
            json.put("price", level.price().toPlainString());
            json.put("size", level.size().toPlainString());
            out.add(json);
        }
        return out;
    }

    /**
     * Cancels with {@code cancel} and answers 200 {@code {"canceled": [...], "not_canceled": {...}}},
     * in the exchange's order of fields, once the CANCELLATION events are on the subscribers' sockets.
     */
    private void answer(RoutingContext ctx, Supplier<CancelReport> cancel) {
        channels.afterDelivery(cancel, report -> Replies.json(ctx, 200, answerJson(report)));
    }

    /** The answer's bytes, written token by token: no map to build, nothing for Jackson to look up. */
    static byte[] answerJson(CancelReport report) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(64 + 72 * report.canceled().size());
        try (JsonGenerator json = Replies.JSON.getFactory().createGenerator(bytes)) {
            json.writeStartObject();
            json.writeArrayFieldStart("canceled");
            for (String id : report.canceled()) {
                json.writeString(id);
            }
            json.writeEndArray();
            json.writeObjectFieldStart("not_canceled");
            for (Map.Entry<String, String> reason : report.notCanceled().entrySet()) {
                json.writeStringField(reason.getKey(), reason.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a cancel's answer", e);
        }
        return bytes.toByteArray();
    }

    private static String optionalText(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }

    private static boolean wrongType(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && !value.isNull() && !value.isTextual();
    }

    /** The body as JSON, or empty when it is not JSON. */
    static Optional<JsonNode> readJson(byte[] body) {
        try {
            return body.length == 0 ? Optional.empty() : Optional.ofNullable(Replies.JSON.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
