package dev.clobcancel.adapter.http;

import static dev.clobcancel.adapter.http.TestSupport.CREDS;
import static dev.clobcancel.adapter.http.TestSupport.failure;
import static dev.clobcancel.adapter.http.TestSupport.liveOrder;
import static dev.clobcancel.adapter.http.TestSupport.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.failure.AuthenticationException;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.retry.RetryPolicy;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.SimulatorOptions;
import dev.clobcancel.simulator.faults.FaultRule;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import dev.clobcancel.simulator.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signing with the exchange's clock: the simulator refuses a timestamp more than 60 s from its
 * own clock, as the exchange does, and this machine's clock (the client's) is a day behind.
 */
class ServerTimeTest {

    private static final ManualClock EXCHANGE_CLOCK = ManualClock.at(Instant.parse("2026-03-01T09:30:00Z"));
    private static final Duration REFRESH = Duration.ofMinutes(5);

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(
            SimulatorOptions.builder().clock(EXCHANGE_CLOCK).build());

    private ClobSimulator sim;
    private ManualClock machineClock;

    @BeforeEach
    void fresh(ClobSimulator sim) {
        this.sim = sim;
        sim.addAccount(CREDS, TestSupport.ADDRESS);
        machineClock = ManualClock.at(EXCHANGE_CLOCK.instant().minus(Duration.ofDays(1)));
    }

    private ClobHttpClientBuilder clientWithMachineClock() {
        return TestSupport.clientOf(sim).clock(machineClock).retryPolicy(RetryPolicy.none());
    }

    /** Both clocks move on together, as they would in the real world. */
    private void timePasses(Duration duration) {
        machineClock.advance(duration);
        EXCHANGE_CLOCK.advance(duration);
    }

    @Test
    void signingWithAClockADayBehindIsRefused() throws Exception {
        try (ClobHttpClient client = clientWithMachineClock().build()) {

            assertThat(failure(client.cancelOrder(liveOrder(sim)))).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void signingWithTheExchangesClockGetsTheCancelThrough() throws Exception {
        try (ClobHttpClient client = clientWithMachineClock().useServerTimeRefreshedEvery(REFRESH).build()) {
            OrderId id = liveOrder(sim);

            assertThat(result(client.cancelOrder(id)).wasCanceled(id)).isTrue();
        }
    }

    @Test
    void theOffsetIsMeasuredOnceAndKeptForTheRefreshPeriod() throws Exception {
        try (ClobHttpClient client = clientWithMachineClock().useServerTimeRefreshedEvery(REFRESH).build()) {
            result(client.cancelOrder(liveOrder(sim)));
            // The exchange's clock jumps an hour; within the period the client does not ask again.
            EXCHANGE_CLOCK.advance(Duration.ofHours(1));
            timePasses(REFRESH.minusSeconds(1));

            assertThat(failure(client.cancelOrder(liveOrder(sim)))).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void theOffsetIsMeasuredAgainOnceTheRefreshPeriodHasPassed() throws Exception {
        try (ClobHttpClient client = clientWithMachineClock().useServerTimeRefreshedEvery(REFRESH).build()) {
            result(client.cancelOrder(liveOrder(sim)));
            EXCHANGE_CLOCK.advance(Duration.ofHours(1));
            timePasses(REFRESH);
            OrderId id = liveOrder(sim);

            assertThat(result(client.cancelOrder(id)).wasCanceled(id)).isTrue();
        }
    }

    @Test
    void whenTheExchangesClockCannotBeReadTheMachinesClockIsUsed() throws Exception {
        sim.faults().add(FaultRule.respond(500).path("/time").build());
        ManualClock inStep = ManualClock.at(EXCHANGE_CLOCK.instant());
        try (ClobHttpClient client = clientWithMachineClock().clock(inStep).useServerTimeRefreshedEvery(REFRESH).build()) {
            OrderId id = liveOrder(sim);

            assertThat(result(client.cancelOrder(id)).wasCanceled(id)).isTrue();
        }
    }

    @Test
    void aClientOfAnotherAccountSharesTheOffsetMeasured() throws Exception {
        sim.addAccount(TestSupport.OTHER_CREDS, TestSupport.OTHER_ADDRESS);
        try (ClobHttpClient client = clientWithMachineClock().useServerTimeRefreshedEvery(REFRESH).build();
             ClobHttpClient other = client.withAccount(TestSupport.OTHER_CREDS, TestSupport.OTHER_ADDRESS)) {
            result(client.cancelOrder(liveOrder(sim)));
            // The exchange's clock jumps an hour: a client that measured for itself would get through.
            EXCHANGE_CLOCK.advance(Duration.ofHours(1));
            OrderId others = TestSupport.liveOrder(sim, TestSupport.OTHER_CREDS, TestSupport.MARKET, TestSupport.ASSET);

            assertThat(failure(other.cancelOrder(others))).isInstanceOf(AuthenticationException.class);
        }
    }
}
