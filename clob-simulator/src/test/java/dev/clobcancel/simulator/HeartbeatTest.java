package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.SimulatorFixture.ALICE;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.BOB;
import static dev.clobcancel.simulator.SimulatorFixture.NOW;
import static dev.clobcancel.simulator.SimulatorFixture.liveOrderOf;
import static dev.clobcancel.simulator.assertj.SimulatorAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.auth.L2Signer;
import dev.clobcancel.simulator.exchange.ExchangeMode;
import dev.clobcancel.simulator.journal.JournalEntry;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import dev.clobcancel.simulator.time.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dead man's switch, driven by a manual clock: a 10-second lapse takes no time at all. */
class HeartbeatTest extends ExchangeTestBase {

    static final ManualClock CLOCK = ManualClock.at(Instant.ofEpochSecond(NOW));

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClock().withClock(CLOCK));

    private HttpResponse<String> beat(L2Signer who, String path, String body) {
        return http.signed(who, CLOCK.instant().getEpochSecond(), "POST", path, body);
    }

    private String beat(String previousId) {
        HttpResponse<String> response = beat(ALICE_SIGNS, "/v1/heartbeats",
                "{\"heartbeat_id\":" + (previousId == null ? "null" : "\"" + previousId + "\"") + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.json(response).get("heartbeat_id").asText();
    }

    @Test
    void ordersStayWhileHeartbeatsComeWithinTheWindow() {
        String id = liveOrderOf(sim, ALICE);
        String chain = beat(null);
        for (int i = 0; i < 5; i++) {
            CLOCK.advance(Duration.ofSeconds(9));
            chain = beat(chain);
        }

        assertThat(sim).hasOrderLive(id);
    }

    @Test
    void aLapseCancelsEveryLiveOrderOfTheAccountAndNoOneElses() {
        String alices = liveOrderOf(sim, ALICE);
        String bobs = liveOrderOf(sim, BOB);
        beat(null);

        CLOCK.advance(Duration.ofSeconds(10));
        assertThat(sim).hasOrderLive(alices);
        CLOCK.advance(Duration.ofMillis(1));

        assertThat(sim).hasOrderCanceled(alices).hasOrderLive(bobs);
        List<JournalEntry> lapses = sim.journal().entries(entry -> entry.path().equals("heartbeat-lapse"));
        assertThat(lapses).singleElement().satisfies(entry -> {
            assertThat(entry.apiKey()).isEqualTo(ALICE.apiKey());
            assertThat(entry.outcome()).contains("canceled 1 orders").contains(alices);
        });
    }

    @Test
    void noHeartbeatNoSwitch() {
        String id = liveOrderOf(sim, ALICE);

        CLOCK.advance(Duration.ofMinutes(5));

        assertThat(sim).hasOrderLive(id);
    }

    @Test
    void aStaleIdIsRefusedAndDoesNotKeepTheSwitchArmed() {
        String id = liveOrderOf(sim, ALICE);
        String first = beat(null);
        beat(first);
        CLOCK.advance(Duration.ofSeconds(6));

        HttpResponse<String> stale = beat(ALICE_SIGNS, "/v1/heartbeats", "{\"heartbeat_id\":\"" + first + "\"}");
        CLOCK.advance(Duration.ofSeconds(5));

        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(stale.body()).isEqualTo("{\"error\":\"Invalid heartbeat id\"}");
        assertThat(sim).hasOrderCanceled(id);
    }

    @Test
    void afterALapseTheChainIsGoneAndANewOneMustStart() {
        String chain = beat(null);
        CLOCK.advance(Duration.ofSeconds(11));

        assertThat(beat(ALICE_SIGNS, "/v1/heartbeats", "{\"heartbeat_id\":\"" + chain + "\"}").statusCode()).isEqualTo(400);
        assertThat(beat(null)).isNotEqualTo(chain);
    }

    @Test
    void aSecondChainReplacesTheFirst() {
        String first = beat(null);
        String second = beat(null);

        assertThat(beat(ALICE_SIGNS, "/v1/heartbeats", "{\"heartbeat_id\":\"" + first + "\"}").statusCode()).isEqualTo(400);
        assertThat(beat(second)).isNotBlank();
    }

    @Test
    void theDocumentedPathAnswersOkAndKeepsTheSwitchArmedToo() {
        String id = liveOrderOf(sim, ALICE);

        HttpResponse<String> response = beat(ALICE_SIGNS, "/heartbeats", null);
        CLOCK.advance(Duration.ofSeconds(8));
        beat(ALICE_SIGNS, "/heartbeats", null);
        CLOCK.advance(Duration.ofSeconds(8));

        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(sim).hasOrderLive(id);
        assertThat(TestHttp.json(http.get("/_sim/heartbeats")).get("armed").get(0).get("apiKey").asText()).isEqualTo(ALICE.apiKey());
    }

    @Test
    void heartbeatsAreAuthenticatedAndRefusedDuringARestart() {
        assertThat(http.send("POST", "/v1/heartbeats", "{\"heartbeat_id\":null}", java.util.Map.of()).statusCode()).isEqualTo(401);
        sim.setMode(ExchangeMode.RESTARTING);

        assertThat(beat(ALICE_SIGNS, "/v1/heartbeats", "{\"heartbeat_id\":null}").statusCode()).isEqualTo(425);
    }

    @Test
    void aMalformedHeartbeatIsA400() {
        assertThat(beat(ALICE_SIGNS, "/v1/heartbeats", "{\"heartbeat_id\":42}").body()).isEqualTo("{\"error\":\"Invalid heartbeat payload\"}");
        assertThat(beat(ALICE_SIGNS, "/v1/heartbeats", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void aShorterWindowIsAnOption() {
        try (ClobSimulator quick = ClobSimulator.start(SimulatorOptions.defaults().withClock(CLOCK)
                .withHeartbeatWindow(Duration.ofMillis(500)))) {
            assertThat(quick.exchange().account("any")).isEmpty();
            assertThat(TestHttp.json(new TestHttp(quick.baseUri()).get("/_sim/heartbeats")).get("windowMs").asLong()).isEqualTo(500);
        }
    }
}
