package dev.clobcancel.adapter.http;

import static dev.clobcancel.adapter.http.TestSupport.CREDS;
import static dev.clobcancel.adapter.http.TestSupport.liveOrder;
import static dev.clobcancel.adapter.http.TestSupport.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clobcancel.adapter.http.ws.ManualScheduler;
import dev.clobcancel.adapter.http.ws.TestUserChannelServer;
import dev.clobcancel.adapter.http.ws.UserChannel;
import dev.clobcancel.domain.confirm.CancelConfirmer;
import dev.clobcancel.domain.confirm.ConfirmedCancel;
import dev.clobcancel.domain.confirm.Settlement;
import dev.clobcancel.domain.confirm.Settlement.Evidence;
import dev.clobcancel.domain.confirm.Settlement.State;
import dev.clobcancel.domain.failure.TransportException;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.retry.RetryPolicy;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.faults.FaultAction;
import dev.clobcancel.simulator.faults.FaultRule;
import dev.clobcancel.simulator.junit.ClobSimulatorTest;
import dev.clobcancel.simulator.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Confirmed cancels: the simulator cancels over real HTTP, and a real WebSocket server on
 * loopback plays the user channel, sending each event when the test says. The confirmer's time
 * moves only when the test runs what it scheduled: the wait for events, reads made again, the
 * settling deadline.
 */
@ClobSimulatorTest
class CancelConfirmerTest {

    private static final Duration EVENT_WAIT = CancelConfirmer.DEFAULT_EVENT_WAIT;
    private static final Duration SETTLE_WITHIN = CancelConfirmer.DEFAULT_SETTLE_WITHIN;
    private static final Duration READ_AGAIN = CancelConfirmer.DEFAULT_READ_RETRY_DELAY;
    private static final Duration SUBSCRIBE_TIMEOUT = UserChannel.DEFAULT_SUBSCRIBE_TIMEOUT;

    private ClobSimulator sim;
    private TestUserChannelServer channelServer;
    private ClobHttpClient client;
    private UserChannel channel;
    private final ManualScheduler channelTime = new ManualScheduler();
    private final ManualScheduler time = new ManualScheduler();

    @BeforeEach
    void fresh(ClobSimulator sim) throws Exception {
        this.sim = sim;
        sim.addAccount(CREDS, TestSupport.ADDRESS);
        channelServer = TestUserChannelServer.start();
        client = TestSupport.clientOf(sim).retryPolicy(RetryPolicy.none()).build();
        channel = UserChannel.builder().url(channelServer.url()).credentials(CREDS).scheduler(channelTime)
                .random(TestSupport.MID_JITTER).build();
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        channel.close();
        channelServer.close();
    }

    private CancelConfirmer confirmer() {
        return CancelConfirmer.builder(client, channel).scheduler(time).build();
    }

    private static String cancellation(OrderId id) {
        return "{\"event_type\":\"order\",\"type\":\"CANCELLATION\",\"id\":\"" + id.value() + "\",\"status\":\"CANCELED\"}";
    }

    private static Settlement only(ConfirmedCancel confirmed) {
        assertThat(confirmed.settlements()).hasSize(1);
        return confirmed.settlements().get(0);
    }

    @Test
    void theCancelIsSentOnlyOnceTheChannelHasTakenTheSubscriptionAndItsEventSettlesTheOrder() throws Exception {
        OrderId id = liveOrder(sim);
        channelServer.answerPings(false);

        CompletionStage<ConfirmedCancel> confirmed = confirmer().cancelAndConfirm(id);
        assertThat(channelServer.nextMessage()).contains("\"type\":\"user\"");
        assertThat(channelServer.nextMessage()).isEqualTo("PING");
        assertThat(sim.journal().entries()).as("nothing sent before the subscription was taken").isEmpty();
        channelServer.send("PONG");
        time.take(EVENT_WAIT); // the answer came: the order waits for its event
        channelServer.send(cancellation(id));

        ConfirmedCancel result = result(confirmed);
        assertThat(only(result)).isEqualTo(new Settlement(id.value(), State.CANCELED, Evidence.CANCELLATION_EVENT,
                "status CANCELED"));
        assertThat(TestSupport.ids(result.answer().orElseThrow().canceled())).containsExactly(id.value());
        assertThat(result.allCanceled()).isTrue();
    }

