package dev.clobcancel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/** The {@code clob} command itself: its help, and what it does without a command. */
class ClobCliTest {

    private final CliRunner cli = new CliRunner();

    @Test
    void helpListsTheCommands() {
        CliRunner.Run run = cli.run(Map.of(), "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("demo", "cancel", "cancel-all", "cancel-market", "sign", "bench");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRunner.Run run = cli.run(Map.of());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing command");
    }

    @Test
    void cancelHelpDocumentsTheEnvironmentAndTheExitCodes() {
        CliRunner.Run run = cli.run(Map.of(), "cancel", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("CLOB_API_KEY", "CLOB_SECRET", "CLOB_PASS_PHRASE", "CLOB_ADDRESS")
                .contains("--timeout-ms", "--deadline-ms", "--attempt-timeout-ms", "--no-retry", "--server-time")
                .contains("Exit codes:");
    }

    @Test
    void eachCancelCommandDocumentsItsOptionsAndExitCodes() {
        for (String command : new String[] {"cancel-all", "cancel-market"}) {
            CliRunner.Run run = cli.run(Map.of(), command, "--help");

            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).contains("--host", "--deadline-ms", "--no-retry", "CLOB_SECRET", "Exit codes:");
        }
        assertThat(cli.run(Map.of(), "cancel-market", "--help").out()).contains("--market", "--asset-id");
    }

    @Test
    void eachCommandIsListedUnderItsOwnName() {
        ClobCli.subcommands(Map.of(), Clock.systemUTC(), UnaryOperator.identity(), HeartbeatLifecycle.Process::new)
                .forEach((name, command) -> assertThat(new CommandLine(command.get()).getCommandName()).isEqualTo(name));
    }

    @Test
    void aRunNamingACommandBuildsThatOneAndItsHelpIsTheSame() {
        String[] args = {"bench", "--help"};
        CommandLine alone = ClobCli.commandLineFor(args, Map.of(), Clock.systemUTC());
        CommandLine all = ClobCli.commandLine(Map.of(), Clock.systemUTC());

        assertThat(alone.getSubcommands()).containsOnlyKeys("bench");
        assertThat(alone.getSubcommands().get("bench").getUsageMessage())
                .isEqualTo(all.getSubcommands().get("bench").getUsageMessage());
        for (String[] other : new String[][] {{}, {"--help"}, {"bnech"}, {"--version"}}) {
            assertThat(ClobCli.commandLineFor(other, Map.of(), Clock.systemUTC()).getSubcommands().keySet()).as(String.join(" ", other))
                    .containsExactlyElementsOf(all.getSubcommands().keySet());
        }
    }
}
