package dev.clobcancel.adapter.http;

import static dev.clobcancel.adapter.http.TestSupport.CREDS;
import static dev.clobcancel.adapter.http.TestSupport.failure;
import static dev.clobcancel.adapter.http.TestSupport.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clobcancel.domain.failure.BadRequestException;
import dev.clobcancel.domain.failure.NotReadyException;
import dev.clobcancel.domain.failure.UnexpectedResponseException;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.SimulatorOptions;
import dev.clobcancel.simulator.assertj.SimulatorAssert;
import dev.clobcancel.simulator.exchange.ExchangeMode;
import dev.clobcancel.simulator.faults.FaultRule;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import dev.clobcancel.simulator.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /v1/heartbeats} through the client, one heartbeat at a time, against the simulator. */
class HeartbeatPortTest {

    private static final ManualClock CLOCK = ManualClock.at(Instant.parse("2026-01-05T12:00:00Z"));

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorOptions.builder().clock(CLOCK).build());

    private ClobSimulator sim;
    private InstantScheduler retries;
    private ClobHttpClient client;

    @BeforeEach
    void fresh(ClobSimulator sim) {
        this.sim = sim;
        sim.addAccount(CREDS, TestSupport.ADDRESS);
        retries = new InstantScheduler(CLOCK);
        client = TestSupport.clientOnManualTime(sim, CLOCK, retries).build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aHeartbeatWithoutAnIdStartsAChainAndIsAnsweredWithTheIdOfTheNext() throws Exception {
        String first = result(client.sendHeartbeat(null));
        String second = result(client.sendHeartbeat(first));

        assertThat(first).isNotBlank();
        assertThat(second).isNotBlank().isNotEqualTo(first);
        SimulatorAssert.assertThat(sim).receivedRequests("POST", HeartbeatRequests.PATH).hasSize(2)
                .allSatisfy(entry -> assertThat(entry.auth()).isEqualTo("ok"));
    }

    @Test
    void anIdThatIsNotTheChainsLatestIsRefusedWithTheExpectedOneAndNotSentAgain() throws Exception {
        String first = result(client.sendHeartbeat(null));
        String second = result(client.sendHeartbeat(first));

        Throwable failure = failure(client.sendHeartbeat(first));

        assertThat(failure).isInstanceOf(BadRequestException.class)
                .hasMessage("POST /v1/heartbeats answered HTTP 400: Invalid Heartbeat ID");
        assertThat(((BadRequestException) failure).expectedHeartbeatId()).contains(second);
        assertThat(retries.delays()).isEmpty();
    }

    @Test
    void theChainResumesFromTheIdTheExchangeExpects() throws Exception {
        String first = result(client.sendHeartbeat(null));
        result(client.sendHeartbeat(first));
        BadRequestException stale = (BadRequestException) failure(client.sendHeartbeat(first));

        String next = result(client.sendHeartbeat(stale.expectedHeartbeatId().orElseThrow()));

        assertThat(next).isNotBlank();
    }

    @Test
    void aChainStartsWithTheEmptyIdAsTheV2ClientsSendIt() throws Exception {
        result(client.sendHeartbeat(""));

        SimulatorAssert.assertThat(sim).receivedRequests("POST", HeartbeatRequests.PATH).singleElement()
                .satisfies(entry -> assertThat(entry.body()).isEqualTo("{\"heartbeat_id\":\"\"}"));
    }

    @Test
    void aRestartIsRiddenOutWithinTheTimeGiven() throws Exception {
        sim.restartFor(Duration.ofSeconds(4));

        String id = result(client.sendHeartbeat(null, Duration.ofSeconds(5)));

        assertThat(id).isNotBlank();
        assertThat(retries.delays()).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void noAttemptIsMadeOnceTheTimeGivenHasPassed() throws Exception {
        sim.setMode(ExchangeMode.RESTARTING);

        Throwable failure = failure(client.sendHeartbeat(null, Duration.ofSeconds(2)));

        assertThat(failure).isInstanceOf(NotReadyException.class).hasMessageEndingWith(
                "(gave up after 2 attempts: the next attempt, due in 3 s, would start after the deadline of 2 s)");
        assertThat(retries.delays()).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void anAnswerWithoutAHeartbeatIdIsAnUnexpectedResponse() throws Exception {
        sim.faults().add(FaultRule.respond(200, "{\"status\":\"ok\"}").path(HeartbeatRequests.PATH).times(1).build());

        Throwable failure = failure(client.sendHeartbeat(null));

        assertThat(failure).isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("no heartbeat_id string");
    }

    @Test
    void aBlankIdIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> client.sendHeartbeat(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("previousId must be null or \"\" (to start a chain) or the id the last heartbeat was answered with");
        SimulatorAssert.assertThat(sim).receivedNoRequests();
    }

    @Test
    void aTimeGivenThatIsNotPositiveIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> client.sendHeartbeat(null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("within must be positive, not PT0S");
        SimulatorAssert.assertThat(sim).receivedNoRequests();
    }
}
