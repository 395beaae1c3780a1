package dev.clobcancel.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the container is told before it starts: no Docker needed. */
class ClobSimulatorContainerTest {

    @Test
    void runsTheImageOfTheSameBuildByDefault() {
        assertThat(ClobSimulatorContainer.defaultImage().getRepository()).isEqualTo("clob-simulator");
        assertThat(ClobSimulatorContainer.defaultImage().getVersionPart()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void passesItsSettingsAsTheSimulatorsVariables() {
        try (ClobSimulatorContainer sim = new ClobSimulatorContainer("clob-simulator:latest").withSeed(42).withManualClock().withTls()
                .withHeartbeatWindow(Duration.ofMillis(2500)).withAuthWindow(Duration.ZERO)) {

            assertThat(sim.getEnvMap()).containsEntry("CLOB_SIM_SEED", "42").containsEntry("CLOB_SIM_CLOCK", "manual")
                    .containsEntry("CLOB_SIM_TLS", "true").containsEntry("CLOB_SIM_HEARTBEAT_WINDOW_MS", "2500")
                    .containsEntry("CLOB_SIM_AUTH_WINDOW_SECONDS", "0");
            assertThat(sim.getExposedPorts()).containsExactly(ClobSimulatorContainer.PORT);
        }
    }

    @Test
    void copiesTheScenarioWhereTheSimulatorReadsItsFormatFromTheName() {
        try (ClobSimulatorContainer yaml = new ClobSimulatorContainer().withScenario(Path.of("src/test/resources/scenario.yaml"));
             ClobSimulatorContainer json = new ClobSimulatorContainer().withScenario(Path.of("build/x/Scenario.JSON"))) {

            assertThat(yaml.getEnvMap()).containsEntry("CLOB_SIM_CONFIG", "/etc/clob-simulator/scenario.yaml");
            assertThat(json.getEnvMap()).containsEntry("CLOB_SIM_CONFIG", "/etc/clob-simulator/scenario.json");
        }
    }
}
