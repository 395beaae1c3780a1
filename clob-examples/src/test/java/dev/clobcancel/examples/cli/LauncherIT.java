package dev.clobcancel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.assertj.SimulatorAssert;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code clob} launcher the build puts beside the jar ({@code target/clob}, from
 * {@code src/main/launcher/clob}) runs the jar's commands, and starts from the class-data-sharing
 * archive the build made ({@code target/clob.jsa}). Run after the package phase (failsafe).
 */
class LauncherIT {

    private static final Path TARGET = Path.of(System.getProperty("clob.target", "target"));
    private static final TestAccount ACCOUNT = TestAccount.random("0x9fB29AAc15b9A4B7F17c3385939b007540f4d791");
    /** A JVM's start and a loopback cancel take well under this; reached only when something is wrong. */
    private static final long PATIENCE_SECONDS = 60;

    @TempDir
    Path dir;

    private record Ran(int exitCode, String out, String err) {
    }

    private Ran launch(String javaOpts, String... args) throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(concat(TARGET.resolve("clob").toAbsolutePath().toString(), args))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        builder.environment().put("JAVA_OPTS", javaOpts);
        builder.environment().putAll(ACCOUNT.env());
        Process process = builder.start();
        assertThat(process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
        return new Ran(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void runsTheJarsCommands() throws Exception {
        try (ClobSimulator sim = ACCOUNT.startSimulator()) {
            String order = ACCOUNT.placeOrder(sim, "market-a");

            Ran ran = launch("", "cancel", "--host", sim.baseUri().toString(), "--order-id", order);

            assertThat(ran.exitCode()).as("exit code; stderr:%n%s", ran.err()).isZero();
            SimulatorAssert.assertThat(sim).hasOrderCanceled(OrderId.of(order));
            assertThat(ran.out() + ran.err()).doesNotContain(ACCOUNT.credentials().secret(), ACCOUNT.credentials().passphrase());
        }
    }

    @Test
    void startsFromTheArchiveTheBuildMade() throws Exception {
        assertThat(TARGET.resolve("clob.jsa")).as("the archive (built unless -Dclob.cds.skip=true)").exists();

        Ran ran = launch("-Xlog:class+load", "--version");

        assertThat(ran.exitCode()).as("exit code; stderr:%n%s", ran.err()).isZero();
        List<String> fromArchive = ran.out().lines()
                .filter(line -> line.contains("dev.clobcancel.") && line.contains("source: shared objects file (top)"))
                .toList();
        assertThat(fromArchive).as("the command line's own classes, loaded from the build's archive").isNotEmpty();
        assertThat(ran.out().lines().filter(line -> !line.startsWith("["))).singleElement().asString().matches("clob \\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void runsOnTheJvmSetUpForShortRuns() throws Exception {
        Ran ran = launch("-XX:+PrintFlagsFinal", "--version");

        assertThat(ran.exitCode()).as("exit code; stderr:%n%s", ran.err()).isZero();
        assertThat(flag(ran, "TieredStopAtLevel")).as("C1 only").isEqualTo("1");
        assertThat(flag(ran, "UseSerialGC")).as("the serial collector").isEqualTo("true");
        assertThat(flag(ran, "MaxNewSize")).as("a young generation of 16 MB").isEqualTo(String.valueOf(16 * 1024 * 1024));
    }

    /** The value -XX:+PrintFlagsFinal printed for {@code name}, such as "     bool UseSerialGC   = true   {product} {command line}". */
    private static String flag(Ran ran, String name) {
        return ran.out().lines().map(String::trim).map(line -> line.split("\\s+"))
                .filter(words -> words.length >= 4 && words[1].equals(name) && words[2].equals("="))
                .map(words -> words[3]).findFirst().orElseThrow(() -> new AssertionError(name + " not printed:\n" + ran.out()));
    }
}
