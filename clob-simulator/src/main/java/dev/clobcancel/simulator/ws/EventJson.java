package dev.clobcancel.simulator.ws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.clobcancel.simulator.core.JsonFields;
import dev.clobcancel.simulator.exchange.BookView;
import dev.clobcancel.simulator.exchange.OrderView;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.simulator.exchange.Trade;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The channels' messages as the exchange writes them, field for field (docs.polymarket.com,
 * market-data/websocket/user-channel and market-channel; the parsers of Polymarket/ts-sdk
 * {@code packages/bindings/src/subscriptions/clob.ts} and rs-clob-client-v2
 * {@code src/clob/ws/types/response.rs}). Every number is a decimal string; times are unix
 * milliseconds ({@code timestamp}) or seconds ({@code created_at}, {@code expiration}) as strings.
 */
final class EventJson {

    private static final JsonFactory JSON = JsonFields.MAPPER.getFactory();
    /** Where a book side is empty, the exchange's price_change shows these (its example: "0" bid, "1" ask). */
    private static final String NO_BID = "0";
    private static final String NO_ASK = "1";

    private EventJson() {
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a channel message", e);
        }
        return out.toString();
    }

    /** The user channel's {@code order} message: {@code type} is PLACEMENT, UPDATE or CANCELLATION. */
    static String order(String type, OrderView order, long timestampMillis) {
        return write(json -> {
            json.writeStringField("event_type", "order");
            json.writeStringField("id", order.id());
            json.writeStringField("owner", order.owner());
            json.writeStringField("market", order.market());
            json.writeStringField("asset_id", order.assetId());
            json.writeStringField("side", order.side().name());
            json.writeStringField("order_owner", order.owner());
            json.writeStringField("original_size", order.size().toPlainString());
            json.writeStringField("size_matched", order.sizeMatched().toPlainString());
            json.writeStringField("price", order.price().toPlainString());
            json.writeArrayFieldStart("associate_trades");
            for (String trade : order.tradeIds()) {
                json.writeString(trade);
            }
            json.writeEndArray();
            json.writeStringField("outcome", order.outcome());
            json.writeStringField("type", type);
            json.writeStringField("created_at", Long.toString(order.createdAt()));
            json.writeStringField("expiration", Long.toString(order.expiration()));
            json.writeStringField("order_type", order.orderType().name());
            json.writeStringField("status", order.status().name());
            json.writeStringField("maker_address", order.maker());
            json.writeStringField("timestamp", Long.toString(timestampMillis));
        });
    }

    /**
     * The user channel's {@code trade} message as {@code owner} (an API key that took part) hears
     * it: {@code traderSide} TAKER or MAKER says which part it took.
     */
    static String trade(Trade trade, String owner, String traderSide, long timestampMillis) {
        return write(json -> {
            json.writeStringField("event_type", "trade");
            json.writeStringField("type", "TRADE");
            json.writeStringField("id", trade.id());
            json.writeStringField("taker_order_id", trade.takerOrderId());
            json.writeStringField("market", trade.market());
            json.writeStringField("asset_id", trade.assetId());
            json.writeStringField("side", trade.side().name());
            json.writeStringField("size", trade.size().toPlainString());
            json.writeStringField("fee_rate_bps", "0");
            json.writeStringField("price", trade.price().toPlainString());
            json.writeStringField("status", trade.status());
            json.writeStringField("match_time", Long.toString(trade.matchTime()));
            json.writeStringField("last_update", Long.toString(trade.matchTime()));
            json.writeStringField("outcome", trade.outcome());
            json.writeStringField("owner", owner);
            json.writeStringField("trade_owner", trade.takerOwner());
            json.writeStringField("maker_address", trade.takerAddress());
            json.writeStringField("transaction_hash", trade.transactionHash());
            json.writeArrayFieldStart("maker_orders");
            for (Trade.MakerFill maker : trade.makerOrders()) {
                json.writeStartObject();
                json.writeStringField("order_id", maker.orderId());
                json.writeStringField("owner", maker.owner());
                json.writeStringField("maker_address", maker.makerAddress());
                json.writeStringField("matched_amount", maker.matchedAmount().toPlainString());
                json.writeStringField("price", maker.price().toPlainString());
                json.writeStringField("fee_rate_bps", "0");
                json.writeStringField("asset_id", maker.assetId());
                json.writeStringField("outcome", maker.outcome());
                json.writeStringField("side", maker.side().name());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("trader_side", traderSide);
            json.writeStringField("timestamp", Long.toString(timestampMillis));
        });
    }

    /**
     * The market channel's {@code price_change}: the size now resting at one level of a book
     * ("0": the level is gone), and the book's best prices after the change.
     */
    static String priceChange(String market, String assetId, Side side, BigDecimal price, BigDecimal size,
                              BigDecimal bestBid, BigDecimal bestAsk, String hash, long timestampMillis) {
        return write(json -> {
            json.writeStringField("event_type", "price_change");
            json.writeStringField("market", market);
            json.writeArrayFieldStart("price_changes");
            json.writeStartObject();
            json.writeStringField("asset_id", assetId);
            json.writeStringField("price", price.toPlainString());
            json.writeStringField("size", size.toPlainString());
            json.writeStringField("side", side.name());
            json.writeStringField("hash", hash);
            json.writeStringField("best_bid", bestBid == null ? NO_BID : bestBid.toPlainString());
            json.writeStringField("best_ask", bestAsk == null ? NO_ASK : bestAsk.toPlainString());
            json.writeEndObject();
            json.writeEndArray();
            json.writeStringField("timestamp", Long.toString(timestampMillis));
        });
    }

    /** The market channel's {@code book}: the whole book of one asset, on subscribing and after a fill. */
    static String book(BookView book, String tickSize) {
        return write(json -> {
            json.writeStringField("event_type", "book");
            json.writeStringField("asset_id", book.assetId());
            json.writeStringField("market", book.market());
            levels(json, "bids", book.bids());
            levels(json, "asks", book.asks());
            json.writeStringField("timestamp", Long.toString(book.timestampMillis()));
            json.writeStringField("hash", book.hash());
            json.writeStringField("tick_size", tickSize);
        });
    }

    private static void levels(JsonGenerator json, String name, List<BookView.PriceLevel> levels) throws IOException {
        json.writeArrayFieldStart(name);
        for (BookView.PriceLevel level : levels) {
            json.writeStartObject();
            json.writeStringField("price", level.price().toPlainString());
            json.writeStringField("size", level.size().toPlainString());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /**
     * The market channel's {@code last_trade_price}: a trade's size and taker side, at the price
     * it last traded (its last maker's; the trade's own limit price names none).
     */
    static String lastTradePrice(Trade trade, long timestampMillis) {
        BigDecimal price = trade.makerOrders().isEmpty() ? trade.price()
                : trade.makerOrders().get(trade.makerOrders().size() - 1).price();
        return write(json -> {
            json.writeStringField("event_type", "last_trade_price");
            json.writeStringField("asset_id", trade.assetId());
            json.writeStringField("market", trade.market());
            json.writeStringField("price", price.toPlainString());
            json.writeStringField("side", trade.side().name());
            json.writeStringField("size", trade.size().toPlainString());
            json.writeStringField("fee_rate_bps", "0");
            json.writeStringField("timestamp", Long.toString(timestampMillis));
            json.writeStringField("transaction_hash", trade.transactionHash());
        });
    }
}
