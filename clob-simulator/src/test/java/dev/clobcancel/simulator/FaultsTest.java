package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.SimulatorFixture.ALICE;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.NOW;
import static dev.clobcancel.simulator.SimulatorFixture.cancelBody;
import static dev.clobcancel.simulator.SimulatorFixture.liveOrderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clobcancel.simulator.faults.FaultAction;
import dev.clobcancel.simulator.faults.FaultRule;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultsTest extends ExchangeTestBase {

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClockBuilder().seed(42).build());

    private HttpResponse<String> cancel(String id) {
        return http.signed(ALICE_SIGNS, NOW, "DELETE", "/order", cancelBody(id));
    }

    @Test
    void aRespondRuleAnswersWithItsStatusAndTheExchangesOwnError() {
        http.post("/_sim/faults", "{\"path\":\"/order\",\"status\":503}");

        HttpResponse<String> response = cancel(liveOrderOf(sim, ALICE));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"error\":\"Trading is currently disabled. Check polymarket.com for updates\"}");
    }

    @Test
    void aRuleWithTimesIsUsedUpAndTheOrderIsUntouchedMeanwhile() {
        String id = liveOrderOf(sim, ALICE);
        http.post("/_sim/faults", "{\"method\":\"DELETE\",\"path\":\"/order\",\"times\":2,\"status\":425}");

        assertThat(cancel(id).statusCode()).isEqualTo(425);
        assertThat(cancel(id).statusCode()).isEqualTo(425);
        assertThat(cancel(id).statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(http.get("/_sim/faults"))).isEmpty();
    }

    @Test
    void aRuleAnswersWithItsOwnBodyAndHeaders() {
        http.post("/_sim/faults", "{\"status\":429,\"body\":{\"error\":\"slow down\"},\"headers\":{\"Retry-After\":\"3\"}}");

        HttpResponse<String> response = cancel(liveOrderOf(sim, ALICE));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.body()).isEqualTo("{\"error\":\"slow down\"}");
        assertThat(response.headers().firstValue("Retry-After")).contains("3");
    }

    @Test
    void aRuleMatchesOnlyItsMethodAndPath() {
        http.post("/_sim/faults", "{\"method\":\"GET\",\"path\":\"/time\",\"status\":500}");

        assertThat(http.get("/time").statusCode()).isEqualTo(500);
        assertThat(cancel(liveOrderOf(sim, ALICE)).statusCode()).isEqualTo(200);
    }

    @Test
    void aDelayWithoutAStatusLetsTheRequestThrough() {
        http.post("/_sim/faults", "{\"path\":\"/order\",\"delayMs\":20}");

        assertThat(cancel(liveOrderOf(sim, ALICE)).statusCode()).isEqualTo(200);
    }

    @Test
    void theAdminApiIsNeverFaulted() {
        http.post("/_sim/faults", "{\"status\":500}");

        assertThat(http.get("/_sim/faults").statusCode()).isEqualTo(200);
    }

    /** A raw connection, so no client library retries or hides what the server did. */
    private Socket rawGetTime() throws IOException {
        Socket socket = new Socket(sim.baseUri().getHost(), sim.port());
        socket.setSoTimeout(2000);
        OutputStream out = socket.getOutputStream();
        out.write("GET /time HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    @Test
    void emptyClosesTheConnectionWithoutAByteOfAnswer() throws IOException {
        http.post("/_sim/faults", "{\"path\":\"/time\",\"times\":1,\"action\":\"empty\"}");

        try (Socket socket = rawGetTime()) {
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(http.get("/time").statusCode()).isEqualTo(200);
    }

    @Test
    void resetResetsTheConnection() throws IOException {
        http.post("/_sim/faults", "{\"path\":\"/time\",\"times\":1,\"action\":\"reset\"}");

        try (Socket socket = rawGetTime()) {
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(java.net.SocketException.class)
                    .hasMessageContaining("reset");
        }
        assertThat(http.get("/time").statusCode()).isEqualTo(200);
    }

    @Test
    void hangNeverAnswersWhileOtherRequestsAre() throws IOException {
        http.post("/_sim/faults", "{\"path\":\"/time\",\"times\":1,\"action\":\"hang\"}");
        try (Socket socket = rawGetTime()) {
            socket.setSoTimeout(300);
            InputStream in = socket.getInputStream();

            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
            assertThat(http.get("/time").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void probabilityDrawsFromTheSeedSoARunRepeats() {
        List<Integer> first = statusesWithProbability();
        sim.reset();
        List<Integer> second = statusesWithProbability();

        assertThat(first).isEqualTo(second).contains(500, 200);
    }

    private List<Integer> statusesWithProbability() {
        http.post("/_sim/faults", "{\"path\":\"/time\",\"status\":500,\"probability\":0.5}");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(http.get("/time").statusCode());
        }
        return statuses;
    }

    @Test
    void rulesAreListedAndRemovedOneByOneOrAll() {
        String id = TestHttp.json(http.post("/_sim/faults", "{\"path\":\"/time\",\"status\":500}")).get("id").asText();
        http.post("/_sim/faults", "{\"path\":\"/order\",\"action\":\"hang\"}");

        assertThat(TestHttp.json(http.get("/_sim/faults"))).hasSize(2);
        assertThat(http.send("DELETE", "/_sim/faults/" + id, null, java.util.Map.of()).statusCode()).isEqualTo(204);
        assertThat(http.send("DELETE", "/_sim/faults/" + id, null, java.util.Map.of()).statusCode()).isEqualTo(404);
        assertThat(http.send("DELETE", "/_sim/faults", null, java.util.Map.of()).statusCode()).isEqualTo(204);
        assertThat(TestHttp.json(http.get("/_sim/faults"))).isEmpty();
    }

    @Test
    void aMalformedRuleIsA400ThatNamesTheProblem() {
        assertThat(TestHttp.json(http.post("/_sim/faults", "{\"action\":\"explode\"}")).get("error").asText()).contains("action must be");
        assertThat(TestHttp.json(http.post("/_sim/faults", "{\"times\":0}")).get("error").asText()).contains("times must be at least 1");
        assertThat(TestHttp.json(http.post("/_sim/faults", "{\"status\":\"500\"}")).get("error").asText()).contains("status must be a whole number");
        assertThat(TestHttp.json(http.post("/_sim/faults", "{\"probability\":2}")).get("error").asText()).contains("probability must be 0 to 1");
        assertThat(TestHttp.json(http.post("/_sim/faults", "{\"delayMs\":600001}")).get("error").asText()).isEqualTo("delayMs must be 0 to 600000, not 600001");
        assertThat(TestHttp.json(http.post("/_sim/faults", "{\"action\":\"hang\",\"status\":500}")).get("error").asText()).contains("go with action respond");
        assertThat(TestHttp.json(http.get("/_sim/faults"))).isEmpty();
    }

    @Test
    void theJavaApiAddsRulesToo() {
        sim.faults().add(FaultRule.of(FaultAction.RESPOND).path("/time").times(1).build());
        sim.faults().add(FaultRule.respond(502).path("/time").times(1).build());

        assertThat(http.get("/time").statusCode()).isEqualTo(200);
        assertThat(http.get("/time").statusCode()).isEqualTo(502);
    }
}