    @Test
    void anEventThatCameBeforeTheAnswerSettlesTheOrderWithoutWaiting() throws Exception {
        OrderId id = OrderId.of("0x" + "ab".repeat(32)); // HeldServer.CANCELED's order
        try (HeldServer exchange = HeldServer.plain();
             ClobHttpClient heldClient = ClobHttpClient.builder().host(exchange.uri()).credentials(CREDS)
                     .address(TestSupport.ADDRESS).retryPolicy(RetryPolicy.none()).build()) {
            CompletionStage<ConfirmedCancel> confirmed = CancelConfirmer.builder(heldClient, channel).scheduler(time).build()
                    .cancelAndConfirm(id);
            assertThat(channelServer.nextMessage()).contains("\"type\":\"user\"");
            assertThat(channelServer.nextMessage()).isEqualTo("PING");
            channelServer.send("PONG");
            var cancel = exchange.next(); // sent, and held: no answer yet
            // Listeners hear an event in the order they subscribed: once this one, subscribed after the
            // confirmer, has heard the event, the confirmer has too.
            java.util.concurrent.CompletableFuture<Void> heard = new java.util.concurrent.CompletableFuture<>();
            result(channel.subscribe(event -> heard.complete(null)));
            channelServer.send(cancellation(id));
            heard.get(10, java.util.concurrent.TimeUnit.SECONDS);

            cancel.response().putHeader("Content-Type", "application/json").end(HeldServer.CANCELED);

            assertThat(only(result(confirmed))).isEqualTo(new Settlement(id.value(), State.CANCELED,
                    Evidence.CANCELLATION_EVENT, "status CANCELED"));
            assertThat(time.has(EVENT_WAIT)).as("the order did not wait for an event it already had").isFalse();
        }
    }

    @Test
    void anOrderWhoseEventDoesNotComeWithinTheWaitIsSettledByReadingIt() throws Exception {
        OrderId id = liveOrder(sim);

        CompletionStage<ConfirmedCancel> confirmed = confirmer().cancelAndConfirm(id);
        time.run(EVENT_WAIT);

        assertThat(only(result(confirmed))).isEqualTo(new Settlement(id.value(), State.CANCELED, Evidence.ORDER_READ,
                "status CANCELED"));
    }

    @Test
    void anOrderAlreadyMatchedIsSettledByTheRefusal() throws Exception {
        OrderId id = liveOrder(sim);
        sim.orders().fill(id);

        ConfirmedCancel result = result(confirmer().cancelAndConfirm(id));

        assertThat(only(result)).isEqualTo(new Settlement(id.value(), State.MATCHED, Evidence.REFUSAL, "Order already matched"));
        assertThat(result.allOffTheBook()).isTrue();
        assertThat(result.allCanceled()).isFalse();
    }

    @Test
    void aLostAnswerIsSettledByReadingTheOrderWhichSaysWhetherTheCancelTookIt() throws Exception {
        OrderId id = liveOrder(sim);
        sim.faults().add(FaultRule.of(FaultAction.RESET).path("/order").times(1).build());

        ConfirmedCancel result = result(confirmer().cancelAndConfirm(id));

        // The reset came before the simulator cancelled: the read finds the order still live.
        assertThat(only(result)).isEqualTo(new Settlement(id.value(), State.LIVE, Evidence.ORDER_READ, "status LIVE"));
        assertThat(result.answer()).isEmpty();
        assertThat(result.cancelFailure().orElseThrow()).isInstanceOf(TransportException.class);
    }

    @Test
    void anOrderCalledAlreadyCanceledByARetriedCancelIsReadForItsFirstAttemptMayHaveCanceledIt() throws Exception {
        OrderId id = liveOrder(sim);
        sim.faults().add(FaultRule.of(FaultAction.RESET).path("/order").times(1).build());
        // As if the first attempt had reached the exchange before its connection was lost.
        sim.orders().cancel(CREDS.apiKey(), List.of(id));
        ManualClock clock = ManualClock.at(java.time.Instant.now());
        try (ClobHttpClient retrying = TestSupport.clientOf(sim).clock(clock).scheduler(new InstantScheduler(clock))
                .retryPolicy(RetryPolicy.defaults().withRandom(TestSupport.MID_JITTER)).build()) {

            ConfirmedCancel result = result(CancelConfirmer.builder(retrying, channel).scheduler(time).build().cancelAndConfirm(id));

            assertThat(result.answer().orElseThrow().attempts()).isEqualTo(2);
            assertThat(result.answer().orElseThrow().reasonNotCanceled(id)).hasValue("Order not found or already canceled");
            assertThat(only(result).state()).isEqualTo(State.CANCELED);
            assertThat(only(result).evidence()).as("read, not taken at the refusal's word").isEqualTo(Evidence.ORDER_READ);
        }
    }

