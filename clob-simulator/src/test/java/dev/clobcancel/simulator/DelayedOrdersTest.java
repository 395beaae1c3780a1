package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.OrderSpec.order;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.MARKET;
import static dev.clobcancel.simulator.SimulatorFixture.NOW;
import static dev.clobcancel.simulator.SimulatorFixture.TOKEN;
import static dev.clobcancel.simulator.SimulatorFixture.cancelBody;
import static dev.clobcancel.simulator.SimulatorFixture.liveOrderOf;
import static dev.clobcancel.simulator.assertj.SimulatorAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import dev.clobcancel.simulator.time.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The exchange's taker delay: an order held back for a while, which no cancel reaches until it is live. */
class DelayedOrdersTest extends ExchangeTestBase {

    static final String DELAYED = "cannot cancel because the order is in pending/delayed status";
    static final ManualClock CLOCK = ManualClock.at(Instant.ofEpochSecond(NOW));

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClockBuilder().clock(CLOCK).build());

    private HttpResponse<String> alice(String method, String path, String body) {
        return http.signed(ALICE_SIGNS, CLOCK.instant().getEpochSecond(), method, path, body);
    }

    /** An order of Alice's seeded through the admin API with {@code "delayedMs": 250}. */
    private String delayedOrder() {
        HttpResponse<String> placed = http.post("/_sim/orders", "[{\"owner\":\"" + ALICE.apiKey() + "\",\"market\":\"" + MARKET
                + "\",\"assetId\":\"" + TOKEN + "\",\"side\":\"BUY\",\"price\":\"0.5\",\"size\":\"10\",\"delayedMs\":250}]");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        return TestHttp.json(placed).get("ids").get(0).asText();
    }

    private String status(String id) {
        return TestHttp.json(http.get("/_sim/orders/" + id)).get("status").asText();
    }

    @Test
    void aDelayedOrderIsDelayedUntilTheClockPassesItsDelayThenLive() {
        String id = delayedOrder();
        String during = status(id);
        CLOCK.advance(Duration.ofMillis(249));
        String stillDuring = status(id);
        CLOCK.advance(Duration.ofMillis(1));

        assertThat(during).isEqualTo("DELAYED");
        assertThat(stillDuring).isEqualTo("DELAYED");
        assertThat(status(id)).isEqualTo("LIVE");
    }

    @Test
    void theCallerSeesItsDelayedOrderAsDelayed() {
        String id = delayedOrder();

        JsonNode order = TestHttp.json(alice("GET", "/data/order/" + id, null));
        JsonNode open = TestHttp.json(alice("GET", "/data/orders", null)).get("data");

        assertThat(order.get("status").asText()).isEqualTo("DELAYED");
        assertThat(open).singleElement().satisfies(o -> assertThat(o.get("status").asText()).isEqualTo("DELAYED"));
    }

    @Test
    void aCancelInTheWindowIsRefusedWithTheExchangesReason() {
        String id = delayedOrder();

        HttpResponse<String> refused = alice("DELETE", "/order", cancelBody(id));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).isEqualTo("{\"canceled\":[],\"not_canceled\":{\"" + id + "\":\"" + DELAYED + "\"}}");
        assertThat(sim).hasOrder(OrderId.of(id), OrderStatus.DELAYED);
    }

    @Test
    void aCancelAfterTheWindowWorksAsBefore() {
        String id = delayedOrder();
        alice("DELETE", "/order", cancelBody(id));
        CLOCK.advance(Duration.ofMillis(250));

        HttpResponse<String> canceled = alice("DELETE", "/order", cancelBody(id));

        assertThat(canceled.body()).isEqualTo("{\"canceled\":[\"" + id + "\"],\"not_canceled\":{}}");
        assertThat(sim).hasOrderCanceled(OrderId.of(id));
    }

    @Test
    void aBatchCancelsTheLiveOnesAndRefusesTheDelayedOnes() {
        String live = liveOrderOf(sim, ALICE);
        String held = delayedOrder();

        JsonNode answer = TestHttp.json(alice("DELETE", "/orders", "[\"" + live + "\",\"" + held + "\"]"));

        assertThat(answer.get("canceled")).extracting(JsonNode::asText).containsExactly(live);
        assertThat(answer.get("not_canceled").get(held).asText()).isEqualTo(DELAYED);
    }

    @Test
    void cancelAllNamesTheDelayedOrdersItCouldNotCancel() {
        String live = liveOrderOf(sim, ALICE);
        String held = delayedOrder();

        JsonNode answer = TestHttp.json(alice("DELETE", "/cancel-all", null));

        assertThat(answer.get("canceled")).extracting(JsonNode::asText).containsExactly(live);
        assertThat(answer.get("not_canceled").get(held).asText()).isEqualTo(DELAYED);
    }

    @Test
    void aDelayedOrderJoinsTheBookOnlyWhenLive() {
        delayedOrder();
        JsonNode during = TestHttp.json(http.get("/book?token_id=" + TOKEN)).get("bids");
        CLOCK.advance(Duration.ofMillis(250));

        assertThat(during).isEmpty();
        assertThat(TestHttp.json(http.get("/book?token_id=" + TOKEN)).get("bids")).hasSize(1);
    }

    @Test
    void aHeartbeatLapseCancelsAsCancelAllDoesAndADelayedOrderOutlivesIt() {
        String id = sim.place(order().owner(ALICE.apiKey()).market(MARKET).asset(TOKEN).buy().price("0.5").size("10").delayed(Duration.ofSeconds(20))).value();
        alice("POST", "/v1/heartbeats", "{\"heartbeat_id\":\"\"}");

        CLOCK.advance(Duration.ofSeconds(11));
        assertThat(sim).hasOrder(OrderId.of(id), OrderStatus.DELAYED);
        CLOCK.advance(Duration.ofSeconds(9));

        assertThat(sim).hasOrderLive(OrderId.of(id));
    }

    @Test
    void theJavaApiPlacesADelayedOrderToo() {
        String id = sim.place(order().owner(ALICE.apiKey()).market(MARKET).asset(TOKEN).buy().price("0.5").size("10").delayed(Duration.ofSeconds(1))).value();
        assertThat(sim).hasOrder(OrderId.of(id), OrderStatus.DELAYED);

        CLOCK.advance(Duration.ofSeconds(1));

        assertThat(sim).hasOrderLive(OrderId.of(id));
    }

    @Test
    void aDelayThatIsNotPositiveIsA400() {
        HttpResponse<String> refused = http.post("/_sim/orders", "{\"owner\":\"" + ALICE.apiKey() + "\",\"market\":\"" + MARKET
                + "\",\"assetId\":\"" + TOKEN + "\",\"side\":\"BUY\",\"price\":\"0.5\",\"size\":\"10\",\"delayedMs\":0}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("{\"error\":\"delayedMs must be more than 0\"}");
    }
}
