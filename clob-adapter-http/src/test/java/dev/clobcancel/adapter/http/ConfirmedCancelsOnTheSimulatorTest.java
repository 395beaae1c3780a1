package dev.clobcancel.adapter.http;

import static dev.clobcancel.adapter.http.TestSupport.CREDS;
import static dev.clobcancel.adapter.http.TestSupport.MARKET;
import static dev.clobcancel.adapter.http.TestSupport.liveOrder;
import static dev.clobcancel.adapter.http.TestSupport.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.clobcancel.adapter.http.ws.ManualScheduler;
import dev.clobcancel.adapter.http.ws.UserChannel;
import dev.clobcancel.domain.confirm.CancelConfirmer;
import dev.clobcancel.domain.confirm.ConfirmedCancel;
import dev.clobcancel.domain.confirm.Settlement;
import dev.clobcancel.domain.confirm.Settlement.Evidence;
import dev.clobcancel.domain.confirm.Settlement.State;
import dev.clobcancel.domain.events.OrderEvent;
import dev.clobcancel.domain.events.UserEvent;
import dev.clobcancel.domain.failure.TransportException;
import dev.clobcancel.domain.model.MarketCancel;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.retry.RetryPolicy;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.faults.ChannelFaultAction;
import dev.clobcancel.simulator.faults.ChannelFaultRule;
import dev.clobcancel.simulator.faults.FaultAction;
import dev.clobcancel.simulator.faults.FaultRule;
import dev.clobcancel.simulator.junit.ClobSimulatorTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Confirmed cancels end to end: the client cancels over HTTP and listens on the simulator's own
 * {@code /ws/user}, which sends each order's CANCELLATION before the cancel's answer, and whose
 * faults lose events, drop the connection and stop answering PING. Time moves for the confirmer
 * and the channel only when the test runs what they scheduled.
 */
@ClobSimulatorTest
class ConfirmedCancelsOnTheSimulatorTest {

    private static final Duration EVENT_WAIT = CancelConfirmer.DEFAULT_EVENT_WAIT;
    private static final Duration PING = UserChannel.DEFAULT_PING_INTERVAL;
    private static final Duration FIRST_RECONNECT = Duration.ofMillis(750);

    private ClobSimulator sim;
    private ClobHttpClient client;
    private UserChannel channel;
    private final ManualScheduler channelTime = new ManualScheduler();
    private final ManualScheduler time = new ManualScheduler();

    @BeforeEach
    void fresh(ClobSimulator sim) {
        this.sim = sim;
        sim.addAccount(CREDS, TestSupport.ADDRESS);
        client = TestSupport.clientOf(sim).retryPolicy(RetryPolicy.none()).build();
        channel = UserChannel.builder().url(UserChannel.urlFor(sim.baseUri())).credentials(CREDS).scheduler(channelTime)
                .random(TestSupport.MID_JITTER).build();
    }

    @AfterEach
    void close() {
        client.close();
        channel.close();
    }

    private CancelConfirmer confirmer() {
        return CancelConfirmer.builder(client, channel).scheduler(time).build();
    }

    private static Settlement only(ConfirmedCancel confirmed) {
        assertThat(confirmed.settlements()).hasSize(1);
        return confirmed.settlements().get(0);
    }

    @Test
    void theUserChannelOfTheSimulatorIsWhereTheClientLooksForIt() {
        assertThat(UserChannel.urlFor(sim.baseUri())).isEqualTo(sim.userChannelUri());
    }

    @Test
    void aCanceledOrderIsSettledByItsCancellationEvent() throws Exception {
        OrderId id = liveOrder(sim);

        ConfirmedCancel confirmed = result(confirmer().cancelAndConfirm(id));

        // The simulator writes the event before the answer, but the two come on two connections, which
        // the client's threads may read in either order: whether the order waited for its event is the
        // machine's scheduling (CancelConfirmerTest holds the answer back to test the event coming first).
        assertThat(only(confirmed)).isEqualTo(new Settlement(id.value(), State.CANCELED, Evidence.CANCELLATION_EVENT,
                "status CANCELED"));
    }

    @Test
    void aBatchIsSettledOrderByOrderByEventsAndRefusals() throws Exception {
        OrderId live = liveOrder(sim);
        OrderId matched = liveOrder(sim);
        sim.orders().fill(matched);
        OrderId unknown = OrderId.of("0x" + "cd".repeat(32));

        ConfirmedCancel confirmed = result(confirmer().cancelAndConfirm(List.of(live, matched, unknown)));

        assertThat(confirmed.settlements()).extracting(Settlement::orderId, Settlement::state, Settlement::evidence)
                .containsExactly(tuple(live.value(), State.CANCELED, Evidence.CANCELLATION_EVENT),
                        tuple(matched.value(), State.MATCHED, Evidence.REFUSAL),
                        tuple(unknown.value(), State.NOT_FOUND, Evidence.REFUSAL));
    }

