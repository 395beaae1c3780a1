package dev.clobcancel.adapter.http;

import static dev.clobcancel.adapter.http.TestSupport.ASSET;
import static dev.clobcancel.adapter.http.TestSupport.CREDS;
import static dev.clobcancel.adapter.http.TestSupport.MARKET;
import static dev.clobcancel.adapter.http.TestSupport.liveOrder;
import static dev.clobcancel.adapter.http.TestSupport.result;
import static dev.clobcancel.simulator.OrderSpec.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.MarketCancel;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.assertj.SimulatorAssert;
import dev.clobcancel.simulator.faults.FaultRule;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Delayed taker orders: a cancel inside their 250 ms window is refused with the exchange's reason;
 * the client cancels them again once the window has passed, within the call's deadline. The
 * simulator holds them back on the manual clock the client's scheduler moves on.
 */
class DelayedOrdersTest extends ManualTimeFixture {

    private static final Duration WINDOW = Duration.ofMillis(250);

    private OrderId delayedOrder() {
        return sim.place(order().owner(CREDS.apiKey()).market(MARKET).asset(ASSET).buy().price("0.5").size("10").delayed(WINDOW));
    }

    @Test
    void aDelayedOrderIsCanceledOnceItsWindowHasPassed() throws Exception {
        OrderId id = delayedOrder();

        CancelResult result = result(client.cancelOrder(id));

        assertThat(result.wasCanceled(id)).isTrue();
        assertThat(TestSupport.reasons(result.notCanceled())).isEmpty();
        assertThat(scheduler.delays()).containsExactly(DelayedOrders.WAIT);
        SimulatorAssert.assertThat(sim).hasOrderCanceled(id);
        SimulatorAssert.assertThat(sim).receivedRequests("DELETE", "/order").hasSize(2);
    }

    @Test
    void aBatchCancelsItsDelayedOrdersAgainAndKeepsTheRest() throws Exception {
        OrderId live = liveOrder(sim);
        OrderId first = delayedOrder();
        OrderId second = delayedOrder();

        CancelResult result = result(client.cancelOrders(List.of(live, first, second)));

        assertThat(TestSupport.ids(result.canceled())).containsExactly(live.value(), first.value(), second.value());
        assertThat(TestSupport.reasons(result.notCanceled())).isEmpty();
        SimulatorAssert.assertThat(sim).receivedRequests("DELETE", "/orders").hasSize(2);
    }

    @Test
    void cancelingAllOrAMarketCancelsTheDelayedOrdersAgain() throws Exception {
        OrderId a = delayedOrder();
        CancelResult all = result(client.cancelAll());
        OrderId b = delayedOrder();
        CancelResult market = result(client.cancelMarketOrders(MarketCancel.market(MARKET)));

        assertThat(all.wasCanceled(a)).isTrue();
        assertThat(market.wasCanceled(b)).isTrue();
        assertThat(TestSupport.reasons(all.notCanceled())).isEmpty();
        assertThat(TestSupport.reasons(market.notCanceled())).isEmpty();
    }

    @Test
    void anOrderWhoseWindowEndsAfterTheDeadlineIsReportedNotCanceledWithTheExchangesReason() throws Exception {
        try (ClobHttpClient hurried = TestSupport.clientOnManualTime(sim, CLOCK, scheduler).deadline(Duration.ofMillis(200)).build()) {
            OrderId id = delayedOrder();

            CancelResult result = result(hurried.cancelOrder(id));

            assertThat(result.wasCanceled(id)).isFalse();
            assertThat(result.reasonNotCanceled(id)).contains(DelayedOrders.REASON);
            assertThat(scheduler.delays()).isEmpty();
        }
    }

    @Test
    void anOrderRefusedAsDelayedAgainAndAgainIsReportedNotCanceledAfterABoundedNumberOfTries() throws Exception {
        OrderId id = liveOrder(sim);
        sim.faults().add(FaultRule.respond(200, "{\"canceled\":[],\"not_canceled\":{\"" + id.value() + "\":\""
                + DelayedOrders.REASON + "\"}}").path("/order").build());

        CancelResult result = result(client.cancelOrder(id));

        assertThat(result.reasonNotCanceled(id)).contains(DelayedOrders.REASON);
        assertThat(scheduler.delays()).hasSize(DelayedOrders.MAX_ROUNDS).containsOnly(DelayedOrders.WAIT);
    }
}
