package dev.clobcancel.adapter.http;

import static dev.clobcancel.adapter.http.TestSupport.MID_JITTER;
import static dev.clobcancel.adapter.http.TestSupport.failure;
import static dev.clobcancel.adapter.http.TestSupport.liveOrder;
import static dev.clobcancel.adapter.http.TestSupport.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.failure.NotReadyException;
import dev.clobcancel.domain.failure.TradingDisabledException;
import dev.clobcancel.domain.failure.TradingRestricted;
import dev.clobcancel.domain.failure.TradingRestriction;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.retry.RetryPolicy;
import dev.clobcancel.simulator.exchange.ExchangeMode;
import dev.clobcancel.simulator.faults.FaultRule;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exchange's trading restrictions as typed failures with their waits (425 restarting; 503
 * post-only, cancel-only, disabled), against the simulator's modes and scripted answers, on a
 * manual clock the retries move on.
 */
class TradingRestrictionsTest extends ManualTimeFixture {

    private static final String POST_ONLY_BODY = "{\"error\":\"post-only mode: only post-only orders and cancels are allowed\","
            + "\"code\":\"post_only_mode\",\"retry_after_seconds\":90}";

    @Test
    void aRestartIsWaitedOutForExactlyTheTimeTheExchangeNames() throws Exception {
        sim.restartFor(Duration.ofSeconds(10));
        OrderId id = liveOrder(sim);

        assertThat(result(client.cancelOrder(id)).wasCanceled(id)).isTrue();
        assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void aRestartThatOutlastsTheDeadlineIsTheRestartingRestrictionWithItsWait() throws Exception {
        sim.restartFor(Duration.ofMinutes(5));

        Throwable failure = failure(client.cancelOrder(liveOrder(sim)));

        assertThat(failure).isInstanceOf(NotReadyException.class);
        assertThat(((TradingRestricted) failure).restriction()).isEqualTo(TradingRestriction.RESTARTING);
        assertThat(((TradingRestricted) failure).retryAfter()).contains(Duration.ofMinutes(5));
        assertThat(scheduler.delays()).isEmpty();
    }

    @Test
    void cancelsGetThroughInPostOnlyAndCancelOnlyModes() throws Exception {
        for (ExchangeMode mode : new ExchangeMode[] {ExchangeMode.POST_ONLY, ExchangeMode.CANCEL_ONLY}) {
            sim.setMode(mode, Duration.ofMinutes(2));
            OrderId id = liveOrder(sim);

            assertThat(result(client.cancelOrder(id)).wasCanceled(id)).as("canceled in %s", mode).isTrue();
        }
    }

    @Test
    void aPostOnlyRefusalIsTypedWithItsCodeAndWait() throws Exception {
        sim.faults().add(FaultRule.respond(503, POST_ONLY_BODY).headers(Map.of("Retry-After", "90")).path("/order").times(1).build());

        Throwable failure = failure(client.cancelOrder(liveOrder(sim)));

        assertThat(failure).isInstanceOf(TradingDisabledException.class);
        TradingDisabledException refused = (TradingDisabledException) failure;
        assertThat(refused.restriction()).isEqualTo(TradingRestriction.POST_ONLY);
        assertThat(refused.code()).contains("post_only_mode");
        assertThat(refused.retryAfter()).contains(Duration.ofSeconds(90));
        assertThat(refused.attempts()).isEqualTo(1);
    }

    @Test
    void disabledTradingIsTypedWithTheWaitOfTheSimulatorsMode() throws Exception {
        sim.setMode(ExchangeMode.DISABLED, Duration.ofSeconds(20));

        Throwable failure = failure(client.cancelOrder(liveOrder(sim)));

        assertThat(((TradingRestricted) failure).restriction()).isEqualTo(TradingRestriction.TRADING_DISABLED);
        assertThat(((TradingRestricted) failure).retryAfter()).contains(Duration.ofSeconds(20));
    }

    @Test
    void aRestrictionRetriedByThePolicyIsRetriedAfterTheWaitItNamed() throws Exception {
        sim.setMode(ExchangeMode.DISABLED, Duration.ofSeconds(20));
        OrderId id = liveOrder(sim);
        try (ClobHttpClient patient = TestSupport.clientOf(sim).clock(CLOCK).scheduler(scheduler)
                .retryPolicy(RetryPolicy.defaults().withRandom(MID_JITTER).withRetryTradingDisabled(true)).build()) {

            assertThat(result(patient.cancelOrder(id)).wasCanceled(id)).isTrue();
            assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(20));
        }
    }
}