    @Test
    void aCancelAllAndAMarketCancelAreSettledByTheEventsOfEveryOrderTheyTook() throws Exception {
        OrderId inMarket = liveOrder(sim);
        OrderId elsewhere = liveOrder(sim, CREDS, "0x" + "7a".repeat(32), "456");

        ConfirmedCancel market = result(confirmer().cancelMarketOrdersAndConfirm(MarketCancel.market(MARKET)));
        ConfirmedCancel all = result(confirmer().cancelAllAndConfirm());

        assertThat(market.settlements()).extracting(Settlement::orderId, Settlement::evidence)
                .containsExactly(tuple(inMarket.value(), Evidence.CANCELLATION_EVENT));
        assertThat(all.settlements()).extracting(Settlement::orderId, Settlement::evidence)
                .containsExactly(tuple(elsewhere.value(), Evidence.CANCELLATION_EVENT));
    }

    @Test
    void anAnswerLostToAResetIsSettledByReadingTheOrder() throws Exception {
        OrderId id = liveOrder(sim);
        sim.faults().add(FaultRule.of(FaultAction.RESET).path("/order").times(1).build());

        ConfirmedCancel confirmed = result(confirmer().cancelAndConfirm(id));

        // The connection was reset before the exchange acted: the read finds the order on the book.
        assertThat(only(confirmed)).isEqualTo(new Settlement(id.value(), State.LIVE, Evidence.ORDER_READ, "status LIVE"));
        assertThat(confirmed.cancelFailure().orElseThrow()).isInstanceOf(TransportException.class);
        assertThat(sim.order(id).orElseThrow().status()).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void anAnswerThatNeverComesIsSettledByReadingTheOrderOnceTheAttemptTimesOut() throws Exception {
        client.close();
        client = TestSupport.clientOf(sim).retryPolicy(RetryPolicy.none()).attemptTimeout(Duration.ofMillis(200)).build();
        OrderId id = liveOrder(sim);
        sim.faults().add(FaultRule.of(FaultAction.HANG).path("/order").times(1).build());

        ConfirmedCancel confirmed = result(confirmer().cancelAndConfirm(id));

        assertThat(only(confirmed).evidence()).isEqualTo(Evidence.ORDER_READ);
        assertThat(((TransportException) confirmed.cancelFailure().orElseThrow()).kind())
                .isEqualTo(TransportException.Kind.TIMEOUT);
    }

    @Test
    void anOrderWhoseEventTheChannelLostIsSettledByReadingItOnceTheWaitIsOver() throws Exception {
        OrderId id = liveOrder(sim);
        sim.channelFaults().add(ChannelFaultRule.of(ChannelFaultAction.LOSE).onChannel(ChannelFaultRule.USER).times(1));

        CompletionStage<ConfirmedCancel> confirmed = confirmer().cancelAndConfirm(id);
        time.run(EVENT_WAIT);

        assertThat(only(result(confirmed))).isEqualTo(new Settlement(id.value(), State.CANCELED, Evidence.ORDER_READ,
                "status CANCELED"));
    }

    @Test
    void whenTheSimulatorDropsTheChannelTheOrderIsReadAndTheChannelComesBackForTheNextCancel() throws Exception {
        OrderId first = liveOrder(sim);
        OrderId second = liveOrder(sim);
        sim.channelFaults().add(ChannelFaultRule.of(ChannelFaultAction.DROP).onChannel(ChannelFaultRule.USER).times(1));

        ConfirmedCancel dropped = result(confirmer().cancelAndConfirm(first));
        channelTime.run(FIRST_RECONNECT);
        ConfirmedCancel after = result(confirmer().cancelAndConfirm(second));

        assertThat(only(dropped)).isEqualTo(new Settlement(first.value(), State.CANCELED, Evidence.ORDER_READ,
                "status CANCELED"));
        assertThat(only(after).evidence()).isEqualTo(Evidence.CANCELLATION_EVENT);
    }

    @Test
    void aChannelWhosePingsGoUnansweredIsDroppedAndMadeAgain() throws Exception {
        BlockingQueue<Object> heard = new LinkedBlockingQueue<>();
        result(channel.subscribe(new dev.clobcancel.domain.events.UserEventListener() {
            @Override
            public void onEvent(UserEvent event) {
                heard.add(event);
            }

            @Override
            public void onSubscribed() {
                heard.add("subscribed");
            }

            @Override
            public void onDisconnected(String reason) {
                heard.add(reason);
            }
        }));
        assertThat(heard.poll(20, TimeUnit.SECONDS)).isEqualTo("subscribed");
        sim.channelFaults().add(ChannelFaultRule.of(ChannelFaultAction.NO_PONG).onChannel(ChannelFaultRule.USER).times(1));

        channelTime.run(PING);
        channelTime.run(PING);
        assertThat(heard.poll(20, TimeUnit.SECONDS)).isEqualTo("no PONG within 10 s");
        channelTime.run(FIRST_RECONNECT);
        assertThat(heard.poll(20, TimeUnit.SECONDS)).isEqualTo("subscribed");
        OrderId id = liveOrder(sim);

        assertThat(heard.poll(20, TimeUnit.SECONDS)).isInstanceOfSatisfying(OrderEvent.class, placed -> {
            assertThat(placed.type()).isEqualTo(OrderEvent.Type.PLACEMENT);
            assertThat(placed.id()).isEqualTo(id.value());
        });
    }
}
