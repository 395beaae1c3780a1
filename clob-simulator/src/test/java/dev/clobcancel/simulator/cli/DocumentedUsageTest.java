package dev.clobcancel.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The simulator guide lists exactly the flags the jar takes: its usage lines, its table of
 * environment variables and its health command, each against the picocli command itself, so a
 * flag added to the jar and left out of the guide fails here.
 */
class DocumentedUsageTest {

    private static final Pattern FLAG = Pattern.compile("--[a-z][a-z-]*");
    /** picocli's own {@code --help} and {@code --version}, which every command has and no guide lists. */
    private static final Set<String> STANDARD = Set.of("--help", "--version");

    private static String guide() throws IOException {
        return Files.readString(Path.of(System.getProperty("repo.root", "..")).resolve("docs/simulator.md"));
    }

    private static Set<String> flagsOf(CommandSpec command) {
        Set<String> flags = new TreeSet<>();
        command.options().forEach(option -> Arrays.stream(option.names())
                .filter(name -> name.startsWith("--") && !STANDARD.contains(name))
                .forEach(flags::add));
        return flags;
    }

    private static Set<String> flagsIn(String text) {
        Set<String> flags = new TreeSet<>();
        Matcher matcher = FLAG.matcher(text);
        while (matcher.find()) {
            flags.add(matcher.group());
        }
        return flags;
    }

    private static CommandSpec server() {
        return SimulatorMain.commandLine(Map.of()).getCommandSpec();
    }

    /** The lines of the guide's usage block that start the server: from its first line to the {@code health} line. */
    private static String serverUsage(String guide) {
        int start = guide.indexOf("java -jar clob-simulator/target/clob-simulator.jar --port");
        int end = guide.indexOf("clob-simulator.jar health", start);
        assertThat(start).as("the usage block in docs/simulator.md").isNotNegative();
        return guide.substring(start, end);
    }

    @Test
    void theUsageLinesNameEveryFlagOfTheServerAndNoOther() throws IOException {
        assertThat(flagsIn(serverUsage(guide()))).isEqualTo(flagsOf(server()));
    }

    @Test
    void theTableOfSettingsHasAVariableForEveryFlagOfTheServer() throws IOException {
        Pattern row = Pattern.compile("^\\| `(CLOB_SIM_[A-Z_]+)` \\| `(--[a-z-]+)` \\|", Pattern.MULTILINE);
        Matcher matcher = row.matcher(guide());
        Set<String> flags = new TreeSet<>();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String flag = matcher.group(2);
            assertThat(variable).as("the variable of " + flag).isEqualTo(EnvironmentDefaults.variableOf(server().findOption(flag)));
            flags.add(flag);
        }

        assertThat(flags).isEqualTo(flagsOf(server()));
    }

    @Test
    void theHealthCommandIsDocumentedWithEveryFlagItTakes() throws IOException {
        Matcher usage = Pattern.compile("clob-simulator\\.jar health (\\[[^`]*)`").matcher(guide());

        assertThat(usage.find()).as("the health command's usage in docs/simulator.md").isTrue();
        assertThat(flagsIn(usage.group(1))).isEqualTo(flagsOf(server().subcommands().get("health").getCommandSpec()));
    }

    @Test
    void theFlagsComparedAreTheServersOwn() {
        assertThat(flagsOf(server())).contains("--port", "--idle-timeout-seconds", "--chain-id").doesNotContain("--help");
    }
}
