package dev.clobcancel.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Runs {@code clob} in this JVM, as {@code main} would, with a given environment and clock, and
 * captures what it prints. Keeps everything every run printed, so that a test class can check
 * that no secret was ever printed. A retry is made at once rather than after its delay, which is
 * recorded: a test of retries takes no time.
 */
final class CliRunner {

    /** One run: its exit code, stdout and stderr. */
    record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private final Clock clock;
    private final StringBuilder printed = new StringBuilder();
    private final List<Duration> delays = new CopyOnWriteArrayList<>();

    CliRunner() {
        this(Clock.systemUTC());
    }

    CliRunner(Clock clock) {
        this.clock = clock;
    }

    Run run(Map<String, String> env, String... args) {
        return run(HeartbeatLifecycle.Process::new, env, args);
    }

    /** As above, {@code heartbeat} stopped and timed by {@code heartbeats}. */
    Run run(Supplier<HeartbeatLifecycle> heartbeats, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ClobCli.commandLine(env, clock, client -> client.scheduler((delay, retry) -> {
            delays.add(delay);
            retry.run();
        }), heartbeats);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        printed.append(out).append(err);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** The delays of every retry so far, in the order asked for. */
    List<Duration> retryDelays() {
        return List.copyOf(delays);
    }

    /** Stdout and stderr of every run so far. */
    String everythingPrinted() {
        return printed.toString();
    }

    /** Fails if any run so far printed the secret or the passphrase of {@code account}. */
    void assertNeverPrinted(TestAccount account) {
        org.assertj.core.api.Assertions.assertThat(everythingPrinted()).as("what clob printed")
                .doesNotContain(account.credentials().secret())
                .doesNotContain(account.credentials().passphrase());
    }

    /** A loopback port that nothing listens on: bound, read, and closed again. */
    static int closedLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
