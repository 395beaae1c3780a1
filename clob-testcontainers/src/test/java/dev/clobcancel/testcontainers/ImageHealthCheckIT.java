package dev.clobcancel.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.adapter.http.ClobHttpClient;
import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.model.OrderId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The image's own HEALTHCHECK follows the configuration: a simulator moved to another port and
 * to HTTPS by flags (which the health command never sees) still turns healthy, as Docker reports.
 */
@RequiresDocker
class ImageHealthCheckIT {

    static final int OTHER_PORT = 9443;

    @TempDir
    Path dir;

    @Test
    void turnsHealthyOnThePortAndSchemeGivenByFlags() throws Exception {
        try (ClobSimulatorContainer sim = new ClobSimulatorContainer().withTls().withScenarioResource("scenario.yaml")) {
            sim.withCommand("--port", Integer.toString(OTHER_PORT), "--tls=true").withExposedPorts(OTHER_PORT)
                    .waitingFor(Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(2)));
            sim.start();

            assertThat(sim.getDockerClient().inspectContainerCmd(sim.getContainerId()).exec().getState().getHealth().getStatus())
                    .isEqualTo("healthy");
            Path pem = Files.writeString(dir.resolve("simulator.pem"), sim.certificatePem().orElseThrow());
            try (ClobHttpClient client = ClobHttpClient.builder()
                    .host("https://" + sim.getHost() + ":" + sim.getMappedPort(OTHER_PORT)).trustCertificate(pem)
                    .credentials(new ApiCredentials(Accounts.API_KEY, Accounts.SECRET, Accounts.PASSPHRASE))
                    .address(Address.of(Accounts.ADDRESS)).build()) {
                OrderId order = OrderId.of(ClobSimulatorContainerIT.SCENARIO_ORDER);

                assertThat(client.cancelOrder(order).toCompletableFuture().join().wasCanceled(order)).isTrue();
            }
        }
    }
}
