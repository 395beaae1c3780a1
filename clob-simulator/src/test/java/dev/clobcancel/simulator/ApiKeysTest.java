package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.OrderSpec.order;
import static dev.clobcancel.simulator.SimulatorFixture.MARKET;
import static dev.clobcancel.simulator.SimulatorFixture.NOW;
import static dev.clobcancel.simulator.SimulatorFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import dev.clobcancel.simulator.wallet.TestWallet;
import dev.clobcancel.simulator.wallet.WalletAccount;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** API keys through L1, as the official client makes and reads them, and every way an L1 request is refused. */
class ApiKeysTest {

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClockBuilder().seed(7).build());

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final TestWallet CAROL = TestWallet.fromSeed(99, 0);

    ClobSimulator sim;
    TestHttp http;

    @BeforeEach
    void connect(ClobSimulator sim) {
        this.sim = sim;
        this.http = new TestHttp(sim.baseUri());
    }

    private HttpResponse<String> l1(String method, String path, Consumer<Map<String, String>> change) {
        Map<String, String> headers = new LinkedHashMap<>(CAROL.l1Headers(137, NOW, BigInteger.ZERO));
        change.accept(headers);
        return http.send(method, path, null, headers);
    }

    private HttpResponse<String> derive(Consumer<Map<String, String>> change) {
        return l1("GET", "/auth/derive-api-key", change);
    }

    @Test
    void aDerivedKeyHasTheExchangesShape() {
        JsonNode key = TestHttp.json(derive(h -> { }));

        assertThat(key.get("apiKey").asText()).matches(UUID);
        assertThat(key.get("secret").asText()).matches("[A-Za-z0-9_-]{43}=");
        assertThat(key.get("passphrase").asText()).matches("[0-9a-f]{64}");
    }

    @Test
    void deriveGivesTheSameKeyEveryTimeAndOnEveryRunOfTheSameSeed() {
        String first = derive(h -> { }).body();
        String again = derive(h -> { }).body();
        String nextRun;
        try (ClobSimulator other = ClobSimulator.start(SimulatorFixture.stoppedClockBuilder().seed(7).build())) {
            nextRun = new TestHttp(other.baseUri()).send("GET", "/auth/derive-api-key", null, CAROL.l1Headers(137, NOW, BigInteger.ZERO))
                    .body();
        }

        assertThat(again).isEqualTo(first);
        assertThat(nextRun).isEqualTo(first);
    }

    @Test
    void anotherNonceOrSeedDerivesAnotherKey() {
        String nonce0 = TestHttp.json(derive(h -> { })).get("apiKey").asText();
        String nonce1 = TestHttp.json(http.send("GET", "/auth/derive-api-key", null, CAROL.l1Headers(137, NOW, BigInteger.ONE)))
                .get("apiKey").asText();
        String otherSeed;
        try (ClobSimulator other = ClobSimulator.start(SimulatorFixture.stoppedClockBuilder().seed(8).build())) {
            otherSeed = TestHttp.json(new TestHttp(other.baseUri()).send("GET", "/auth/derive-api-key", null,
                    CAROL.l1Headers(137, NOW, BigInteger.ZERO))).get("apiKey").asText();
        }

        assertThat(nonce1).isNotEqualTo(nonce0);
        assertThat(otherSeed).isNotEqualTo(nonce0);
    }

    @Test
    void createMakesANewKeyEachTimeAndTheAccountListsThemAll() {
        String created1 = TestHttp.json(l1("POST", "/auth/api-key", h -> { })).get("apiKey").asText();
        String created2 = TestHttp.json(l1("POST", "/auth/api-key", h -> { })).get("apiKey").asText();
        WalletAccount carol = WalletAccount.derive(sim.baseUri(), 137, CAROL);

        JsonNode listed = carol.send("GET", "/auth/api-keys", null).body();

        assertThat(created1).isNotEqualTo(created2).matches(UUID);
        assertThat(listed.get("apiKeys")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(created1, created2, carol.apiKey());
    }

    @Test
    void aKeyMadeThroughL1IsAnAccountThatCancelsItsOrders() {
        WalletAccount carol = WalletAccount.derive(sim.baseUri(), 137, CAROL);
        String id = sim.place(order().owner(carol.apiKey()).market(MARKET).asset(TOKEN).buy().price("0.5").size("10")).value();

        WalletAccount.Answer canceled = carol.cancel(id);

        assertThat(canceled.status()).isEqualTo(200);
        assertThat(canceled.body().get("canceled")).extracting(JsonNode::asText).containsExactly(id);
        assertThat(sim.order(OrderId.of(id)).orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void deletingTheKeyEndsItAndCancelsItsLiveOrders() {
        WalletAccount carol = WalletAccount.derive(sim.baseUri(), 137, CAROL);
        String id = sim.place(order().owner(carol.apiKey()).market(MARKET).asset(TOKEN).buy().price("0.5").size("10")).value();

        WalletAccount.Answer deleted = carol.send("DELETE", "/auth/api-key", null);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(carol.send("GET", "/auth/api-keys", null).status()).isEqualTo(401);
        assertThat(sim.order(OrderId.of(id)).orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void theJournalNeverShowsAnAnswersSecretOrPassphrase() {
        JsonNode key = TestHttp.json(derive(h -> { }));

        String journal = http.get("/_sim/requests").body();

        assertThat(journal).contains("/auth/derive-api-key")
                .doesNotContain(key.get("secret").asText()).doesNotContain(key.get("passphrase").asText());
    }

    private void assertRefused(HttpResponse<String> response, String failedCheck) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"Invalid L1 Request headers\"}");
        assertThat(response.headers().firstValue("X-Sim-Auth-Failure")).hasValueSatisfying(v -> assertThat(v).contains(failedCheck));
    }

    @Test
    void eachMissingHeaderIsNamed() {
        for (String header : new String[] {"POLY_ADDRESS", "POLY_SIGNATURE", "POLY_TIMESTAMP"}) {
            assertRefused(derive(h -> h.remove(header)), "missing header " + header);
        }
    }

    @Test
    void aMissingNonceIsZero() {
        assertThat(derive(h -> h.remove("POLY_NONCE")).body()).isEqualTo(derive(h -> { }).body());
    }

    @Test
    void aSignatureOfAnotherAddressIsRefused() {
        assertRefused(derive(h -> h.put("POLY_ADDRESS", TestWallet.fromSeed(99, 1).address())),
                "POLY_SIGNATURE is not POLY_ADDRESS's signature");
    }

    @Test
    void aSignatureOfAnotherNonceIsRefused() {
        assertRefused(derive(h -> h.put("POLY_NONCE", "1")), "nonce 1");
    }

    @Test
    void aSignatureForTheOtherChainIsRefusedAndNamed() {
        assertRefused(http.send("GET", "/auth/derive-api-key", null, CAROL.l1Headers(80002, NOW, BigInteger.ZERO)),
                "signed for chain 80002");
    }

    @Test
    void aStaleTimestampIsRefused() {
        assertRefused(http.send("GET", "/auth/derive-api-key", null, CAROL.l1Headers(137, NOW - 3600, BigInteger.ZERO)),
                "outside the window");
    }

    @Test
    void malformedHeadersAreRefused() {
        assertRefused(derive(h -> h.put("POLY_ADDRESS", "0x12")), "POLY_ADDRESS is not 0x and 40 hex digits");
        assertRefused(derive(h -> h.put("POLY_TIMESTAMP", "soon")), "POLY_TIMESTAMP is not unix seconds");
        assertRefused(derive(h -> h.put("POLY_NONCE", "-1")), "POLY_NONCE is not a uint256");
        assertRefused(derive(h -> h.put("POLY_NONCE", "1" + "0".repeat(78))), "POLY_NONCE is not a uint256");
        assertRefused(derive(h -> h.put("POLY_SIGNATURE", "0xzz")), "POLY_SIGNATURE is not 0x and 130 hex digits");
        assertRefused(derive(h -> h.put("POLY_SIGNATURE", "0x" + "00".repeat(65))), "no secp256k1 signature");
    }

    @Test
    void theSimulatorCanBeAmoy() {
        try (ClobSimulator amoy = ClobSimulator.start(SimulatorFixture.stoppedClockBuilder().chainId(80002).build())) {
            TestHttp amoyHttp = new TestHttp(amoy.baseUri());
            assertThat(amoyHttp.send("GET", "/auth/derive-api-key", null, CAROL.l1Headers(80002, NOW, BigInteger.ZERO)).statusCode())
                    .isEqualTo(200);
            assertThat(amoyHttp.send("GET", "/auth/derive-api-key", null, CAROL.l1Headers(137, NOW, BigInteger.ZERO)).statusCode())
                    .isEqualTo(401);
        }
    }
}
