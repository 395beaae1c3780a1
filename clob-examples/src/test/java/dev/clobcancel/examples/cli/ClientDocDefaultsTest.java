package dev.clobcancel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** docs/client.md says the defaults of {@code clob bench} that the command has, and shows no other value as one. */
class ClientDocDefaultsTest {

    private static final CommandLine BENCH = ClobCli.commandLine(Map.of(), Clock.systemUTC()).getSubcommands().get("bench");

    private static String doc() throws IOException {
        return Files.readString(Path.of("..", "docs", "client.md"));
    }

    private static Object initial(String option) {
        OptionSpec spec = BENCH.getCommandSpec().findOption(option);
        return spec.initialValue();
    }

    @Test
    void theBenchUsageLineShowsNoValueAsIfItWereTheDefault() throws IOException {
        assertThat(doc()).contains("clob bench --host URL --order-ids FILE [--concurrency C] [--warmup N] [--no-retry]")
                .doesNotContain("[--concurrency 64]");
    }

    @Test
    void theDefaultsTheDocStatesAreTheCommands() throws IOException {
        assertThat(doc()).contains("`--concurrency` in flight at a time (default " + initial("--concurrency") + ",")
                .contains("(default " + initial("--warmup") + "; a fresh JVM");
    }
}
