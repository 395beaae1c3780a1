package dev.clobcancel.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.simulator.SimulatorOptions;
import dev.clobcancel.simulator.time.ManualClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The standalone jar's flags, read into options without starting a server. */
class SimulatorMainTest {

    @TempDir
    Path dir;

    private static SimulatorOptions parse(String... args) {
        SimulatorMain main = new SimulatorMain();
        new CommandLine(main).parseArgs(args);
        return main.options();
    }

    private static int exitOf(StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new SimulatorMain());
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void readsEveryFlag() {
        SimulatorOptions options = parse("--port", "0", "--host", "127.0.0.2", "--seed", "42", "--tls", "--clock", "manual",
                "--auth-window-seconds", "5", "--journal-capacity", "7");

        assertThat(options.port()).isZero();
        assertThat(options.host()).isEqualTo("127.0.0.2");
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.tls()).isTrue();
        assertThat(options.clock()).isInstanceOf(ManualClock.class);
        assertThat(options.authWindow()).hasSeconds(5);
        assertThat(options.journalCapacity()).isEqualTo(7);
    }

    @Test
    void defaultsToLoopbackAndTheSystemClock() {
        SimulatorOptions options = parse();

        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.clock()).isNotInstanceOf(ManualClock.class);
    }

    @Test
    void aBadConfigOrFlagIsAUsageErrorThatSaysWhy() {
        StringWriter err = new StringWriter();

        assertThat(exitOf(err, "--port", "0", "--config", dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--config: no config file");
        assertThat(exitOf(err, "--port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("--port must be 0 to 65535");
        assertThat(exitOf(err, "--clock", "sundial")).isEqualTo(2);
    }
}
