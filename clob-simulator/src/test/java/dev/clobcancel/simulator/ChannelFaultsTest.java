package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.SimulatorFixture.ALICE;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.BOB;
import static dev.clobcancel.simulator.SimulatorFixture.NOW;
import static dev.clobcancel.simulator.SimulatorFixture.liveOrderOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.simulator.faults.ChannelFaultAction;
import dev.clobcancel.simulator.faults.ChannelFaultRule;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Faults of the channels: lose the next N events, delay them, drop the connection, stop answering PING; seeded. */
class ChannelFaultsTest extends ChannelTestBase {

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClock());

    @Test
    void loseTheNextEventsSendsNoneOfThemAndKeepsTheConnection() {
        try (TestChannel channel = TestChannel.user(vertx, sim, ALICE)) {
            sim.channelFaults().add(ChannelFaultRule.of(ChannelFaultAction.LOSE).onChannel("user").times(2));
            liveOrderOf(sim, ALICE);
            liveOrderOf(sim, ALICE);
            String third = liveOrderOf(sim, ALICE);

            assertThat(channel.next().get("id").asText()).isEqualTo(third);
            assertThat(sim.channelFaults().list()).isEmpty();
        }
    }

    @Test
    void aDelayedEventComesAfterTheAnswerAndTheEventsBehindItWait() {
        String first = liveOrderOf(sim, ALICE);
        String second = liveOrderOf(sim, ALICE);
        try (TestChannel channel = TestChannel.user(vertx, sim, ALICE)) {
            sim.channelFaults().add(ChannelFaultRule.delay(Duration.ofMillis(300)).times(1));

            HttpResponse<String> answer = http.signed(ALICE_SIGNS, NOW, "DELETE", "/orders", TestChannel.array(first, second));

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(channel.waiting()).as("the answer did not wait for a delayed event").isEmpty();
            assertThat(channel.next(2)).extracting(e -> e.get("id").asText()).containsExactly(first, second);
        }
    }

    @Test
    void dropClosesTheConnectionWithoutACloseFrameAtTheNextEvent() {
        try (RawChannel channel = subscribedRaw()) {
            sim.channelFaults().add(ChannelFaultRule.of(ChannelFaultAction.DROP).forApiKey(ALICE.apiKey()).times(1));

            liveOrderOf(sim, ALICE);

            assertThat(channel.end()).as("the end of the stream, and no close frame before it").isEqualTo(RawChannel.NO_CLOSE_FRAME);
        }
    }

    private RawChannel subscribedRaw() {
        RawChannel channel = RawChannel.open(sim.userChannelUri());
        channel.send("{\"auth\":{\"apiKey\":\"" + ALICE.apiKey() + "\",\"secret\":\"" + ALICE.secret()
                + "\",\"passphrase\":\"" + ALICE.passphrase() + "\"},\"type\":\"user\"}");
        channel.send("PING");
        assertThat(channel.read()).isEqualTo("PONG");
        return channel;
    }

    @Test
    void noPongLeavesThePingUnanswered() {
        try (TestChannel channel = TestChannel.user(vertx, sim, ALICE)) {
            sim.channelFaults().add(ChannelFaultRule.of(ChannelFaultAction.NO_PONG).times(1));
            channel.send("PING");
            channel.send("PING");

            assertThat(channel.nextText()).isEqualTo("PONG");
            channel.roundTrip();
            assertThat(channel.waiting()).as("one PONG for two PINGs").isEmpty();
        }
    }

    @Test
    void aRuleForOneApiKeyLeavesTheOthersAlone() {
        try (TestChannel alice = TestChannel.user(vertx, sim, ALICE); TestChannel bob = TestChannel.user(vertx, sim, BOB)) {
            sim.channelFaults().add(ChannelFaultRule.of(ChannelFaultAction.LOSE).forApiKey(ALICE.apiKey()));
            liveOrderOf(sim, ALICE);
            String bobs = liveOrderOf(sim, BOB);

            assertThat(bob.next().get("id").asText()).isEqualTo(bobs);
            alice.roundTrip();
            assertThat(alice.waiting()).isEmpty();
        }
    }

    @Test
    void aSeededProbabilityLosesTheSameEventsRunAfterRun() {
        assertThat(heardOfTwenty(7)).isEqualTo(heardOfTwenty(7)).isNotEqualTo(heardOfTwenty(8));
    }

    /** Which of twenty orders' PLACEMENT events came through a rule that loses half, with this seed. */
    private List<Integer> heardOfTwenty(long seed) {
        sim.reset();
        SimulatorFixture.addAccounts(sim);
        sim.reseed(seed);
        List<String> ids = new ArrayList<>();
        List<Integer> heard = new ArrayList<>();
        try (TestChannel channel = TestChannel.user(vertx, sim, ALICE)) {
            sim.channelFaults().add(ChannelFaultRule.of(ChannelFaultAction.LOSE).withProbability(0.5));
            for (int i = 0; i < 20; i++) {
                ids.add(liveOrderOf(sim, ALICE));
            }
            channel.roundTrip();
            for (String message : channel.waiting()) {
                heard.add(ids.indexOf(TestChannel.parse(message).get("id").asText()));
            }
        }
        return heard;
    }

    @Test
    void theAdminApiAddsListsAndRemovesRules() {
        HttpResponse<String> added = http.post("/_sim/ws/faults", "{\"action\":\"lose\",\"channel\":\"user\",\"times\":3}");
        assertThat(added.statusCode()).isEqualTo(201);
        String id = TestHttp.json(added).get("id").asText();

        JsonNode listed = TestHttp.json(http.get("/_sim/ws/faults"));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("action").asText()).isEqualTo("lose");
        assertThat(listed.get(0).get("times").asInt()).isEqualTo(3);

        assertThat(http.send("DELETE", "/_sim/ws/faults/" + id, null, java.util.Map.of()).statusCode()).isEqualTo(204);
        assertThat(sim.channelFaults().list()).isEmpty();
    }

    @Test
    void aBadRuleIsRefusedNamingTheProblem() {
        HttpResponse<String> noDelay = http.post("/_sim/ws/faults", "{\"action\":\"delay\"}");
        HttpResponse<String> badAction = http.post("/_sim/ws/faults", "{\"action\":\"explode\"}");
        HttpResponse<String> badChannel = http.post("/_sim/ws/faults", "{\"action\":\"lose\",\"channel\":\"sports\"}");

        assertThat(noDelay.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(noDelay).get("error").asText()).isEqualTo("a delay rule needs delayMs above 0");
        assertThat(TestHttp.json(badAction).get("error").asText()).isEqualTo("action must be drop, delay, lose or no-pong, not explode");
        assertThat(TestHttp.json(badChannel).get("error").asText()).isEqualTo("channel must be user or market, not sports");
    }

    @Test
    void theAdminApiDropsConnectionsNowAndCountsThem() {
        try (RawChannel channel = subscribedRaw()) {
            assertThat(TestHttp.json(http.get("/_sim/ws")).get("subscriptions").asInt()).isEqualTo(1);

            HttpResponse<String> dropped = http.post("/_sim/ws/drop", "{\"channel\":\"user\"}");

            assertThat(TestHttp.json(dropped).get("dropped").asInt()).isEqualTo(1);
            assertThat(channel.end()).isEqualTo(RawChannel.NO_CLOSE_FRAME);
        }
    }
}
