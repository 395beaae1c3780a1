package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** {@code GET /version}'s answer. */
    record Version(int version) {
    }

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
        router.get("/version").handler(ctx -> Replies.json(ctx, 200, new Version(CLOB_VERSION)));
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
     * {@code DELETE /order}'s body: the order's id; the exchange ignores any other field. A class
     * with a field rather than a record, so that of two {@code orderID}s the last counts.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class CancelOrderBody {
        @JsonProperty("orderID")
        private Object orderId;
    }

    /** {@code DELETE /cancel-market-orders}'s body: a market, an asset, or both. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CancelMarketBody(Object market, @JsonProperty("asset_id") Object assetId) {
    }

    /** The answer of every cancel: the ids canceled, and the exchange's reason for each one that was not. */
    record CancelAnswer(List<String> canceled, @JsonProperty("not_canceled") Map<String, String> notCanceled) {
    }

    private static final ObjectReader CANCEL_ORDER = WireJson.reader(CancelOrderBody.class);
    private static final ObjectReader CANCEL_ORDERS = WireJson.reader(String[].class);
    private static final ObjectReader CANCEL_MARKET = WireJson.reader(CancelMarketBody.class);
    private static final ObjectWriter CANCEL_ANSWER = WireJson.writer(CancelAnswer.class);

    static {
        // Once through each reader and writer of the cancel path at start, so the first cancels
        // of a fresh simulator do not pay Jackson's lazy set-up (classes loaded, serializers of
        // the answer's parts found) on the event loop, within the client's attempt timeout.
        String id = "0x" + "0".repeat(64);
        orderIdOf(("{\"orderID\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
        readOrNull(CANCEL_ORDERS, ("[\"" + id + "\"]").getBytes(StandardCharsets.UTF_8));
        answerJson(new CancelReport(List.of(id), Map.of(id, Exchange.NOT_FOUND)));
        WireJson.write(new Replies.Error(INVALID_PAYLOAD));
    }

    /**
     * The text of {@code orderID} in a body that is one JSON object, or null when it is not (not
     * JSON, another value, text after it, no {@code orderID} or not a string; of two, the last
     * counts).
     */
    static String orderIdOf(byte[] body) {
        CancelOrderBody read = readOrNull(CANCEL_ORDER, body);
        return read != null && read.orderId instanceof String id ? id : null;
    }

    /** The body as {@code reader}'s type, or null when it is not one. */
    private static <T> T readOrNull(ObjectReader reader, byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return reader.readValue(body);
        } catch (IOException notOne) {
            return null;
        }
    }

    private void cancelOrders(RoutingContext ctx, SimAccount account, byte[] body) {
        String[] ids = readOrNull(CANCEL_ORDERS, body);
        if (ids == null) {
            Replies.error(ctx, 400, INVALID_PAYLOAD);
            return;
        }
        if (ids.length > MAX_BATCH) {
            Replies.error(ctx, 400, TOO_MANY_IDS);
            return;
        }
        for (String id : ids) {
            if (id == null) {
                Replies.error(ctx, 400, INVALID_PAYLOAD);
                return;
            }
            if (!OrderId.isValid(id)) {
                Replies.error(ctx, 400, INVALID_ORDER_ID);
                return;
            }
        }
        List<String> orderIds = Arrays.asList(ids);
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
        CancelMarketBody json = readOrNull(CANCEL_MARKET, body);
        boolean wrongType = json != null && (wrongType(json.market()) || wrongType(json.assetId()));
        String market = json == null ? null : nonEmpty(json.market());
        String assetId = json == null ? null : nonEmpty(json.assetId());
        if (json == null || wrongType || (market == null && assetId == null)) {
            Replies.error(ctx, 400, INVALID_PAYLOAD);
            return;
        }
        cancelOpenEnded(ctx, account, market, assetId);
    }

    private static String nonEmpty(Object value) {
        return value instanceof String text && !text.isEmpty() ? text : null;
    }

    private static boolean wrongType(Object value) {
        return value != null && !(value instanceof String);
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
        Replies.json(ctx, 200, BookAnswer.of(book.get(), exchange.marketOfAsset(tokenId).orElseThrow()));
    }

    /** The book with its market's tick size, neg-risk and minimum order size, which the clients read before signing. */
    record BookAnswer(String market, @JsonProperty("asset_id") String assetId, String timestamp, String hash, List<Level> bids,
                      List<Level> asks, @JsonProperty("min_order_size") String minOrderSize, @JsonProperty("tick_size") String tickSize,
                      @JsonProperty("neg_risk") boolean negRisk) {

        static BookAnswer of(BookView book, MarketSpec market) {
            return new BookAnswer(book.market(), book.assetId(), Long.toString(book.timestampMillis()), book.hash(),
                    Level.of(book.bids()), Level.of(book.asks()), market.minOrderSize().toPlainString(),
                    market.tickSize().toPlainString(), market.negRisk());
        }
    }

    /** One price level of a book: decimal strings. */
    record Level(String price, String size) {

        static List<Level> of(List<BookView.PriceLevel> levels) {
            List<Level> out = new ArrayList<>(levels.size());
            levels.forEach(level -> out.add(new Level(level.price().toPlainString(), level.size().toPlainString())));
            return out;
        }
    }

    /**
     * Cancels with {@code cancel} and answers 200 {@code {"canceled": [...], "not_canceled": {...}}},
     * in the exchange's order of fields, once the CANCELLATION events are on the subscribers' sockets.
     */
    private void answer(RoutingContext ctx, Supplier<CancelReport> cancel) {
        channels.afterDelivery(cancel, report -> Replies.json(ctx, 200, answerJson(report)));
    }

    /** The answer's bytes, by the one writer of {@link CancelAnswer}. */
    static byte[] answerJson(CancelReport report) {
        try {
            return CANCEL_ANSWER.writeValueAsBytes(new CancelAnswer(report.canceled(), report.notCanceled()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a cancel's answer", e);
        }
    }
}
