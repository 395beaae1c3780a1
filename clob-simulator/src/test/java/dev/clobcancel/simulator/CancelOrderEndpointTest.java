package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.SimulatorFixture.ALICE;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_ADDRESS;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.BOB;
import static dev.clobcancel.simulator.SimulatorFixture.BOB_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.NOW;
import static dev.clobcancel.simulator.SimulatorFixture.cancelBody;
import static dev.clobcancel.simulator.SimulatorFixture.liveOrderOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.exchange.OrderView;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CancelOrderEndpointTest extends ExchangeTestBase {

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClock());

    private HttpResponse<String> aliceCancels(String body) {
        return http.signed(ALICE_SIGNS, NOW, "DELETE", "/order", body);
    }

    private OrderStatus statusOf(String id) {
        return sim.order(OrderId.of(id)).map(OrderView::status).orElseThrow();
    }

    @Test
    void cancelsTheCallersLiveOrder() {
        String id = liveOrderOf(sim, ALICE);

        HttpResponse<String> response = aliceCancels(cancelBody(id));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"canceled\":[\"" + id + "\"],\"not_canceled\":{}}");
        assertThat(statusOf(id)).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void aSecondCancelOfTheSameOrderIsNotCanceledAsAlreadyCanceled() {
        String id = liveOrderOf(sim, ALICE);
        aliceCancels(cancelBody(id));

        HttpResponse<String> again = aliceCancels(cancelBody(id));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("{\"canceled\":[],\"not_canceled\":{\"" + id + "\":\"Order not found or already canceled\"}}");
    }

    @Test
    void aMatchedOrderIsNotCanceledAsAlreadyMatched() {
        String id = liveOrderOf(sim, ALICE);
        sim.orders().fill(OrderId.of(id));

        HttpResponse<String> response = aliceCancels(cancelBody(id));

        assertThat(TestHttp.json(response).get("not_canceled").get(id).asText()).isEqualTo("Order already matched");
        assertThat(statusOf(id)).isEqualTo(OrderStatus.MATCHED);
    }

    @Test
    void aPartlyMatchedOrderCanStillBeCanceled() {
        String id = liveOrderOf(sim, ALICE);
        sim.orders().fill(OrderId.of(id), new java.math.BigDecimal("4"));

        assertThat(TestHttp.json(aliceCancels(cancelBody(id))).get("canceled").get(0).asText()).isEqualTo(id);
        assertThat(sim.order(OrderId.of(id)).orElseThrow().sizeMatched()).isEqualByComparingTo("4");
    }

    @Test
    void anotherAccountsOrderReadsAsNotFoundAndStaysLive() {
        String bobs = liveOrderOf(sim, BOB);

        HttpResponse<String> response = aliceCancels(cancelBody(bobs));

        assertThat(TestHttp.json(response).get("not_canceled").get(bobs).asText()).isEqualTo("Order not found or already canceled");
        assertThat(statusOf(bobs)).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void anUnknownIdIsNotFound() {
        String unknown = "0x" + "ab".repeat(32);

        assertThat(TestHttp.json(aliceCancels(cancelBody(unknown))).get("not_canceled").get(unknown).asText())
                .isEqualTo("Order not found or already canceled");
    }

    @Test
    void theBodyOfPyClobClientWithASpaceAfterTheColonVerifies() {
        String id = liveOrderOf(sim, ALICE);

        HttpResponse<String> response = aliceCancels("{\"orderID\": \"" + id + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(statusOf(id)).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void theAddressIsComparedWithoutRegardToCase() {
        String id = liveOrderOf(sim, ALICE);
        var headers = new java.util.LinkedHashMap<>(ALICE_SIGNS.headers(NOW, "DELETE", "/order",
                cancelBody(id).getBytes(java.nio.charset.StandardCharsets.UTF_8)).asMap());
        headers.put("POLY_ADDRESS", ALICE_ADDRESS.value().toLowerCase());

        assertThat(http.send("DELETE", "/order", cancelBody(id), headers).statusCode()).isEqualTo(200);
    }

    @Test
    void aMalformedOrderIdIsInvalidOrderID() {
        HttpResponse<String> response = aliceCancels(cancelBody("0x12zz"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"Invalid orderID\"}");
    }

    @Test
    void aBodyThatIsNotTheDocumentedPayloadIsInvalidOrderPayload() {
        for (String body : List.of("not json", "{\"orderID\":12}", "{\"order\":\"0xab\"}", "[\"0xab\"]", "{\"orderID\":\"0xab\"} trailing")) {
            HttpResponse<String> response = aliceCancels(body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).isEqualTo("{\"error\":\"Invalid order payload\"}");
        }
        assertThat(aliceCancels(null).statusCode()).isEqualTo(400);
    }

    @Test
    void concurrentCancelsOfOneOrderCancelItExactlyOnce() throws Exception {
        String id = liveOrderOf(sim, ALICE);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                answers.add(pool.submit(() -> aliceCancels(cancelBody(id))));
            }
            int canceled = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                canceled += TestHttp.json(answer.get()).get("canceled").size();
            }
            assertThat(canceled).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void timeIsTheServersUnixSecondsAsABareNumber() {
        HttpResponse<String> response = http.get("/time");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Long.toString(NOW));
    }

    @Test
    void eachAccountCancelsItsOwnOrders() {
        String bobs = liveOrderOf(sim, BOB);

        HttpResponse<String> response = http.signed(BOB_SIGNS, NOW, "DELETE", "/order", cancelBody(bobs));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(statusOf(bobs)).isEqualTo(OrderStatus.CANCELED);
    }
}
