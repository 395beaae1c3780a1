package dev.clobcancel.simulator.http;

import dev.clobcancel.simulator.exchange.AlreadyExistsException;
import dev.clobcancel.simulator.exchange.ExchangeException;
import dev.clobcancel.simulator.exchange.InvalidHeartbeatException;
import dev.clobcancel.simulator.exchange.InvalidInputException;
import dev.clobcancel.simulator.exchange.NotFoundException;
import dev.clobcancel.simulator.exchange.NotLiveException;
import dev.clobcancel.simulator.exchange.OrderRefusedException;
import dev.clobcancel.simulator.orders.SignedOrderRefusedException;
import java.util.OptionalInt;

/**
 * The one place where what the exchange refuses becomes an HTTP status. The exchange says what
 * went wrong in its own terms ({@link ExchangeException} and its kinds); this says how the wire
 * answers each: a rule broken 400, nothing of that name 404, a key or id taken 409, an order no
 * longer live 409. An order the exchange will not take is 400, or 404 when its market is unknown,
 * as the exchange answers every error whose words say "not found"
 * (docs.polymarket.com/resources/error-codes).
 */
final class ExchangeFailures {

    private ExchangeFailures() {
    }

    /** The status that answers {@code failure}, or empty when it is no refusal but a fault of the simulator. */
    static OptionalInt statusOf(Throwable failure) {
        if (failure instanceof RequestRefused refused) {
            return OptionalInt.of(refused.status());
        }
        if (failure instanceof SignedOrderRefusedException refused) {
            return OptionalInt.of(refused.unknownMarket() ? 404 : 400);
        }
        if (failure instanceof ExchangeException refused) {
            return OptionalInt.of(status(refused));
        }
        return OptionalInt.empty();
    }

    static int status(ExchangeException refused) {
        if (refused instanceof OrderRefusedException order) {
            return order.reason() == OrderRefusedException.Reason.MARKET_NOT_FOUND ? 404 : 400;
        }
        if (refused instanceof NotFoundException) {
            return 404;
        }
        if (refused instanceof AlreadyExistsException || refused instanceof NotLiveException) {
            return 409;
        }
        if (refused instanceof InvalidInputException || refused instanceof InvalidHeartbeatException) {
            return 400;
        }
        throw new IllegalStateException("no status for " + refused.getClass().getSimpleName() + ": " + refused.getMessage());
    }
}
