package dev.clobcancel.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.simulator.ClobSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code health}, the image's HEALTHCHECK: it probes the simulator where the server says it listens. */
class HealthCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int health(Map<String, String> environment, String... args) {
        CommandLine cli = SimulatorMain.commandLine(environment);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        // A generous timeout unless the test gives one: the machine running the tests may be busy.
        List<String> all = new ArrayList<>(List.of("health"));
        all.addAll(List.of(args));
        if (!all.contains("--timeout-ms")) {
            all.addAll(List.of("--timeout-ms", "30000"));
        }
        return cli.execute(all.toArray(String[]::new));
    }

    /** Starts a simulator as the jar does, with these flags and variables, and announces it. */
    private static ClobSimulator serve(Map<String, String> environment, String... flags) {
        CommandLine cli = SimulatorMain.commandLine(environment);
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.parseArgs(flags);
        SimulatorMain main = cli.getCommand();
        ClobSimulator simulator = ClobSimulator.start(main.options());
        main.announce(simulator);
        return simulator;
    }

    @Test
    void isHealthyWhenTheSimulatorTheStateFileNamesAnswers() {
        Path state = dir.resolve("state.json");
        try (ClobSimulator sim = serve(Map.of("CLOB_SIM_STATE_FILE", state.toString()), "--port", "0")) {

            assertThat(health(Map.of("CLOB_SIM_STATE_FILE", state.toString()))).as(err.toString()).isZero();
            assertThat(out.toString()).contains("healthy: " + sim.baseUri() + "/_sim/health");
        }
    }

    @Test
    void probesOverTlsTrustingTheServersOwnCertificate() {
        Path state = dir.resolve("state.json");
        try (ClobSimulator sim = serve(Map.of(), "--port", "0", "--tls", "--state-file", state.toString())) {

            assertThat(health(Map.of(), "--state-file", state.toString())).as(err.toString()).isZero();
            assertThat(out.toString()).contains("healthy: https://");
        }
    }

    @Test
    void probesAServerOnEveryInterfaceOverLoopback() throws Exception {
        Path state = dir.resolve("state.json");
        try (ClobSimulator sim = serve(Map.of("CLOB_SIM_HOST", "0.0.0.0"), "--port", "0", "--state-file", state.toString())) {

            assertThat(Files.readString(state)).contains("\"url\":\"http://127.0.0.1:" + sim.port() + "\"");
            assertThat(health(Map.of(), "--state-file", state.toString())).as(err.toString()).isZero();
        }
    }

    @Test
    void isUnhealthyOnceTheSimulatorStopped() {
        Path state = dir.resolve("state.json");
        ClobSimulator sim = serve(Map.of(), "--port", "0", "--state-file", state.toString());
        sim.close();

        assertThat(health(Map.of(), "--state-file", state.toString(), "--timeout-ms", "2000")).isEqualTo(HealthCommand.UNHEALTHY);
        assertThat(err.toString()).startsWith("unhealthy: no answer from " + sim.baseUri());
    }

    @Test
    void isUnhealthyBeforeTheSimulatorWroteItsStateFile() {
        assertThat(health(Map.of(), "--state-file", dir.resolve("absent.json").toString())).isEqualTo(HealthCommand.UNHEALTHY);
        assertThat(err.toString()).contains("no state file").contains("has not started");
    }

    @Test
    void isUnhealthyWhenTheStateFileIsNotOne() throws Exception {
        Path state = Files.writeString(dir.resolve("state.json"), "{\"port\": 8080}");

        assertThat(health(Map.of(), "--state-file", state.toString())).isEqualTo(HealthCommand.UNHEALTHY);
        assertThat(err.toString()).contains("names no url");
    }

    @Test
    void isUnhealthyWhenSomethingElseAnswersThere() {
        try (ClobSimulator sim = ClobSimulator.start()) {

            assertThat(health(Map.of(), "--url", sim.baseUri() + "/not-a-simulator")).isEqualTo(HealthCommand.UNHEALTHY);
            assertThat(err.toString()).contains("answered 404");
        }
    }

    @Test
    void probesAGivenUrl() {
        try (ClobSimulator sim = ClobSimulator.start()) {

            assertThat(health(Map.of(), "--url", sim.baseUri().toString())).as(err.toString()).isZero();
        }
    }

    @Test
    void withoutAStateFileOrAUrlItIsAUsageErrorThatSaysWhatToGive() {
        assertThat(health(Map.of())).isEqualTo(2);
        assertThat(err.toString()).contains("--state-file FILE (or CLOB_SIM_STATE_FILE) or --url URL");
    }

    @Test
    void theServerRemovesNothingItDidNotWriteAndWritesWhole() throws Exception {
        Path state = dir.resolve("state.json");
        try (ClobSimulator sim = serve(Map.of(), "--port", "0", "--state-file", state.toString())) {

            assertThat(Files.list(dir)).containsExactly(state);
            assertThat(StateFile.read(state).url()).isEqualTo(sim.baseUri());
            assertThat(StateFile.read(state).certificate()).isEmpty();
        }
    }
}
