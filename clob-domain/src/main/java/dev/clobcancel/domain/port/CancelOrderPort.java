package dev.clobcancel.domain.port;

import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.MarketCancel;
import dev.clobcancel.domain.model.OrderId;
import java.util.Collection;
import java.util.concurrent.CompletionStage;

/**
 * Takes the account's orders off the book: one order, a list of them, all of them, or those of a
 * market. The one home of every cancel the exchange offers.
 *
 * <p>Each stage completes with the exchange's {@link CancelResult} when it answered 200 (orders
 * may still be listed as not canceled, with the exchange's reason), or exceptionally with a
 * {@link dev.clobcancel.domain.failure.ClobException} saying why no answer was had (every failure
 * is one of that family: a closed implementation fails with a
 * {@link dev.clobcancel.domain.failure.ClientClosedException}). Every cancel
 * is idempotent: sending it again after a failure is safe, and an implementation may do so.
 *
 * <pre>{@code
 * port.cancelOrder(OrderId.of(hash)).whenComplete((result, failure) -> ...);
 * port.cancelOrders(List.of(a, b, c));
 * port.cancelAll();
 * port.cancelMarketOrders(MarketCancel.market(conditionId));
 * }</pre>
 */
public interface CancelOrderPort {

    /** Cancels one order. */
    CompletionStage<CancelResult> cancelOrder(OrderId orderId);

    /**
     * Cancels the orders {@code orderIds}, each once however often it is listed (ids that differ
     * only in the case of their hex digits are one order). An empty collection cancels nothing
     * and sends nothing.
     */
    CompletionStage<CancelResult> cancelOrders(Collection<OrderId> orderIds);

    /** Cancels every order of the account, in every market. */
    CompletionStage<CancelResult> cancelAll();

    /** Cancels the account's orders in a market, on an outcome token, or both. */
    CompletionStage<CancelResult> cancelMarketOrders(MarketCancel which);
}
