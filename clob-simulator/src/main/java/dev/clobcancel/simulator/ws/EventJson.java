package dev.clobcancel.simulator.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.clobcancel.simulator.exchange.BookView;
import dev.clobcancel.simulator.exchange.OrderView;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.simulator.exchange.Trade;
import java.math.BigDecimal;
import java.util.List;

/**
 * The channels' messages as the exchange writes them, field for field (docs.polymarket.com,
 * market-data/websocket/user-channel and market-channel; the parsers of Polymarket/ts-sdk
 * {@code packages/bindings/src/subscriptions/clob.ts} and rs-clob-client-v2
 * {@code src/clob/ws/types/response.rs}): one record per message, its components in the
 * exchange's order and named in snake case on the wire. Every number is a decimal string; times
 * are unix milliseconds ({@code timestamp}) or seconds ({@code created_at}, {@code expiration}) as strings.
 */
final class EventJson {

    /** The channels' own mapper: snake-case names, strict reading of what clients send. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectWriter ORDER = MAPPER.writerFor(OrderEvent.class);
    private static final ObjectWriter TRADE = MAPPER.writerFor(TradeEvent.class);
    private static final ObjectWriter PRICE_CHANGE = MAPPER.writerFor(PriceChangeEvent.class);
    private static final ObjectWriter BOOK = MAPPER.writerFor(BookEvent.class);
    private static final ObjectWriter LAST_TRADE_PRICE = MAPPER.writerFor(LastTradePriceEvent.class);
    /** Reads what a client sends, {@link ClientMessage}'s. */
    static final ObjectReader CLIENT_MESSAGE = MAPPER.readerFor(ClientMessage.Received.class);

    /** Where a book side is empty, the exchange's price_change shows these (its example: "0" bid, "1" ask). */
    private static final String NO_BID = "0";
    private static final String NO_ASK = "1";
    private static final String NO_FEE = "0";

    private EventJson() {
    }

    record OrderEvent(String eventType, String id, String owner, String market, String assetId, String side, String orderOwner,
                      String originalSize, String sizeMatched, String price, List<String> associateTrades, String outcome, String type,
                      String createdAt, String expiration, String orderType, String status, String makerAddress, String timestamp) {
    }

    record TradeEvent(String eventType, String type, String id, String takerOrderId, String market, String assetId, String side,
                      String size, String feeRateBps, String price, String status, String matchTime, String lastUpdate, String outcome,
                      String owner, String tradeOwner, String makerAddress, String transactionHash, List<MakerOrder> makerOrders,
                      String traderSide, String timestamp) {
    }

    record MakerOrder(String orderId, String owner, String makerAddress, String matchedAmount, String price, String feeRateBps,
                      String assetId, String outcome, String side) {
    }

    record PriceChangeEvent(String eventType, String market, List<PriceChange> priceChanges, String timestamp) {
    }

    record PriceChange(String assetId, String price, String size, String side, String hash, String bestBid, String bestAsk) {
    }

    record BookEvent(String eventType, String assetId, String market, List<Level> bids, List<Level> asks, String timestamp,
                     String hash, String tickSize) {
    }

    record Level(String price, String size) {
    }

    record LastTradePriceEvent(String eventType, String assetId, String market, String price, String side, String size,
                               String feeRateBps, String timestamp, String transactionHash) {
    }

    private static String write(ObjectWriter writer, Object event) {
        try {
            return writer.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a channel message", e);
        }
    }

    /** The user channel's {@code order} message: {@code type} is PLACEMENT, UPDATE or CANCELLATION. */
    static String order(String type, OrderView order, long timestampMillis) {
        return write(ORDER, new OrderEvent("order", order.id(), order.owner(), order.market(), order.assetId(), order.side().name(),
                order.owner(), order.size().toPlainString(), order.sizeMatched().toPlainString(), order.price().toPlainString(),
                order.tradeIds(), order.outcome(), type, Long.toString(order.createdAt()), Long.toString(order.expiration()),
                order.orderType().name(), order.status().name(), order.maker(), Long.toString(timestampMillis)));
    }

    /**
     * The user channel's {@code trade} message as {@code owner} (an API key that took part) hears
     * it: {@code traderSide} TAKER or MAKER says which part it took.
     */
    static String trade(Trade trade, String owner, String traderSide, long timestampMillis) {
        List<MakerOrder> makers = trade.makerOrders().stream().map(maker -> new MakerOrder(maker.orderId(), maker.owner(),
                maker.makerAddress(), maker.matchedAmount().toPlainString(), maker.price().toPlainString(), NO_FEE, maker.assetId(),
                maker.outcome(), maker.side().name())).toList();
        return write(TRADE, new TradeEvent("trade", "TRADE", trade.id(), trade.takerOrderId(), trade.market(), trade.assetId(),
                trade.side().name(), trade.size().toPlainString(), NO_FEE, trade.price().toPlainString(), trade.status(),
                Long.toString(trade.matchTime()), Long.toString(trade.matchTime()), trade.outcome(), owner, trade.takerOwner(),
                trade.takerAddress(), trade.transactionHash(), makers, traderSide, Long.toString(timestampMillis)));
    }

    /**
     * The market channel's {@code price_change}: the size now resting at one level of a book
     * ("0": the level is gone), and the book's best prices after the change.
     */
    static String priceChange(String market, String assetId, Side side, BigDecimal price, BigDecimal size,
                              BigDecimal bestBid, BigDecimal bestAsk, String hash, long timestampMillis) {
        PriceChange change = new PriceChange(assetId, price.toPlainString(), size.toPlainString(), side.name(), hash,
                bestBid == null ? NO_BID : bestBid.toPlainString(), bestAsk == null ? NO_ASK : bestAsk.toPlainString());
        return write(PRICE_CHANGE, new PriceChangeEvent("price_change", market, List.of(change), Long.toString(timestampMillis)));
    }

    /** The market channel's {@code book}: the whole book of one asset, on subscribing and after a fill. */
    static String book(BookView book, String tickSize) {
        return write(BOOK, new BookEvent("book", book.assetId(), book.market(), levels(book.bids()), levels(book.asks()),
                Long.toString(book.timestampMillis()), book.hash(), tickSize));
    }

    private static List<Level> levels(List<BookView.PriceLevel> levels) {
        return levels.stream().map(level -> new Level(level.price().toPlainString(), level.size().toPlainString())).toList();
    }

    /**
     * The market channel's {@code last_trade_price}: a trade's size and taker side, at the price
     * it last traded (its last maker's; the trade's own limit price names none).
     */
    static String lastTradePrice(Trade trade, long timestampMillis) {
        BigDecimal price = trade.makerOrders().isEmpty() ? trade.price()
                : trade.makerOrders().get(trade.makerOrders().size() - 1).price();
        return write(LAST_TRADE_PRICE, new LastTradePriceEvent("last_trade_price", trade.assetId(), trade.market(), price.toPlainString(),
                trade.side().name(), trade.size().toPlainString(), NO_FEE, Long.toString(timestampMillis), trade.transactionHash()));
    }
}
