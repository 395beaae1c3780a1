package dev.clobcancel.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.simulator.SimulatorOptions;
import dev.clobcancel.simulator.time.ManualClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** In a container the settings come from CLOB_SIM_* variables; a flag on the command line still wins. */
class EnvironmentSettingsTest {

    private static SimulatorOptions parse(Map<String, String> environment, String... args) {
        CommandLine cli = SimulatorMain.commandLine(environment);
        cli.parseArgs(args);
        return cli.<SimulatorMain>getCommand().options();
    }

    @Test
    void readsTheSettingsFromTheEnvironment() {
        SimulatorOptions options = parse(Map.of("CLOB_SIM_PORT", "0", "CLOB_SIM_HOST", "0.0.0.0", "CLOB_SIM_SEED", "42",
                "CLOB_SIM_TLS", "true", "CLOB_SIM_CLOCK", "manual", "CLOB_SIM_AUTH_WINDOW_SECONDS", "5",
                "CLOB_SIM_JOURNAL_CAPACITY", "7", "CLOB_SIM_HEARTBEAT_WINDOW_MS", "2500", "CLOB_SIM_IDLE_TIMEOUT_SECONDS", "9"));

        assertThat(options.port()).isZero();
        assertThat(options.host()).isEqualTo("0.0.0.0");
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.tls()).isTrue();
        assertThat(options.clock()).isInstanceOf(ManualClock.class);
        assertThat(options.authWindow()).hasSeconds(5);
        assertThat(options.journalCapacity()).isEqualTo(7);
        assertThat(options.heartbeatWindow()).hasMillis(2500);
        assertThat(options.idleTimeout()).hasSeconds(9);
    }

    @Test
    void aFlagOnTheCommandLineWinsOverItsVariable() {
        SimulatorOptions options = parse(Map.of("CLOB_SIM_PORT", "9000", "CLOB_SIM_SEED", "42", "CLOB_SIM_TLS", "true"),
                "--port", "9001", "--seed=43", "--tls=false");

        assertThat(options.port()).isEqualTo(9001);
        assertThat(options.seed()).isEqualTo(43);
        assertThat(options.tls()).isFalse();
    }

    @Test
    void anEmptyVariableCountsAsUnset() {
        SimulatorOptions options = parse(Map.of("CLOB_SIM_PORT", "", "CLOB_SIM_CONFIG", ""));

        assertThat(options.port()).isEqualTo(8080);
    }

    @Test
    void everyFlagHasItsVariableNamedAfterIt() {
        CommandLine cli = SimulatorMain.commandLine(Map.of());

        assertThat(cli.getCommandSpec().options())
                .filteredOn(option -> !option.usageHelp() && !option.versionHelp())
                .extracting(EnvironmentDefaults::variableOf)
                .contains("CLOB_SIM_PORT", "CLOB_SIM_HOST", "CLOB_SIM_SEED", "CLOB_SIM_CONFIG", "CLOB_SIM_TLS", "CLOB_SIM_CLOCK",
                        "CLOB_SIM_AUTH_WINDOW_SECONDS", "CLOB_SIM_JOURNAL_CAPACITY", "CLOB_SIM_HEARTBEAT_WINDOW_MS",
                        "CLOB_SIM_IDLE_TIMEOUT_SECONDS", "CLOB_SIM_STATE_FILE")
                .allMatch(name -> name.matches("CLOB_SIM_[A-Z0-9_]+"));
    }

    @Test
    void helpAndVersionAreNeverSetFromTheEnvironment() {
        CommandLine cli = SimulatorMain.commandLine(Map.of("CLOB_SIM_HELP", "true", "CLOB_SIM_VERSION", "true", "CLOB_SIM_PORT", "0"));
        cli.parseArgs();

        assertThat(cli.isUsageHelpRequested()).isFalse();
        assertThat(cli.isVersionHelpRequested()).isFalse();
    }

    @Test
    void aBadValueFromTheEnvironmentIsAUsageErrorThatNamesTheVariable() {
        StringWriter err = new StringWriter();
        CommandLine cli = SimulatorMain.commandLine(Map.of("CLOB_SIM_PORT", "70000"));
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute()).isEqualTo(2);
        assertThat(err.toString()).contains("--port must be 0 to 65535, not 70000 (--port came from CLOB_SIM_PORT)");
    }

    @Test
    void aValueThatIsNotANumberNamesTheVariableToo() {
        StringWriter err = new StringWriter();
        CommandLine cli = SimulatorMain.commandLine(Map.of("CLOB_SIM_SEED", "forty-two"));
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute()).isEqualTo(2);
        assertThat(err.toString()).contains("forty-two").contains("(--seed came from CLOB_SIM_SEED)");
    }

    @Test
    void aBadFlagOverAGoodVariableIsBlamedOnTheFlag() {
        StringWriter err = new StringWriter();
        CommandLine cli = SimulatorMain.commandLine(Map.of("CLOB_SIM_PORT", "8080"));
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("--port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("--port must be 0 to 65535").doesNotContain("CLOB_SIM_PORT");
    }

    @Test
    void theHealthCommandReadsTheSameVariables() {
        CommandLine cli = SimulatorMain.commandLine(Map.of("CLOB_SIM_STATE_FILE", "/tmp/state.json"));
        CommandLine.ParseResult parsed = cli.parseArgs("health");

        HealthCommand health = parsed.subcommand().commandSpec().commandLine().getCommand();
        assertThat(health.stateFile).hasToString("/tmp/state.json");
        OptionSpec option = parsed.subcommand().commandSpec().findOption("--state-file");
        assertThat(EnvironmentDefaults.variableOf(option)).isEqualTo("CLOB_SIM_STATE_FILE");
    }
}
