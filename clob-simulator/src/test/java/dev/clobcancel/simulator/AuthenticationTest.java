package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.SimulatorFixture.ALICE;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_ADDRESS;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.BOB_ADDRESS;
import static dev.clobcancel.simulator.SimulatorFixture.NOW;
import static dev.clobcancel.simulator.SimulatorFixture.cancelBody;
import static dev.clobcancel.simulator.SimulatorFixture.liveOrderOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.auth.L2Signer;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a request can fail L2 authentication answers 401 Invalid API key, and says why. */
class AuthenticationTest extends ExchangeTestBase {

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClock());

    String id;

    @BeforeEach
    void freshExchange() {
        id = liveOrderOf(sim, ALICE);
    }

    /** Alice's correctly signed cancel, with one change made to its headers. */
    private HttpResponse<String> cancelWith(Consumer<Map<String, String>> change) {
        Map<String, String> headers = new LinkedHashMap<>(
                ALICE_SIGNS.headers(NOW, "DELETE", "/order", cancelBody(id).getBytes(StandardCharsets.UTF_8)).asMap());
        change.accept(headers);
        return http.send("DELETE", "/order", cancelBody(id), headers);
    }

    private void assertRefused(HttpResponse<String> response, String failedCheck) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"Invalid API key\"}");
        assertThat(response.headers().firstValue("X-Sim-Auth-Failure")).hasValueSatisfying(v -> assertThat(v).contains(failedCheck));
        assertThat(sim.order(OrderId.of(id)).orElseThrow().status()).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void theUntouchedRequestIsAccepted() {
        assertThat(cancelWith(headers -> { }).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POLY_API_KEY", "POLY_ADDRESS", "POLY_SIGNATURE", "POLY_PASSPHRASE", "POLY_TIMESTAMP"})
    void aMissingHeaderIsRefused(String header) {
        assertRefused(cancelWith(headers -> headers.remove(header)), "missing header " + header);
    }

    @Test
    void anUnknownKeyIsRefused() {
        assertRefused(cancelWith(headers -> headers.put("POLY_API_KEY", "99999999-0000-4000-8000-000000000000")), "unknown API key");
    }

    @Test
    void aWrongPassphraseIsRefused() {
        assertRefused(cancelWith(headers -> headers.put("POLY_PASSPHRASE", "not-alices")), "wrong passphrase");
    }

    @Test
    void anAddressThatDoesNotOwnTheKeyIsRefused() {
        assertRefused(cancelWith(headers -> headers.put("POLY_ADDRESS", BOB_ADDRESS.value())), "not the address of this API key");
    }

    @Test
    void aTimestampThatIsNotUnixSecondsIsRefused() {
        assertRefused(cancelWith(headers -> headers.put("POLY_TIMESTAMP", "yesterday")), "not unix seconds");
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRefusedAndTheSignedMessageShown() {
        L2Signer wrongSecret = new L2Signer(new ApiCredentials(ALICE.apiKey(), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                ALICE.passphrase()), ALICE_ADDRESS);

        HttpResponse<String> response = http.signed(wrongSecret, NOW, "DELETE", "/order", cancelBody(id));

        assertRefused(response, "signature mismatch; the server signed: " + NOW + "DELETE/order" + cancelBody(id));
    }

    @Test
    void aSignatureOfOtherBytesThanTheBodyIsRefused() {
        assertRefused(cancelWith(headers -> headers.put("POLY_SIGNATURE",
                ALICE_SIGNS.headers(NOW, "DELETE", "/order", null).signature())), "signature mismatch");
    }

    @Test
    void theAuthFailureHeaderNeverShowsTheSecretOrPassphrase() {
        HttpResponse<String> response = cancelWith(headers -> headers.put("POLY_SIGNATURE", "x"));

        String why = response.headers().firstValue("X-Sim-Auth-Failure").orElseThrow();
        assertThat(why).doesNotContain(ALICE.secret()).doesNotContain(ALICE.passphrase());
    }

    @Test
    void aTimestampAtTheEdgeOfTheWindowIsAcceptedAndOnePastItIsNot() {
        String body = cancelBody(id);

        assertThat(http.signed(ALICE_SIGNS, NOW - 61, "DELETE", "/order", body).headers().firstValue("X-Sim-Auth-Failure"))
                .hasValueSatisfying(why -> assertThat(why).contains("-61 s from the server's clock").contains("window of 60 s"));
        assertThat(http.signed(ALICE_SIGNS, NOW + 61, "DELETE", "/order", body).statusCode()).isEqualTo(401);
        assertThat(http.signed(ALICE_SIGNS, NOW + 60, "DELETE", "/order", body).statusCode()).isEqualTo(200);
    }

    @Test
    void aRequestDated1970IsAlwaysRefused() {
        assertRefused(http.signed(ALICE_SIGNS, 1, "DELETE", "/order", cancelBody(id)), "before 2001");
    }

    @Test
    void theSameSignedRequestTwiceInTheWindowIsAcceptedTwice() {
        HttpResponse<String> first = http.signed(ALICE_SIGNS, NOW, "DELETE", "/order", cancelBody(id));
        HttpResponse<String> second = http.signed(ALICE_SIGNS, NOW, "DELETE", "/order", cancelBody(id));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(second).get("not_canceled").get(id).asText()).isEqualTo("Order not found or already canceled");
    }
}
