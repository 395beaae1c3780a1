package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.SimAccount;
import dev.clobcancel.simulator.exchange.Trade;
import dev.clobcancel.simulator.exchange.TradeFilter;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The caller's trades ({@code GET /data/trades}, L2-authenticated, paged as {@code /data/orders}
 * is), and every trade of the simulator for the admin ({@code GET /_sim/trades}). A trade reads as
 * the exchange's {@code Trade} of clob-client-v2 1.1.0 ({@code types/clob.d.ts}).
 */
final class TradesApi {

    /** The exchange's words for a bad filter (docs.polymarket.com/resources/error-codes, "GET trades"). */
    static final String INVALID_PARAMS = "Invalid trade params payload";
    /** The simulator charges no fees. */
    private static final String NO_FEE = "0";

    private final Exchange exchange;
    private final TradingGate gate;

    TradesApi(SimulatorBackend state, TradingGate gate) {
        this.exchange = state.exchange();
        this.gate = gate;
    }

    void mount(Router router) {
        router.get("/data/trades").handler(gate.guard(TradingGate.Kind.READ, this::getTrades));
    }

    /** {@code GET /_sim/trades}, on the admin sub-router. */
    void mountAdmin(Router admin) {
        admin.get("/trades").handler(Replies.guarded(ctx -> {
            Replies.json(ctx, 200, exchange.trades().stream().map(trade -> TradeAnswer.of(trade, null)).toList());
        }));
    }

    private void getTrades(RoutingContext ctx, SimAccount account, byte[] body) {
        MultiMap query = ctx.queryParams();
        TradeFilter filter = new TradeFilter(query.get("id"), query.get("market"), query.get("asset_id"),
                query.get("maker_address"), seconds(query, "before"), seconds(query, "after"));
        int offset = OrderDataApi.offset(query.get("next_cursor"));
        List<Trade> trades = exchange.trades(account.apiKey(), filter);
        Replies.json(ctx, 200, OrderDataApi.page(trades, offset, trade -> TradeAnswer.of(trade, account.apiKey())));
    }

    private static Long seconds(MultiMap query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw RequestRefused.badRequest(INVALID_PARAMS + ": " + name + " must be unix seconds, not " + value);
        }
    }

    /**
     * A trade as the exchange shows it to {@code viewer} (an API key; null for the admin):
     * {@code trader_side} is TAKER for the taker's owner, MAKER for the others.
     */
    record TradeAnswer(String id, @JsonProperty("taker_order_id") String takerOrderId, String market, @JsonProperty("asset_id") String assetId,
                       String side, String size, @JsonProperty("fee_rate_bps") String feeRateBps, String price, String status,
                       @JsonProperty("match_time") String matchTime, @JsonProperty("last_update") String lastUpdate, String outcome,
                       @JsonProperty("bucket_index") int bucketIndex, String owner, @JsonProperty("maker_address") String makerAddress,
                       @JsonProperty("maker_orders") List<MakerOrder> makerOrders, @JsonProperty("transaction_hash") String transactionHash,
                       @JsonProperty("trader_side") String traderSide) {

        static TradeAnswer of(Trade trade, String viewer) {
            return new TradeAnswer(trade.id(), trade.takerOrderId(), trade.market(), trade.assetId(), WireNames.side(trade.side()),
                    trade.size().stripTrailingZeros().toPlainString(), NO_FEE, trade.price().toPlainString(), trade.status(),
                    Long.toString(trade.matchTime()), Long.toString(trade.matchTime()), trade.outcome(), 0, trade.takerOwner(),
                    trade.takerAddress(), trade.makerOrders().stream().map(MakerOrder::of).toList(), trade.transactionHash(),
                    viewer == null || trade.takerOwner().equals(viewer) ? "TAKER" : "MAKER");
        }
    }

    /** A maker's part in a trade. */
    record MakerOrder(@JsonProperty("order_id") String orderId, String owner, @JsonProperty("maker_address") String makerAddress,
                      @JsonProperty("matched_amount") String matchedAmount, String price, @JsonProperty("fee_rate_bps") String feeRateBps,
                      @JsonProperty("asset_id") String assetId, String outcome, String side) {

        static MakerOrder of(Trade.MakerFill maker) {
            return new MakerOrder(maker.orderId(), maker.owner(), maker.makerAddress(), maker.matchedAmount().stripTrailingZeros().toPlainString(),
                    maker.price().toPlainString(), NO_FEE, maker.assetId(), maker.outcome(), WireNames.side(maker.side()));
        }
    }
}
