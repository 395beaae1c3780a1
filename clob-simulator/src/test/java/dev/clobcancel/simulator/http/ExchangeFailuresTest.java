package dev.clobcancel.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.simulator.exchange.AlreadyExistsException;
import dev.clobcancel.simulator.exchange.InvalidHeartbeatException;
import dev.clobcancel.simulator.exchange.InvalidInputException;
import dev.clobcancel.simulator.exchange.NotFoundException;
import dev.clobcancel.simulator.exchange.NotLiveException;
import dev.clobcancel.simulator.exchange.OrderRefusedException;
import dev.clobcancel.simulator.orders.SignedOrderRefusedException;
import org.junit.jupiter.api.Test;

/** What the exchange refuses, in its terms, and the one status the wire answers each with. */
class ExchangeFailuresTest {

    @Test
    void aBrokenRuleIs400() {
        assertThat(ExchangeFailures.statusOf(new InvalidInputException("price must be a decimal above 0 and below 1"))).hasValue(400);
        assertThat(ExchangeFailures.statusOf(new InvalidHeartbeatException("hb-1"))).hasValue(400);
    }

    @Test
    void somethingTheExchangeDoesNotHoldIs404() {
        assertThat(ExchangeFailures.statusOf(new NotFoundException("no order 0x1"))).hasValue(404);
    }

    @Test
    void aKeyOrIdTakenAndAnOrderNoLongerLiveAre409() {
        assertThat(ExchangeFailures.statusOf(new AlreadyExistsException("an account with apiKey k already exists"))).hasValue(409);
        assertThat(ExchangeFailures.statusOf(new NotLiveException("order 0x1 is MATCHED, not LIVE"))).hasValue(409);
    }

    @Test
    void anOrderRefusedIs400Or404WhenItsMarketIsUnknown() {
        assertThat(ExchangeFailures.statusOf(new OrderRefusedException(OrderRefusedException.Reason.INVALID_ORDER_MIN_SIZE, "small")))
                .hasValue(400);
        assertThat(ExchangeFailures.statusOf(new OrderRefusedException(OrderRefusedException.Reason.MARKET_NOT_FOUND,
                OrderRefusedException.MARKET_NOT_FOUND))).hasValue(404);
        assertThat(ExchangeFailures.statusOf(SignedOrderRefusedException.refused("invalid signature", "not the signer's"))).hasValue(400);
        assertThat(ExchangeFailures.statusOf(SignedOrderRefusedException.marketNotFound("no market lists token 1"))).hasValue(404);
    }

    @Test
    void anythingElseIsNoRefusalButAFaultOfTheSimulator() {
        assertThat(ExchangeFailures.statusOf(new IllegalStateException("a bug"))).isEmpty();
    }
}
