package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.OrderView;
import dev.clobcancel.simulator.exchange.SimAccount;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Reading the caller's orders ({@code GET /data/order/{id}}, {@code GET /data/orders}) as the
 * official clients read them. Placing them is {@link SignedOrderApi}'s.
 */
final class OrderDataApi {

    /** Orders per page of {@code GET /data/orders}. */
    static final int PAGE_SIZE = 100;
    /** The cursor the exchange gives after the last page: base64 of "-1". */
    static final String END_CURSOR = "LTE=";

    private final Exchange exchange;
    private final TradingGate gate;

    OrderDataApi(SimulatorBackend state, TradingGate gate) {
        this.exchange = state.exchange();
        this.gate = gate;
    }

    void mount(Router router) {
        router.get("/data/order/:id").handler(gate.guard(TradingGate.Kind.READ, this::getOrder));
        router.get("/data/orders").handler(gate.guard(TradingGate.Kind.READ, this::getOrders));
    }

    private void getOrder(RoutingContext ctx, SimAccount account, byte[] body) {
        String id = ctx.pathParam("id");
        OrderView order = exchange.order(id).filter(o -> o.owner().equals(account.apiKey()))
                .orElseThrow(() -> RequestRefused.notFound("order " + id + " not found"));
        Replies.json(ctx, 200, OpenOrder.of(order));
    }

    private void getOrders(RoutingContext ctx, SimAccount account, byte[] body) {
        var query = ctx.queryParams();
        int offset = offset(query.get("next_cursor"));
        List<OrderView> live = exchange.liveOrders(account.apiKey(), query.get("id"), query.get("market"), query.get("asset_id"));
        Replies.json(ctx, 200, page(live, offset, OpenOrder::of));
    }

    /** One page of a listing, as the exchange pages them. */
    record Page<T>(int limit, @JsonProperty("next_cursor") String nextCursor, int count, List<T> data) {
    }

    /** One page of {@code all} from {@code offset}, as the exchange pages its listings: {limit, next_cursor, count, data}. */
    static <T, J> Page<J> page(List<T> all, int offset, Function<T, J> json) {
        List<J> page = new ArrayList<>();
        for (T item : all.subList(Math.min(offset, all.size()), Math.min(offset + PAGE_SIZE, all.size()))) {
            page.add(json.apply(item));
        }
        int next = offset + PAGE_SIZE;
        return new Page<>(PAGE_SIZE, next >= all.size() ? END_CURSOR : cursor(next), page.size(), page);
    }

    /** An order as the exchange's {@code OpenOrder}. */
    record OpenOrder(String id, String status, String owner, @JsonProperty("maker_address") String makerAddress, String market,
                     @JsonProperty("asset_id") String assetId, String side, @JsonProperty("original_size") String originalSize,
                     @JsonProperty("size_matched") String sizeMatched, String price, String outcome, String expiration,
                     @JsonProperty("order_type") String orderType, @JsonProperty("associate_trades") List<String> associateTrades,
                     @JsonProperty("created_at") long createdAt) {

        static OpenOrder of(OrderView order) {
            return new OpenOrder(order.id(), WireNames.status(order.status()), order.owner(), order.maker(), order.market(), order.assetId(),
                    WireNames.side(order.side()), order.size().toPlainString(), order.sizeMatched().toPlainString(),
                    order.price().toPlainString(), order.outcome(), Long.toString(order.expiration()),
                    WireNames.orderType(order.orderType()), order.tradeIds(), order.createdAt());
        }
    }

    static int offset(String cursor) {
        if (cursor == null || cursor.isEmpty() || cursor.equals("MA==")) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(new String(Base64.getDecoder().decode(cursor), StandardCharsets.US_ASCII));
            if (offset < 0) {
                throw RequestRefused.badRequest("next_cursor " + cursor + " is past the last page");
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw RequestRefused.badRequest("next_cursor " + cursor + " is not a cursor this server gave");
        }
    }

    static String cursor(int offset) {
        return Base64.getEncoder().encodeToString(Integer.toString(offset).getBytes(StandardCharsets.US_ASCII));
    }
}
