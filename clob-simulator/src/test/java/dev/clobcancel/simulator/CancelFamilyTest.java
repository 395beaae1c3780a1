package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.OrderSpec.order;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.BOB;
import static dev.clobcancel.simulator.SimulatorFixture.MARKET;
import static dev.clobcancel.simulator.SimulatorFixture.NOW;
import static dev.clobcancel.simulator.SimulatorFixture.TOKEN;
import static dev.clobcancel.simulator.SimulatorFixture.liveOrderOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DELETE /orders, /cancel-all and /cancel-market-orders: only ever the caller's own orders. */
class CancelFamilyTest extends ExchangeTestBase {

    static final String OTHER_MARKET = "0x" + "7a".repeat(32);
    static final String OTHER_TOKEN = "111";

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClock());

    private HttpResponse<String> alice(String path, String body) {
        return http.signed(ALICE_SIGNS, NOW, "DELETE", path, body);
    }

    private OrderStatus statusOf(String id) {
        return sim.order(OrderId.of(id)).orElseThrow().status();
    }

    private static String jsonArray(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void aBatchCancelsTheCallersOrdersAndSaysWhyForTheOthers() {
        String live = liveOrderOf(sim, ALICE);
        String matched = liveOrderOf(sim, ALICE);
        sim.orders().fill(OrderId.of(matched));
        String bobs = liveOrderOf(sim, BOB);

        JsonNode answer = TestHttp.json(alice("/orders", jsonArray(List.of(live, matched, bobs))));

        assertThat(answer.get("canceled")).extracting(JsonNode::asText).containsExactly(live);
        assertThat(answer.get("not_canceled").get(matched).asText()).isEqualTo("Order already matched");
        assertThat(answer.get("not_canceled").get(bobs).asText()).isEqualTo("Order not found or already canceled");
        assertThat(statusOf(bobs)).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void aBatchIgnoresDuplicates() {
        String live = liveOrderOf(sim, ALICE);

        JsonNode answer = TestHttp.json(alice("/orders", jsonArray(List.of(live, live, live))));

        assertThat(answer.get("canceled")).hasSize(1);
        assertThat(answer.get("not_canceled")).isEmpty();
    }

    @Test
    void idsThatDifferOnlyInTheCaseOfTheirHexAreOneIdAnsweredInLowerCase() {
        String live = liveOrderOf(sim, ALICE);
        String upper = "0x" + live.substring(2).toUpperCase(Locale.ROOT);
        String unknown = "0x" + "Ab".repeat(32);

        JsonNode answer = TestHttp.json(alice("/orders", jsonArray(List.of(upper, live, unknown, unknown.toLowerCase(Locale.ROOT)))));

        assertThat(answer.get("canceled")).extracting(JsonNode::asText).containsExactly(live);
        assertThat(answer.get("not_canceled").properties()).extracting(Map.Entry::getKey)
                .containsExactly(unknown.toLowerCase(Locale.ROOT));
        assertThat(statusOf(live)).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void aBatchOfAThousandIsAcceptedAndOneMoreIsNot() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(String.format("0x%064x", i));
        }
        assertThat(alice("/orders", jsonArray(ids)).statusCode()).isEqualTo(200);

        ids.add(String.format("0x%064x", 1000));
        HttpResponse<String> tooMany = alice("/orders", jsonArray(ids));

        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).isEqualTo("{\"error\":\"Too many orders in payload, max allowed: 1000\"}");
    }

    @Test
    void aBatchWithAMalformedIdOrNotAnArrayIsRefusedWholeAndCancelsNothing() {
        String live = liveOrderOf(sim, ALICE);

        assertThat(alice("/orders", jsonArray(List.of(live, "0xnothex"))).body()).isEqualTo("{\"error\":\"Invalid orderID\"}");
        assertThat(alice("/orders", "{\"orderID\":\"" + live + "\"}").body()).isEqualTo("{\"error\":\"Invalid order payload\"}");
        assertThat(alice("/orders", "[1,2]").body()).isEqualTo("{\"error\":\"Invalid order payload\"}");
        assertThat(statusOf(live)).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void cancelAllTakesEveryLiveOrderOfTheCallerAndNoOneElses() {
        String a1 = liveOrderOf(sim, ALICE);
        String a2 = sim.place(order().owner(ALICE.apiKey()).market(OTHER_MARKET).asset(OTHER_TOKEN).sell().price("0.7").size("3")).value();
        String bobs = liveOrderOf(sim, BOB);

        HttpResponse<String> response = alice("/cancel-all", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(response).get("canceled")).extracting(JsonNode::asText).containsExactly(a1, a2);
        assertThat(statusOf(bobs)).isEqualTo(OrderStatus.LIVE);
        assertThat(TestHttp.json(alice("/cancel-all", null)).get("canceled")).isEmpty();
    }

    @Test
    void cancelMarketOrdersTakesTheCallersOrdersOfTheMarketOrAsset() {
        String inMarket = liveOrderOf(sim, ALICE);
        String otherAsset = sim.place(order().owner(ALICE.apiKey()).market(MARKET).asset("222").buy().price("0.3").size("1")).value();
        String otherMarket = sim.place(order().owner(ALICE.apiKey()).market(OTHER_MARKET).asset(OTHER_TOKEN).buy().price("0.3").size("1")).value();
        String bobs = liveOrderOf(sim, BOB);

        JsonNode byAsset = TestHttp.json(alice("/cancel-market-orders", "{\"asset_id\":\"" + TOKEN + "\"}"));
        JsonNode byMarket = TestHttp.json(alice("/cancel-market-orders", "{\"market\":\"" + MARKET + "\"}"));

        assertThat(byAsset.get("canceled")).extracting(JsonNode::asText).containsExactly(inMarket);
        assertThat(byMarket.get("canceled")).extracting(JsonNode::asText).containsExactly(otherAsset);
        assertThat(statusOf(otherMarket)).isEqualTo(OrderStatus.LIVE);
        assertThat(statusOf(bobs)).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void cancelMarketOrdersWithBothFieldsNeedsBothToMatch() {
        String inMarket = liveOrderOf(sim, ALICE);
        String otherAsset = sim.place(order().owner(ALICE.apiKey()).market(MARKET).asset("222").buy().price("0.3").size("1")).value();

        JsonNode answer = TestHttp.json(alice("/cancel-market-orders",
                "{\"market\":\"" + MARKET + "\",\"asset_id\":\"222\"}"));

        assertThat(answer.get("canceled")).extracting(JsonNode::asText).containsExactly(otherAsset);
        assertThat(statusOf(inMarket)).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void cancelMarketOrdersWithNeitherFieldIsRefused() {
        for (String body : new String[] {"{}", null, "{\"market\":42}", "[]"}) {
            HttpResponse<String> response = alice("/cancel-market-orders", body);

            assertThat(response.statusCode()).as(String.valueOf(body)).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"error\":\"Invalid order payload\"}");
        }
    }
}
