package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.SimulatorFixture.ALICE;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.NOW;
import static dev.clobcancel.simulator.SimulatorFixture.cancelBody;
import static dev.clobcancel.simulator.SimulatorFixture.liveOrderOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JournalTest extends ExchangeTestBase {

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClockBuilder().journalCapacity(5).build());

    private JsonNode requests(String query) {
        return TestHttp.json(http.get("/_sim/requests" + query));
    }

    @Test
    void recordsEachExchangeRequestWithWhatWasAnswered() {
        String id = liveOrderOf(sim, ALICE);
        http.signed(ALICE_SIGNS, NOW, "DELETE", "/order", cancelBody(id));

        JsonNode entry = requests("").get(0);

        assertThat(entry.get("method").asText()).isEqualTo("DELETE");
        assertThat(entry.get("path").asText()).isEqualTo("/order");
        assertThat(entry.get("body").asText()).isEqualTo(cancelBody(id));
        assertThat(entry.get("status").asInt()).isEqualTo(200);
        assertThat(entry.get("auth").asText()).isEqualTo("ok");
        assertThat(entry.get("apiKey").asText()).isEqualTo(ALICE.apiKey());
        assertThat(entry.get("outcome").asText()).isEqualTo("answered");
        assertThat(entry.get("time").asText()).isEqualTo("2025-11-24T16:00:00Z");
    }

    @Test
    void redactsTheSignatureAndPassphraseAndNeverHoldsTheSecret() {
        http.signed(ALICE_SIGNS, NOW, "DELETE", "/order", cancelBody("0x" + "00".repeat(32)));

        String journal = http.get("/_sim/requests").body();
        JsonNode headers = requests("").get(0).get("headers");

        assertThat(headers.get("POLY_SIGNATURE").asText()).isEqualTo("<redacted>");
        assertThat(headers.get("POLY_PASSPHRASE").asText()).isEqualTo("<redacted>");
        assertThat(headers.get("POLY_TIMESTAMP").asText()).isEqualTo(Long.toString(NOW));
        assertThat(journal).doesNotContain(ALICE.passphrase()).doesNotContain(ALICE.secret());
    }

    @Test
    void recordsTheFailedCheckOfARefusedRequest() {
        http.send("DELETE", "/order", cancelBody("0x" + "00".repeat(32)), Map.of("POLY_API_KEY", "nobody"));

        JsonNode entry = requests("").get(0);

        assertThat(entry.get("status").asInt()).isEqualTo(401);
        assertThat(entry.get("auth").asText()).isEqualTo("missing header POLY_ADDRESS");
    }

    @Test
    void filtersByMethodAndPathAndLeavesTheAdminApiOut() {
        http.get("/time");
        http.signed(ALICE_SIGNS, NOW, "DELETE", "/cancel-all", null);
        http.post("/_sim/orders", "{}");

        assertThat(requests("")).hasSize(2);
        assertThat(requests("?method=delete")).hasSize(1);
        assertThat(requests("?path=/time").get(0).get("auth").asText()).isEqualTo("none");
        assertThat(requests("?method=GET&path=/cancel-all")).isEmpty();
    }

    @Test
    void recordsAFaultThatLeftNoAnswer() {
        http.post("/_sim/faults", "{\"path\":\"/time\",\"action\":\"empty\",\"times\":1}");
        try {
            http.get("/time");
        } catch (RuntimeException expected) {
            // The client saw the connection close; what matters is what the journal says.
        }

        JsonNode entry = requests("?path=/time").get(0);
        assertThat(entry.get("status").asInt()).isZero();
        assertThat(entry.get("outcome").asText()).isEqualTo("fault: empty");
    }

    @Test
    void keepsTheNewestWithinItsCapacityAndSaysHowManyWereDropped() {
        for (int i = 0; i < 8; i++) {
            http.get("/time?i=" + i);
        }

        HttpResponse<String> response = http.get("/_sim/requests");

        assertThat(TestHttp.json(response)).hasSize(5);
        assertThat(TestHttp.json(response).get(0).get("query").asText()).isEqualTo("i=3");
        assertThat(response.headers().firstValue("X-Sim-Journal-Dropped")).contains("3");
    }

    @Test
    void clearsOnDeleteAndOnReset() {
        http.get("/time");
        assertThat(http.send("DELETE", "/_sim/requests", null, Map.of()).statusCode()).isEqualTo(204);
        assertThat(requests("")).isEmpty();

        http.get("/time");
        sim.reset();
        assertThat(sim.journal().entries()).isEmpty();
    }
}
