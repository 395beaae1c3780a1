package dev.clobcancel.adapter.http;

import static dev.clobcancel.adapter.http.TestSupport.CREDS;
import static dev.clobcancel.adapter.http.TestSupport.MID_JITTER;
import static dev.clobcancel.adapter.http.TestSupport.closedLoopbackPort;
import static dev.clobcancel.adapter.http.TestSupport.failure;
import static dev.clobcancel.adapter.http.TestSupport.liveOrder;
import static dev.clobcancel.adapter.http.TestSupport.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.failure.AuthenticationException;
import dev.clobcancel.domain.failure.BadRequestException;
import dev.clobcancel.domain.failure.ClientClosedException;
import dev.clobcancel.domain.failure.ClobException;
import dev.clobcancel.domain.failure.NotReadyException;
import dev.clobcancel.domain.failure.TradingDisabledException;
import dev.clobcancel.domain.failure.TransportException;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.MarketCancel;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.retry.RetryPolicy;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.SimulatorOptions;
import dev.clobcancel.simulator.exchange.ExchangeMode;
import dev.clobcancel.simulator.faults.FaultAction;
import dev.clobcancel.simulator.faults.FaultRule;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import dev.clobcancel.simulator.ratelimit.Tier;
import dev.clobcancel.simulator.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The retry rules, carried out by the real client against the simulator's scripted faults and
 * modes. Client and simulator share one manual clock, which the scheduler moves on by each
 * delay: the delays are exact (jitter fixed mid-range), and the tests take no time.
 */
class RetryTest {

