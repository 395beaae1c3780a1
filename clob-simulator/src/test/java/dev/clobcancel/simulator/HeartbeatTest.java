package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.SimulatorFixture.ALICE;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.BOB;
import static dev.clobcancel.simulator.SimulatorFixture.NOW;
import static dev.clobcancel.simulator.SimulatorFixture.liveOrderOf;
import static dev.clobcancel.simulator.assertj.SimulatorAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.domain.auth.L2Signer;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.exchange.ExchangeMode;
import dev.clobcancel.simulator.journal.SimEvent;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import dev.clobcancel.simulator.time.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dead man's switch as CLOB V2 runs it, driven by a manual clock: a 10-second lapse takes no time at all. */
class HeartbeatTest extends ExchangeTestBase {

    static final ManualClock CLOCK = ManualClock.at(Instant.ofEpochSecond(NOW));

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClockBuilder().clock(CLOCK).build());

    private HttpResponse<String> beat(L2Signer who, String path, String body) {
        return http.signed(who, CLOCK.instant().getEpochSecond(), "POST", path, body);
    }

    private HttpResponse<String> naming(String heartbeatId) {
        return beat(ALICE_SIGNS, "/v1/heartbeats", "{\"heartbeat_id\":" + (heartbeatId == null ? "null" : "\"" + heartbeatId + "\"") + "}");
    }

    /** A heartbeat that must be accepted; returns the id the next must name. */
    private String beat(String heartbeatId) {
        HttpResponse<String> response = naming(heartbeatId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.json(response).get("heartbeat_id").asText();
    }

    private static String mismatch(String expected) {
        return "{\"error\":\"Invalid Heartbeat ID\",\"error_msg\":\"Invalid Heartbeat ID\",\"heartbeat_id\":\"" + expected + "\"}";
    }

    @Test
    void aChainStartsWithAnEmptyIdAndEachBeatNamesTheLastAnswer() {
        String first = beat("");
        String second = beat(first);

        assertThat(first).isNotBlank();
        assertThat(second).isNotBlank().isNotEqualTo(first);
    }

    @Test
    void aV1ClientStartsTheChainWithNullOrNoIdAtAll() {
        assertThat(beat(null)).isNotBlank();
        sim.reset();
        SimulatorFixture.addAccounts(sim);

        HttpResponse<String> noBody = beat(ALICE_SIGNS, "/v1/heartbeats", null);

        assertThat(noBody.statusCode()).as(noBody.body()).isEqualTo(200);
    }

    @Test
    void ordersStayWhileHeartbeatsComeWithinTheWindow() {
        String id = liveOrderOf(sim, ALICE);
        String chain = beat("");
        for (int i = 0; i < 5; i++) {
            CLOCK.advance(Duration.ofSeconds(9));
            chain = beat(chain);
        }

        assertThat(sim).hasOrderLive(OrderId.of(id));
    }

    @Test
    void aLapseCancelsEveryLiveOrderOfTheAccountAndNoOneElses() {
        String alices = liveOrderOf(sim, ALICE);
        String bobs = liveOrderOf(sim, BOB);
        beat("");

        CLOCK.advance(Duration.ofSeconds(10));
        assertThat(sim).hasOrderLive(OrderId.of(alices));
        CLOCK.advance(Duration.ofMillis(1));

        assertThat(sim).hasOrderCanceled(OrderId.of(alices)).hasOrderLive(OrderId.of(bobs));
        assertThat(sim.events()).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(SimEvent.Kind.HEARTBEAT_LAPSE);
            assertThat(event.apiKey()).isEqualTo(ALICE.apiKey());
            assertThat(event.orderIds()).containsExactly(alices);
            assertThat(event.description()).isEqualTo("heartbeat lapsed: canceled 1 orders");
            assertThat(event.time()).isEqualTo(CLOCK.instant());
        });
    }

    @Test
    void aLapseIsTheSimulatorsOwnEventNotARequest() {
        liveOrderOf(sim, ALICE);
        beat("");
        sim.clearJournal();

        CLOCK.advance(Duration.ofSeconds(11));

        assertThat(sim.events()).hasSize(1);
        assertThat(sim).receivedNoRequests();
    }

    @Test
    void theAdminApiListsTheLapsesWithoutASecret() {
        String alices = liveOrderOf(sim, ALICE);
        beat("");
        CLOCK.advance(Duration.ofSeconds(11));

        HttpResponse<String> events = http.get("/_sim/events");

        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.headers().firstValue("X-Sim-Events-Dropped")).hasValue("0");
        JsonNode lapse = TestHttp.json(events).get(0);
        assertThat(lapse.get("sequence").asLong()).isPositive();
        assertThat(lapse.get("time").asText()).isEqualTo(CLOCK.instant().toString());
        assertThat(lapse.get("kind").asText()).isEqualTo("heartbeat-lapse");
        assertThat(lapse.get("apiKey").asText()).isEqualTo(ALICE.apiKey());
        assertThat(lapse.get("orderIds")).extracting(JsonNode::asText).containsExactly(alices);
        assertThat(events.body()).doesNotContain(ALICE.secret(), ALICE.passphrase());
        assertThat(TestHttp.json(http.get("/_sim/requests"))).noneMatch(entry -> entry.get("method").asText().equals("SIM"));
    }

    @Test
    void theEventsAreClearedOnTheirOwnAndByAReset() {
        beat("");
        CLOCK.advance(Duration.ofSeconds(11));

        assertThat(http.send("DELETE", "/_sim/events", null, Map.of()).statusCode()).isEqualTo(204);
        assertThat(sim.events()).isEmpty();
        assertThat(sim.journal().entries()).isNotEmpty();

        beat("");
        CLOCK.advance(Duration.ofSeconds(11));
        sim.reset();

        assertThat(sim.events()).isEmpty();
    }

    @Test
    void noHeartbeatNoSwitch() {
        String id = liveOrderOf(sim, ALICE);

        CLOCK.advance(Duration.ofMinutes(5));

        assertThat(sim).hasOrderLive(OrderId.of(id));
    }

    @Test
    void aStaleIdIsRefusedWithTheExpectedIdAndTheChainResumesWithIt() {
        String first = beat("");
        String expected = beat(first);

        HttpResponse<String> stale = naming(first);

        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(stale.body()).isEqualTo(mismatch(expected));
        assertThat(beat(expected)).isNotBlank();
    }

    @Test
    void aStaleIdDoesNotKeepTheSwitchArmed() {
        String id = liveOrderOf(sim, ALICE);
        String first = beat("");
        beat(first);
        CLOCK.advance(Duration.ofSeconds(6));

        naming(first);
        CLOCK.advance(Duration.ofSeconds(5));

        assertThat(sim).hasOrderCanceled(OrderId.of(id));
    }

    @Test
    void anEmptyIdWhileAChainIsArmedIsRefusedWithTheChainsId() {
        String expected = beat("");

        HttpResponse<String> restart = naming("");

        assertThat(restart.statusCode()).isEqualTo(400);
        assertThat(restart.body()).isEqualTo(mismatch(expected));
    }

    @Test
    void anIdBeforeAnyChainIsRefusedWithTheEmptyId() {
        HttpResponse<String> response = naming("0123456789abcdef");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(mismatch(""));
    }

    @Test
    void afterALapseTheExpectedIdIsEmptyAgain() {
        String chain = beat("");
        CLOCK.advance(Duration.ofSeconds(11));

        assertThat(naming(chain).body()).isEqualTo(mismatch(""));
        assertThat(beat("")).isNotEqualTo(chain);
    }

    @Test
    void theLegacyPathKeepsTheSwitchArmedAndResetsTheExpectedIdToEmpty() {
        String id = liveOrderOf(sim, ALICE);
        String chain = beat("");
        CLOCK.advance(Duration.ofSeconds(8));

        HttpResponse<String> legacy = beat(ALICE_SIGNS, "/heartbeats", null);
        CLOCK.advance(Duration.ofSeconds(8));

        assertThat(legacy.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(sim).hasOrderLive(OrderId.of(id));
        assertThat(naming(chain).body()).isEqualTo(mismatch(""));
        assertThat(beat("")).isNotBlank();
    }

    @Test
    void theLegacyPathAloneArmsTheSwitch() {
        String id = liveOrderOf(sim, ALICE);

        beat(ALICE_SIGNS, "/heartbeats", null);
        CLOCK.advance(Duration.ofSeconds(11));

        assertThat(sim).hasOrderCanceled(OrderId.of(id));
    }

    @Test
    void theArmedSwitchesShowTheExpectedId() {
        String expected = beat("");

        var armed = TestHttp.json(http.get("/_sim/heartbeats")).get("armed").get(0);

        assertThat(armed.get("apiKey").asText()).isEqualTo(ALICE.apiKey());
        assertThat(armed.get("heartbeatId").asText()).isEqualTo(expected);
    }

    @Test
    void heartbeatsAreAuthenticatedAndRefusedDuringARestart() {
        assertThat(http.send("POST", "/v1/heartbeats", "{\"heartbeat_id\":\"\"}", java.util.Map.of()).statusCode()).isEqualTo(401);
        sim.setMode(ExchangeMode.RESTARTING);

        assertThat(naming("").statusCode()).isEqualTo(425);
    }

    @Test
    void aMalformedHeartbeatIsA400() {
        assertThat(beat(ALICE_SIGNS, "/v1/heartbeats", "{\"heartbeat_id\":42}").body()).isEqualTo("{\"error\":\"Invalid heartbeat payload\"}");
        assertThat(beat(ALICE_SIGNS, "/v1/heartbeats", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void aShorterWindowIsAnOption() {
        try (ClobSimulator quick = ClobSimulator.start(SimulatorOptions.builder().clock(CLOCK)
                .heartbeatWindow(Duration.ofMillis(500)).build())) {
            assertThat(quick.account("any")).isEmpty();
            assertThat(TestHttp.json(new TestHttp(quick.baseUri()).get("/_sim/heartbeats")).get("windowMs").asLong()).isEqualTo(500);
        }
    }
}
