package dev.clobcancel.simulator;

import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.exchange.CancelReport;
import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.NewOrder;
import dev.clobcancel.simulator.exchange.OrderRequest;
import dev.clobcancel.simulator.exchange.OrderView;
import dev.clobcancel.simulator.exchange.Placement;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulator's orders as a test drives and reads them, by {@link OrderId}: place, look up,
 * fill from outside, cancel. What it hands back are snapshots ({@link OrderView}), never the live
 * orders.
 *
 * <pre>{@code
 * OrderId id = sim.orders().place(order().owner(apiKey).market(conditionId).asset(tokenId).buy().price("0.5").size("10"));
 * sim.orders().fill(id, new BigDecimal("4"));
 * assertThat(sim.orders().get(id)).map(OrderView::sizeMatched).contains(new BigDecimal("4"));
 * }</pre>
 */
public final class OrdersView {

    private final Exchange exchange;

    OrdersView(Exchange exchange) {
        this.exchange = exchange;
    }

    /** Places one order as the admin API seeds them, and returns its id (generated unless the spec gives one). */
    public OrderId place(OrderSpec spec) {
        return placeAll(List.of(spec)).get(0);
    }

    /** Places the orders all or none, in order, and returns their ids in the same order. */
    public List<OrderId> placeAll(List<OrderSpec> specs) {
        List<NewOrder> orders = specs.stream().map(spec -> Objects.requireNonNull(spec, "spec").toNewOrder()).toList();
        return exchange.place(orders).stream().map(OrderId::of).toList();
    }

    /**
     * Takes an order as {@code POST /order} does after its signature checks: matched, rested or
     * refused with the exchange's words ({@link dev.clobcancel.simulator.exchange.OrderRefusedException}).
     */
    public Placement submit(OrderRequest order) {
        return exchange.submit(order);
    }

    /** The order as it stands now, if the simulator has it. */
    public Optional<OrderView> get(OrderId id) {
        return exchange.order(id.value());
    }

    /** The account's open (live or delayed) orders, oldest first. */
    public List<OrderView> open(String apiKey) {
        return exchange.liveOrders(apiKey, null, null, null);
    }

    /** Fills the order wholly, as if an order outside the simulator took it (no trade is made). */
    public OrderView fill(OrderId id) {
        return exchange.match(id.value(), null);
    }

    /** Fills {@code size} of the order, as if an order outside the simulator took it (no trade is made). */
    public OrderView fill(OrderId id, BigDecimal size) {
        return exchange.match(id.value(), Objects.requireNonNull(size, "size"));
    }

    /** Cancels the account's orders among {@code ids}, as {@code DELETE /orders} does. */
    public CancelReport cancel(String apiKey, Collection<OrderId> ids) {
        return exchange.cancel(apiKey, ids.stream().map(OrderId::value).toList());
    }

    /** Cancels every open order of the account, as {@code DELETE /cancel-all} does. */
    public CancelReport cancelAll(String apiKey) {
        return exchange.cancelAll(apiKey);
    }
}