    @Test
    void withoutTheChannelTheCancelStillGoesAndEveryOrderIsRead() throws Exception {
        OrderId id = liveOrder(sim);
        channelServer.answerPings(false);

        CompletionStage<ConfirmedCancel> confirmed = confirmer().cancelAndConfirm(id);
        channelServer.nextMessage();
        channelTime.run(SUBSCRIBE_TIMEOUT);

        assertThat(only(result(confirmed))).isEqualTo(new Settlement(id.value(), State.CANCELED, Evidence.ORDER_READ,
                "status CANCELED"));
    }

    @Test
    void aChannelLostWhileWaitingSendsTheWaitingOrdersToBeReadAtOnce() throws Exception {
        OrderId id = liveOrder(sim);

        CompletionStage<ConfirmedCancel> confirmed = confirmer().cancelAndConfirm(id);
        time.take(EVENT_WAIT);
        channelServer.dropConnections();

        assertThat(only(result(confirmed)).evidence()).isEqualTo(Evidence.ORDER_READ);
    }

    @Test
    void anOrderNoEvidenceSettlesBeforeTheDeadlineIsUnconfirmedAndTheStageStillCompletes() throws Exception {
        OrderId id = liveOrder(sim);
        sim.faults().add(FaultRule.respond(500).path("/data/order/" + id.value()).build());

        CompletionStage<ConfirmedCancel> confirmed = confirmer().cancelAndConfirm(id);
        time.run(EVENT_WAIT);
        time.take(READ_AGAIN); // the read failed, and would be made again
        time.run(SETTLE_WITHIN);

        Settlement settlement = only(result(confirmed));
        assertThat(settlement.state()).isEqualTo(State.UNCONFIRMED);
        assertThat(settlement.evidence()).isEqualTo(Evidence.NONE);
        assertThat(settlement.detail()).startsWith("the read failed: ").endsWith("; not settled within 15 s");
    }

    @Test
    void aBatchSaysForEachOrderWhichEvidenceSettledIt() throws Exception {
        OrderId canceled = liveOrder(sim);
        OrderId matched = liveOrder(sim);
        sim.orders().fill(matched);
        OrderId unknown = OrderId.of("0x" + "cd".repeat(32));

        CompletionStage<ConfirmedCancel> confirmed = confirmer().cancelAndConfirm(List.of(canceled, matched, unknown, canceled));
        time.take(EVENT_WAIT);
        channelServer.send(cancellation(canceled));

        assertThat(result(confirmed).settlements()).containsExactly(
                new Settlement(canceled.value(), State.CANCELED, Evidence.CANCELLATION_EVENT, "status CANCELED"),
                new Settlement(matched.value(), State.MATCHED, Evidence.REFUSAL, "Order already matched"),
                new Settlement(unknown.value(), State.NOT_FOUND, Evidence.REFUSAL, "Order not found or already canceled"));
    }

    @Test
    void aCancelAllIsConfirmedForEachOrderItsAnswerNames() throws Exception {
        OrderId a = liveOrder(sim);
        OrderId b = liveOrder(sim);

        CompletionStage<ConfirmedCancel> confirmed = confirmer().cancelAllAndConfirm();
        time.take(EVENT_WAIT);
        channelServer.send(cancellation(b));
        channelServer.send(cancellation(a));

        assertThat(result(confirmed).settlements()).extracting(Settlement::orderId, Settlement::evidence)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(a.value(), Evidence.CANCELLATION_EVENT),
                        org.assertj.core.groups.Tuple.tuple(b.value(), Evidence.CANCELLATION_EVENT));
        assertThat(sim.order(a).orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void aCancelAllWhoseAnswerWasLostFailsForNobodyCanSayWhichOrdersItTook() throws Exception {
        liveOrder(sim);
        sim.faults().add(FaultRule.of(FaultAction.RESET).path("/cancel-all").times(1).build());

        assertThatThrownBy(() -> result(confirmer().cancelAllAndConfirm())).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(TransportException.class);
    }

    @Test
    void anEmptyBatchSendsNothing() throws Exception {
        ConfirmedCancel result = result(confirmer().cancelAndConfirm(List.of()));

        assertThat(result.settlements()).isEmpty();
        assertThat(sim.journal().entries()).isEmpty();
        assertThat(channelServer.connectionsAccepted()).isZero();
    }
}
