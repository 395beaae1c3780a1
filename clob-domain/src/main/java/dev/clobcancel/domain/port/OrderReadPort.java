package dev.clobcancel.domain.port;

import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.model.OrderState;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Reads one of the account's orders back from the exchange.
 *
 * <pre>{@code
 * Optional<OrderState> order = port.readOrder(OrderId.of(hash)).toCompletableFuture().join();
 * }</pre>
 */
public interface OrderReadPort {

    /**
     * The order {@code id} as the exchange has it now; empty when the exchange knows no such order
     * of the account. Fails with a {@link dev.clobcancel.domain.failure.ClobException} when no
     * answer was had.
     */
    CompletionStage<Optional<OrderState>> readOrder(OrderId id);
}
