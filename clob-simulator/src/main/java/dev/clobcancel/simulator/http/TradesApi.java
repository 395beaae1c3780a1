package dev.clobcancel.simulator.http;

import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.RejectedException;
import dev.clobcancel.simulator.exchange.SimAccount;
import dev.clobcancel.simulator.exchange.Trade;
import dev.clobcancel.simulator.exchange.TradeFilter;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The caller's trades ({@code GET /data/trades}, L2-authenticated, paged as {@code /data/orders}
 * is), and every trade of the simulator for the admin ({@code GET /_sim/trades}). A trade reads as
 * the exchange's {@code Trade} of clob-client-v2 1.1.0 ({@code types/clob.d.ts}).
 */
final class TradesApi {

    /** The exchange's words for a bad filter (docs.polymarket.com/resources/error-codes, "GET trades"). */
    static final String INVALID_PARAMS = "Invalid trade params payload";

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
            List<Object> all = new ArrayList<>();
            exchange.trades().forEach(trade -> all.add(tradeJson(trade, null)));
            Replies.json(ctx, 200, all);
        }));
    }

    private void getTrades(RoutingContext ctx, SimAccount account, byte[] body) {
        MultiMap query = ctx.queryParams();
        TradeFilter filter = new TradeFilter(query.get("id"), query.get("market"), query.get("asset_id"),
                query.get("maker_address"), seconds(query, "before"), seconds(query, "after"));
        int offset = OrderDataApi.offset(query.get("next_cursor"));
        List<Trade> trades = exchange.trades(account.apiKey(), filter);
        Replies.json(ctx, 200, OrderDataApi.page(trades, offset, trade -> tradeJson(trade, account.apiKey())));
    }

    private static Long seconds(MultiMap query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw RejectedException.badRequest(INVALID_PARAMS + ": " + name + " must be unix seconds, not " + value);
        }
    }

    /**
     * A trade as the exchange shows it to {@code viewer} (an API key; null for the admin):
     * {@code trader_side} is TAKER for the taker's owner, MAKER for the others.
     */
    static Map<String, Object> tradeJson(Trade trade, String viewer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", trade.id());
        json.put("taker_order_id", trade.takerOrderId());
        json.put("market", trade.market());
        json.put("asset_id", trade.assetId());
        json.put("side", trade.side().name());
        json.put("size", trade.size().stripTrailingZeros().toPlainString());
        json.put("fee_rate_bps", "0");
        json.put("price", trade.price().toPlainString());
        json.put("status", trade.status());
        json.put("match_time", Long.toString(trade.matchTime()));
        json.put("last_update", Long.toString(trade.matchTime()));
        json.put("outcome", trade.outcome());
        json.put("bucket_index", 0);
        json.put("owner", trade.takerOwner());
        json.put("maker_address", trade.takerAddress());
        List<Object> makers = new ArrayList<>();
        for (Trade.MakerFill maker : trade.makerOrders()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("order_id", maker.orderId());
            m.put("owner", maker.owner());
            m.put("maker_address", maker.makerAddress());
            m.put("matched_amount", maker.matchedAmount().stripTrailingZeros().toPlainString());
            m.put("price", maker.price().toPlainString());
            m.put("fee_rate_bps", "0");
            m.put("asset_id", maker.assetId());
            m.put("outcome", maker.outcome());
            m.put("side", maker.side().name());
            makers.add(m);
        }
        json.put("maker_orders", makers);
        json.put("transaction_hash", trade.transactionHash());
        json.put("trader_side", viewer == null || trade.takerOwner().equals(viewer) ? "TAKER" : "MAKER");
        return json;
    }
}
