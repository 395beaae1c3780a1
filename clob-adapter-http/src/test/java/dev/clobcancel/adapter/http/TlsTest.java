package dev.clobcancel.adapter.http;

import static dev.clobcancel.adapter.http.TestSupport.failure;
import static dev.clobcancel.adapter.http.TestSupport.liveOrder;
import static dev.clobcancel.adapter.http.TestSupport.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clobcancel.domain.failure.TransportException;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.retry.RetryPolicy;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.SimulatorOptions;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS verifies the certificate by default; a simulator's own certificate is trusted only when asked. */
class TlsTest {

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorOptions.builder().tls(true).build());

    @TempDir
    Path dir;

    @Test
    void cancelsOverHttpsWhenTheSimulatorsCertificateIsTrusted(ClobSimulator sim) throws Exception {
        sim.addAccount(TestSupport.CREDS, TestSupport.ADDRESS);
        OrderId id = liveOrder(sim);
        try (ClobHttpClient client = TestSupport.clientOf(sim).trustCertificate(sim.certificatePath().orElseThrow()).build()) {
            assertThat(sim.baseUri().getScheme()).isEqualTo("https");
            assertThat(TestSupport.ids(result(client.cancelOrder(id)).canceled())).containsExactly(id.value());
        }
    }

    @Test
    void aSelfSignedCertificateIsRefusedByDefault(ClobSimulator sim) throws Exception {
        sim.addAccount(TestSupport.CREDS, TestSupport.ADDRESS);
        try (ClobHttpClient client = TestSupport.clientOf(sim).retryPolicy(RetryPolicy.none()).build()) {
            Throwable failure = failure(client.cancelOrder(liveOrder(sim)));

            assertThat(failure).isInstanceOf(TransportException.class).hasMessageContaining("certificate is not trusted");
            assertThat(((TransportException) failure).kind()).isEqualTo(TransportException.Kind.CERTIFICATE);
        }
    }

    @Test
    void aCertificateFileThatIsMissingOrNotPemIsRefusedWhenBuilding() throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate");

        assertThatThrownBy(() -> ClobHttpClient.builder().trustCertificate(dir.resolve("none.pem")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no certificate file");
        assertThatThrownBy(() -> ClobHttpClient.builder().trustCertificate(garbage))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a PEM certificate");
    }
}
