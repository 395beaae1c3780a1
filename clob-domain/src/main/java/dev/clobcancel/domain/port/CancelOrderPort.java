package dev.clobcancel.domain.port;

import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import java.util.concurrent.CompletionStage;

/**
 * Cancels one order on the exchange.
 *
 * <p>The stage completes with the exchange's {@link CancelResult} when it answered 200 (the order
 * may still be listed as not canceled, with the exchange's reason), or exceptionally with a
 * {@link dev.clobcancel.domain.failure.ClobException} saying why no answer was had.
 *
 * <pre>{@code
 * port.cancelOrder(OrderId.of(hash)).whenComplete((result, failure) -> ...);
 * }</pre>
 */
public interface CancelOrderPort {

    CompletionStage<CancelResult> cancelOrder(OrderId orderId);
}
