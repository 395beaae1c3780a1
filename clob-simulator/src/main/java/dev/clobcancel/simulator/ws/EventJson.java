package dev.clobcancel.simulator.ws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.clobcancel.simulator.core.JsonFields;
import dev.clobcancel.simulator.exchange.BookView;
import dev.clobcancel.simulator.exchange.ExchangeEvent;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.exchange.OrderView;
import java.io.IOException;
import java.io.StringWriter;
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

    /** The user channel's {@code order} message; {@code makerAddress} is the owner's wallet. */
    static String order(ExchangeEvent.OrderEvent event, String makerAddress) {
        OrderView order = event.order();
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
            json.writeEndArray();
            json.writeStringField("outcome", "");
            json.writeStringField("type", event.change().name());
            json.writeStringField("created_at", Long.toString(order.createdAt()));
            json.writeStringField("expiration", "0");
            json.writeStringField("order_type", "GTC");
            json.writeStringField("status", status(order.status()));
            json.writeStringField("maker_address", makerAddress);
            json.writeStringField("timestamp", Long.toString(event.timestampMillis()));
        });
    }

    private static String status(OrderStatus status) {
        return status.name();
    }

    /** The market channel's {@code price_change}: one level of one book, and the book's best prices after. */
    static String priceChange(ExchangeEvent.LevelChange change, String hash) {
        return write(json -> {
            json.writeStringField("event_type", "price_change");
            json.writeStringField("market", change.market());
            json.writeArrayFieldStart("price_changes");
            json.writeStartObject();
            json.writeStringField("asset_id", change.assetId());
            json.writeStringField("price", change.price().toPlainString());
            json.writeStringField("size", change.size().toPlainString());
            json.writeStringField("side", change.side().name());
            json.writeStringField("hash", hash);
            json.writeStringField("best_bid", change.bestBid() == null ? NO_BID : change.bestBid().toPlainString());
            json.writeStringField("best_ask", change.bestAsk() == null ? NO_ASK : change.bestAsk().toPlainString());
            json.writeEndObject();
            json.writeEndArray();
            json.writeStringField("timestamp", Long.toString(change.timestampMillis()));
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

    /** The market channel's {@code last_trade_price}: the price, size and side of a fill. */
    static String lastTradePrice(ExchangeEvent.Fill fill) {
        return write(json -> {
            json.writeStringField("event_type", "last_trade_price");
            json.writeStringField("asset_id", fill.assetId());
            json.writeStringField("market", fill.market());
            json.writeStringField("price", fill.price().toPlainString());
            json.writeStringField("side", fill.side().name());
            json.writeStringField("size", fill.size().toPlainString());
            json.writeStringField("fee_rate_bps", "0");
            json.writeStringField("timestamp", Long.toString(fill.timestampMillis()));
        });
    }
}