    private static final ManualClock CLOCK = ManualClock.at(Instant.parse("2026-01-05T12:00:00Z"));

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorOptions.builder().clock(CLOCK).build());

    private static final RetryPolicy POLICY = RetryPolicy.defaults().withRandom(MID_JITTER);

    private ClobSimulator sim;
    private InstantScheduler scheduler;
    private ClobHttpClient client;

    @BeforeEach
    void fresh(ClobSimulator sim) {
        this.sim = sim;
        sim.addAccount(CREDS, TestSupport.ADDRESS);
        scheduler = new InstantScheduler(CLOCK);
        client = client(b -> b);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private ClobHttpClient client(UnaryOperator<ClobHttpClientBuilder> tuning) {
        return tuning.apply(TestSupport.clientOf(sim).clock(CLOCK).scheduler(scheduler).retryPolicy(POLICY)).build();
    }

    private void fault(FaultRule rule) {
        sim.faults().add(rule);
    }

    @Test
    void aNotReadyAnswerIsSentAgainUntilItGetsThrough() throws Exception {
        fault(FaultRule.respond(425).path("/order").times(2).build());
        OrderId id = liveOrder(sim);

        CancelResult result = result(client.cancelOrder(id));

        assertThat(result.wasCanceled(id)).isTrue();
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(scheduler.delays()).containsExactly(Duration.ofMillis(1500), Duration.ofSeconds(3));
    }

    @Test
    void anAnswerAfterALostOneSaysItsRequestWasSentTwiceForTheFirstMayHaveCanceledWhatItCallsAlreadyCanceled() throws Exception {
        fault(FaultRule.of(FaultAction.RESET).path("/order").times(1).build());
        OrderId id = liveOrder(sim);
        // As if the first attempt had reached the exchange before its connection was lost.
        sim.orders().cancel(CREDS.apiKey(), List.of(id));

        CancelResult result = result(client.cancelOrder(id));

        assertThat(result.wasCanceled(id)).isFalse();
        assertThat(result.reasonNotCanceled(id)).isPresent();
        assertThat(result.attempts()).as("an id listed as already canceled may be this call's own").isEqualTo(2);
    }

    @Test
    void aBatchSaysTheMostTimesAnyOfItsRequestsWasSent() throws Exception {
        fault(FaultRule.respond(425).path("/orders").times(1).build());
        List<OrderId> ids = List.of(liveOrder(sim), liveOrder(sim));

        CancelResult result = result(client.cancelOrders(ids));

        assertThat(result.canceled()).containsExactlyElementsOf(ids);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result(client.cancelOrders(List.of(liveOrder(sim), liveOrder(sim)))).attempts())
                .as("sent once when nothing failed").isEqualTo(1);
    }

    @Test
    void theMatchingEnginesRestartIsRiddenOutWaitingAsLongAsTheExchangeSays() throws Exception {
        sim.restartFor(Duration.ofSeconds(10));
        OrderId id = liveOrder(sim);

        CancelResult result = result(client.cancelOrder(id));

        assertThat(result.wasCanceled(id)).isTrue();
        assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void eachAttemptIsSignedAfreshWithANewTimestamp() throws Exception {
        // A wait of 3 minutes: the first attempt's timestamp is then far outside the simulator's 60 s window.
        try (ClobHttpClient patient = client(b -> b.deadline(Duration.ofHours(1))
                .retryPolicy(POLICY.withBackOffBaseDelay(Duration.ofMinutes(4)).withMaxDelay(Duration.ofMinutes(10))))) {
            fault(FaultRule.respond(425).path("/order").times(1).build());
            OrderId id = liveOrder(sim);

            CancelResult result = result(patient.cancelOrder(id));

            assertThat(result.wasCanceled(id)).isTrue();
            assertThat(scheduler.delays()).containsExactly(Duration.ofMinutes(3));
        }
    }

    @Test
    void aRateLimitIsWaitedOutAsItsRetryAfterHeaderAsks() throws Exception {
        fault(FaultRule.respond(429).path("/order").headers(Map.of("Retry-After", "7")).times(1).build());
        OrderId id = liveOrder(sim);

        assertThat(result(client.cancelOrder(id)).wasCanceled(id)).isTrue();
        assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aRateLimitIsWaitedOutAsItsBodyAsks() throws Exception {
        fault(FaultRule.respond(429, "{\"error\":\"Too Many Requests\",\"retry_after_seconds\":2}").path("/order").times(1).build());
        OrderId id = liveOrder(sim);

        assertThat(result(client.cancelOrder(id)).wasCanceled(id)).isTrue();
        assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void theExchangesRateLimitIsWaitedOutRatherThanHammered() throws Exception {
        // The published limit of DELETE /cancel-all: 250 in 10 s; the clock stands still meanwhile. An
        // Elite signer's bucket (1800) pays for them all, so the window is what refuses the next.
        sim.enforceRateLimits(true);
        sim.setTier(CREDS.apiKey(), Tier.ELITE);
        for (int i = 0; i < 250; i++) {
            result(client.cancelAll());
        }
        assertThat(scheduler.delays()).isEmpty();

        CancelResult result = result(client.cancelAll());

        assertThat(TestSupport.reasons(result.notCanceled())).isEmpty();
        assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(10));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 504})
    void aPassingServerFaultIsSentAgainSoon(int status) throws Exception {
        fault(FaultRule.respond(status).path("/order").times(1).build());
        OrderId id = liveOrder(sim);

        assertThat(result(client.cancelOrder(id)).wasCanceled(id)).isTrue();
        assertThat(scheduler.delays()).containsExactly(Duration.ofMillis(150));
    }

    @ParameterizedTest
    @EnumSource(value = FaultAction.class, names = {"RESET", "EMPTY"})
    void aConnectionLostBeforeTheAnswerIsSentAgainSoon(FaultAction action) throws Exception {
        fault(FaultRule.of(action).path("/order").times(1).build());
        OrderId id = liveOrder(sim);

        assertThat(result(client.cancelOrder(id)).wasCanceled(id)).isTrue();
        assertThat(scheduler.delays()).containsExactly(Duration.ofMillis(150));
    }

    @Test
    void anAttemptThatGetsNoAnswerTimesOutAndIsSentAgain() throws Exception {
        fault(FaultRule.of(FaultAction.HANG).path("/order").times(1).build());
        OrderId id = liveOrder(sim);
        try (ClobHttpClient impatient = client(b -> b.attemptTimeout(Duration.ofMillis(200)))) {

            assertThat(result(impatient.cancelOrder(id)).wasCanceled(id)).isTrue();
            assertThat(scheduler.delays()).containsExactly(Duration.ofMillis(150));
        }
    }

    @Test
    void aRefusedConnectionIsTriedAsOftenAsThePolicyAllowsAndTheFailureSaysSo() throws Exception {
        try (ClobHttpClient nowhere = ClobHttpClient.builder().host("http://127.0.0.1:" + closedLoopbackPort())
                .credentials(CREDS).address(TestSupport.ADDRESS).clock(CLOCK).scheduler(scheduler)
                .retryPolicy(POLICY.withMaxAttempts(3)).build()) {

            Throwable failure = failure(nowhere.cancelOrder(liveOrder(sim)));

            assertThat(failure).isInstanceOf(TransportException.class)
                    .hasMessageContaining("could not connect")
                    .hasMessageEndingWith("(gave up after 3 attempts: the retry policy allows 3 attempts)");
            assertThat(((TransportException) failure).kind()).isEqualTo(TransportException.Kind.CONNECT_REFUSED);
            assertThat(((ClobException) failure).attempts()).isEqualTo(3);
            assertThat(scheduler.delays()).containsExactly(Duration.ofMillis(150), Duration.ofMillis(300));
        }
    }

    @Test
    void aBadRequestIsNeverSentAgain() throws Exception {
        fault(FaultRule.respond(400).path("/order").times(1).build());

        Throwable failure = failure(client.cancelOrder(liveOrder(sim)));

        assertThat(failure).isInstanceOf(BadRequestException.class);
        assertThat(((ClobException) failure).attempts()).isEqualTo(1);
        assertThat(scheduler.delays()).isEmpty();
    }

    @Test
    void anAuthenticationFailureIsNeverSentAgain() throws Exception {
        ApiCredentials wrongSecret = new ApiCredentials(CREDS.apiKey(), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                CREDS.passphrase());
        try (ClobHttpClient forged = client(b -> b.credentials(wrongSecret))) {

            Throwable failure = failure(forged.cancelOrder(liveOrder(sim)));

            assertThat(failure).isInstanceOf(AuthenticationException.class);
            assertThat(((ClobException) failure).attempts()).isEqualTo(1);
            assertThat(scheduler.delays()).isEmpty();
        }
    }

    @Test
    void tradingDisabledIsNotSentAgainByDefault() throws Exception {
        sim.setMode(ExchangeMode.DISABLED);

        Throwable failure = failure(client.cancelOrder(liveOrder(sim)));

        assertThat(failure).isInstanceOf(TradingDisabledException.class);
        assertThat(scheduler.delays()).isEmpty();
    }

    @Test
    void tradingDisabledIsSentAgainWhenThePolicySaysSo() throws Exception {
        fault(FaultRule.respond(503).path("/order").times(2).build());
        OrderId id = liveOrder(sim);
        try (ClobHttpClient persistent = client(b -> b.retryPolicy(POLICY.withRetryTradingDisabled(true)))) {

            assertThat(result(persistent.cancelOrder(id)).wasCanceled(id)).isTrue();
            assertThat(scheduler.delays()).containsExactly(Duration.ofMillis(1500), Duration.ofSeconds(3));
        }
    }

    @Test
    void noAttemptIsScheduledToStartAfterTheDeadline() throws Exception {
        fault(FaultRule.respond(425).path("/order").build());
        try (ClobHttpClient bounded = client(b -> b.deadline(Duration.ofSeconds(5)))) {

            Throwable failure = failure(bounded.cancelOrder(liveOrder(sim)));

            // 1.5 s and 3 s fit in 5 s; the next, 6 s later, would not.
            assertThat(scheduler.delays()).containsExactly(Duration.ofMillis(1500), Duration.ofSeconds(3));
            assertThat(failure).isInstanceOf(NotReadyException.class).hasMessageEndingWith(
                    "(gave up after 3 attempts: the next attempt, due in 6 s, would start after the deadline of 5 s)");
            assertThat(((ClobException) failure).attempts()).isEqualTo(3);
        }
    }

    @Test
    void theLastAttemptIsCutShortToEndByTheDeadline() throws Exception {
        fault(FaultRule.of(FaultAction.HANG).path("/order").build());
        try (ClobHttpClient bounded = client(b -> b.deadline(Duration.ofMillis(300)).retryPolicy(RetryPolicy.none()))) {

            Throwable failure = failure(bounded.cancelOrder(liveOrder(sim)));

            assertThat(failure).isInstanceOf(TransportException.class).hasMessageContaining("no answer within 300 ms");
        }
    }

    @Test
    void theFailureThatEndsTheCallIsTheLastOneWithTheEarlierOnesSuppressed() throws Exception {
        fault(FaultRule.respond(425).path("/order").times(1).build());
        fault(FaultRule.respond(400).path("/order").times(1).build());

        Throwable failure = failure(client.cancelOrder(liveOrder(sim)));

        assertThat(failure).isInstanceOf(BadRequestException.class)
                .hasMessage("DELETE /order answered HTTP 400: Invalid order payload (gave up after 2 attempts: HTTP 400 is not retried)");
        assertThat(((ClobException) failure).attempts()).isEqualTo(2);
        assertThat(failure.getSuppressed()).hasSize(1);
        assertThat(failure.getSuppressed()[0]).isInstanceOf(NotReadyException.class);
    }

    @Test
    void everyCancelOfTheFamilyIsSentAgain() throws Exception {
        for (String path : List.of("/orders", "/cancel-all", "/cancel-market-orders")) {
            fault(FaultRule.respond(425).path(path).times(1).build());
        }
        OrderId one = liveOrder(sim);
        OrderId two = liveOrder(sim);
        OrderId three = liveOrder(sim);

        assertThat(result(client.cancelOrders(List.of(one))).wasCanceled(one)).isTrue();
        assertThat(result(client.cancelMarketOrders(MarketCancel.market(TestSupport.MARKET))).wasCanceled(two)).isTrue();
        assertThat(TestSupport.reasons(result(client.cancelAll()).notCanceled())).isEmpty();
        assertThat(scheduler.delays()).hasSize(3);
        assertThat(sim.order(three).orElseThrow().status().name()).isEqualTo("CANCELED");
    }

    @Test
    void closingTheClientEndsACallThatWaitsToBeSentAgain() throws Exception {
        CompletableFuture<Duration> waiting = new CompletableFuture<>();
        fault(FaultRule.respond(425).path("/order").build());
        ClobHttpClient held = TestSupport.clientOf(sim).clock(CLOCK).retryPolicy(POLICY)
                .scheduler((delay, task) -> waiting.complete(delay)).build();
        CompletionStage<CancelResult> call = held.cancelOrder(liveOrder(sim));
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(Duration.ofMillis(1500));

        held.close();

        assertThat(failure(call)).isInstanceOf(ClientClosedException.class)
                .hasMessage("the client was closed before DELETE /order was answered");
        assertThat(((ClientClosedException) failure(call)).attempts()).as("the one sent before the close").isEqualTo(1);
    }
}
