package dev.clobcancel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.assertj.SimulatorAssert;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clob heartbeat} as the process it runs as: a real SIGTERM, as a supervisor sends to stop
 * it, ends it cleanly with exit code 0, and with {@code --cancel-on-exit} cancels every order first.
 */
class HeartbeatProcessTest {

    private static final TestAccount ACCOUNT = TestAccount.random("0x9fB29AAc15b9A4B7F17c3385939b007540f4d791");
    /** A JVM's start and a loopback heartbeat take well under this; reached only when something is wrong. */
    private static final long PATIENCE_SECONDS = 30;

    @TempDir
    Path dir;

    @Test
    void sigtermStopsItCleanlyAndWithCancelOnExitCancelsEveryOrderFirst() throws Exception {
        try (ClobSimulator sim = ACCOUNT.startSimulator()) {
            String order = ACCOUNT.placeOrder(sim, "market-a");
            Path err = dir.resolve("stderr.txt");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ClobCli.class.getName(),
                    "heartbeat", "--host", sim.baseUri().toString(), "--cancel-on-exit")
                    .redirectError(err.toFile());
            builder.environment().putAll(ACCOUNT.env());
            Process process = builder.start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                List<String> lines = new ArrayList<>();
                CompletableFuture.runAsync(() -> readUntil(out, lines, "clob heartbeat: armed:"))
                        .get(PATIENCE_SECONDS, TimeUnit.SECONDS);

                // SIGTERM; Process.destroy() would also close the streams whose last lines the test reads.
                process.toHandle().destroy();
                assertThat(process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("ended after SIGTERM").isTrue();
                out.lines().forEach(lines::add);

                assertThat(process.exitValue()).as("exit code; stderr:%n%s", Files.readString(err)).isZero();
                assertThat(lines).contains("clob heartbeat: stopped: no more heartbeats; canceling every order of the account");
                assertThat(lines).last().asString().contains(order);
                SimulatorAssert.assertThat(sim).hasOrderCanceled(OrderId.of(order));
                assertThat(String.join("\n", lines) + Files.readString(err))
                        .doesNotContain(ACCOUNT.credentials().secret(), ACCOUNT.credentials().passphrase());
            } finally {
                process.destroyForcibly();
            }
        }
    }

    /** Reads lines into {@code lines} until one starts with {@code prefix}; fails at the end of the output. */
    private static void readUntil(BufferedReader out, List<String> lines, String prefix) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.startsWith(prefix)) {
                    return;
                }
            }
            throw new AssertionError("the output ended without a line starting " + prefix + ": " + lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
