package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.MarketSpec;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.util.List;

/**
 * The public market reads {@code @polymarket/clob-client-v2} 1.1.0 makes before it signs an order
 * ({@code createOrder}: {@code /tick-size}, {@code /neg-risk}; {@code createMarketOrder}:
 * {@code /markets-by-token/{token}}, {@code /clob-markets/{condition}}, {@code /book};
 * {@code /fee-rate} for V1 orders), answered from the markets the simulator lists. The fields are
 * those the client reads ({@code dist/client.js}) and its {@code MarketDetails} type declares.
 */
final class MarketReadApi {

    static final String INVALID_TOKEN_ID = "Invalid token id";
    static final String MARKET_NOT_FOUND = "market not found";

    private final Exchange exchange;

    MarketReadApi(SimulatorBackend state) {
        this.exchange = state.exchange();
    }

    void mount(Router router) {
        router.get("/tick-size").handler(Replies.guarded(ctx -> byToken(ctx,
                market -> new TickSize(market.tickSize()))));
        router.get("/neg-risk").handler(Replies.guarded(ctx -> byToken(ctx, market -> new NegRisk(market.negRisk()))));
        // The simulator charges no fees: a base fee of 0 bps, which V1 orders sign for.
        router.get("/fee-rate").handler(Replies.guarded(ctx -> byToken(ctx, market -> new BaseFee(0))));
        router.get("/markets-by-token/:token").handler(Replies.guarded(this::marketByToken));
        router.get("/clob-markets/:condition").handler(Replies.guarded(this::clobMarket));
    }

    @FunctionalInterface
    private interface Answer {
        Object of(MarketSpec market);
    }

    private void byToken(RoutingContext ctx, Answer answer) {
        String tokenId = ctx.queryParams().get("token_id");
        if (tokenId == null || tokenId.isBlank()) {
            Replies.error(ctx, 400, INVALID_TOKEN_ID);
            return;
        }
        exchange.marketOfAsset(tokenId).ifPresentOrElse(market -> Replies.json(ctx, 200, answer.of(market)),
                () -> Replies.error(ctx, 404, MARKET_NOT_FOUND));
    }

    private void marketByToken(RoutingContext ctx) {
        exchange.marketOfAsset(ctx.pathParam("token")).ifPresentOrElse(
                market -> Replies.json(ctx, 200, new ConditionOf(market.conditionId())),
                () -> Replies.error(ctx, 404, MARKET_NOT_FOUND));
    }

    private void clobMarket(RoutingContext ctx) {
        exchange.market(ctx.pathParam("condition")).ifPresentOrElse(market -> Replies.json(ctx, 200, Details.of(market)),
                () -> Replies.error(ctx, 404, MARKET_NOT_FOUND));
    }

    record TickSize(@JsonProperty("minimum_tick_size") BigDecimal minimumTickSize) {
    }

    record NegRisk(@JsonProperty("neg_risk") boolean negRisk) {
    }

    record BaseFee(@JsonProperty("base_fee") int baseFee) {
    }

    record ConditionOf(@JsonProperty("condition_id") String conditionId) {
    }

    /**
     * A market as {@code /clob-markets} abbreviates it: {@code c} the condition, {@code t} the
     * tokens ({@code t} id, {@code o} outcome), {@code mts} the tick, {@code nr} neg-risk,
     * {@code fd} the fee details (rate, exponent: none here), {@code mbf}/{@code tbf} the maker
     * and taker base fees, {@code r} the rewards (none), {@code mos} the minimum order size.
     */
    record Details(String c, List<Token> t, BigDecimal mts, boolean nr, FeeDetails fd, int mbf, int tbf, Object r, BigDecimal mos) {

        static Details of(MarketSpec market) {
            return new Details(market.conditionId(), market.tokens().stream().map(token -> new Token(token.tokenId(), token.outcome())).toList(),
                    market.tickSize(), market.negRisk(), FeeDetails.NONE, 0, 0, null, market.minOrderSize());
        }
    }

    record Token(String t, String o) {
    }

    record FeeDetails(int r, int e) {
        static final FeeDetails NONE = new FeeDetails(0, 0);
    }
}
