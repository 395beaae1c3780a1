package dev.clobcancel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.core.Scenario;
import dev.clobcancel.simulator.http.ScenarioFile;
import dev.clobcancel.simulator.exchange.ExchangeMode;
import dev.clobcancel.simulator.exchange.OrderStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigAndTlsTest {

    static final String YAML = """
            accounts:
              - apiKey: k-1
                secret: vcR0iVnub9lwyp10npV5pN2CvxEdTzNIyk1CUjESPmE=
                passphrase: p-1
                address: "0x9fB29AAc15b9A4B7F17c3385939b007540f4d791"
            markets:
              - market: "0xm"
                assets: ["1", "2"]
            orders:
              - {id: "0x%s", owner: k-1, market: "0xm", assetId: "1", side: BUY, price: "0.5", size: 10}
            mode: cancel-only
            faults:
              - {path: /time, status: 500, times: 1}
            rateLimits: true
            """.formatted("ab".repeat(32));

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void aScenarioHoldsDelayedOrdersAndPostOnly() throws IOException {
        String yaml = YAML.replace("size: 10}", "size: 10, delayedMs: 250}").replace("mode: cancel-only", "mode: post-only");
        // A stopped clock: on the system clock a loaded machine could take the 250 ms before the first look.
        try (ClobSimulator sim = ClobSimulator.start(SimulatorFixture.stoppedClockBuilder().scenario(ScenarioFile.read(write("sim.yaml", yaml))).build())) {
            assertThat(sim.order(OrderId.of("0x" + "ab".repeat(32))).orElseThrow().status()).isEqualTo(OrderStatus.DELAYED);
            assertThat(sim.mode()).isEqualTo(ExchangeMode.POST_ONLY);
        }
    }

    @Test
    void aYamlScenarioIsHeldAtStartAndAgainAfterEveryReset() throws IOException {
        Scenario scenario = ScenarioFile.read(write("sim.yaml", YAML));
        try (ClobSimulator sim = ClobSimulator.start(SimulatorOptions.builder().scenario(scenario).build())) {
            String id = "0x" + "ab".repeat(32);
            TestHttp http = new TestHttp(sim.baseUri());

            assertThat(sim.order(OrderId.of(id)).orElseThrow().status()).isEqualTo(OrderStatus.LIVE);
            assertThat(sim.mode()).isEqualTo(ExchangeMode.CANCEL_ONLY);
            assertThat(http.get("/time").statusCode()).isEqualTo(500);
            assertThat(TestHttp.json(http.get("/_sim/rate-limits")).get("enabled").asBoolean()).isTrue();
            assertThat(sim.markets().all()).containsKey("0xm");

            sim.orders().fill(OrderId.of(id));
            sim.setMode(ExchangeMode.NORMAL);
            http.post("/_sim/reset", null);

            assertThat(sim.order(OrderId.of(id)).orElseThrow().status()).isEqualTo(OrderStatus.LIVE);
            assertThat(sim.mode()).isEqualTo(ExchangeMode.CANCEL_ONLY);
            assertThat(http.get("/time").statusCode()).isEqualTo(500);
        }
    }

    @Test
    void aJsonScenarioReadsTheSame() throws IOException {
        Scenario scenario = ScenarioFile.read(write("sim.json",
                "{\"accounts\":[{\"apiKey\":\"k\",\"secret\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\","
                        + "\"passphrase\":\"p\",\"address\":\"0x1111111111111111111111111111111111111111\"}],\"mode\":\"disabled\"}"));

        assertThat(scenario.accounts()).hasSize(1);
        assertThat(scenario.mode()).isEqualTo(ExchangeMode.DISABLED);
    }

    @Test
    void aBadScenarioNamesTheFileAndTheProblem() throws IOException {
        Path unknownField = write("a.yaml", "acounts: []\n");
        Path badOrder = write("b.yaml", "orders:\n  - {owner: nobody, market: m, assetId: '1', side: BUY, price: '0.5', size: 1}\n");
        Path badYaml = write("c.yaml", "accounts: [\n");
        Path badSide = write("d.yaml", "orders:\n  - {owner: k, market: m, assetId: '1', side: HOLD}\n");

        assertThatThrownBy(() -> ScenarioFile.read(unknownField)).hasMessageContaining("a.yaml").hasMessageContaining("unknown field acounts");
        assertThatThrownBy(() -> ClobSimulator.start(SimulatorOptions.builder().scenario(ScenarioFile.read(badOrder)).build()))
                .hasMessageContaining("owner nobody is not the apiKey of an account");
        assertThatThrownBy(() -> ScenarioFile.read(badYaml)).hasMessageContaining("c.yaml is not valid YAML");
        assertThatThrownBy(() -> ScenarioFile.read(badSide)).hasMessageContaining("orders[0]: side must be BUY or SELL");
        assertThatThrownBy(() -> ScenarioFile.read(dir.resolve("none.yaml"))).hasMessageContaining("no config file");
    }

    @Test
    void tlsServesHttpsWithACertificateForTheLoopbackAddress() throws Exception {
        try (ClobSimulator sim = ClobSimulator.start(SimulatorOptions.builder().tls(true).build())) {
            Path pem = sim.certificatePath().orElseThrow();
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(pem)).build();

            HttpResponse<String> response = client.send(HttpRequest.newBuilder(sim.baseUri().resolve("/time")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(sim.baseUri().getScheme()).isEqualTo("https");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----");
        }
    }

    static SSLContext trusting(Path pem) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            store.setCertificateEntry("simulator", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
