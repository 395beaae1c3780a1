package dev.clobcancel.examples.cli;

import dev.clobcancel.adapter.http.ClobHttpClient;
import dev.clobcancel.adapter.http.ClobHttpClientBuilder;
import dev.clobcancel.domain.heartbeat.HeartbeatKeeper;
import dev.clobcancel.domain.port.HeartbeatPort;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code clob heartbeat --host URL [--interval-ms N] [--cancel-on-exit]}: keeps the account's dead
 * man's switch armed until stopped. Run beside a trading process on the same host: when the host
 * dies, the heartbeats stop, and the exchange cancels every order of the account.
 */
@Command(name = "heartbeat", mixinStandardHelpOptions = true,
        header = "Keep the exchange's dead man's switch armed until stopped; when it goes quiet, every order is canceled.",
        description = {"Sends a heartbeat (POST /v1/heartbeats) every --interval-ms, each naming the id the one before "
                + "was answered with, until SIGINT or SIGTERM. Once armed, the exchange cancels every open order of the "
                + "account when no heartbeat gets through for 10 s: run it beside a trading process, and the orders come "
                + "off the book when that host dies.",
                "Prints on stdout a line when the switch is armed, armed again, or stopped; on stderr a line for each "
                + "heartbeat that failed after its retries. A chain starts with the id \"\"; a heartbeat id the exchange refuses as "
                + "stale resumes the chain at once from the id it names (or starts a new chain when it names none)."},
        footerHeading = "%nEnvironment (the account whose orders are at stake):%n",
        footer = EnvCredentials.HELP,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped by SIGINT or SIGTERM (with --cancel-on-exit, the exchange canceled every order)",
            "1:--cancel-on-exit: the exchange answered but did not cancel some order (each with its reason on stderr)",
            "2:bad usage, a bad value, or the environment: nothing was sent",
            "3:the exchange refused a heartbeat (such as 401), or none got through for 10 s (the reason on stderr)",
            "4:internal error"})
final class HeartbeatCommand extends ExchangeClientCommand {

    @Option(names = "--interval-ms", paramLabel = "MS",
            description = "How long after an answered heartbeat the next is sent, less than the exchange's window of "
                    + "10000; a failed one leaves the rest of the window to retry in (default: ${DEFAULT-VALUE}).")
    long intervalMs = HeartbeatKeeper.DEFAULT_INTERVAL.toMillis();

    @Option(names = "--cancel-on-exit",
            description = "On SIGINT or SIGTERM, cancel every order of the account at once (DELETE /cancel-all) and "
                    + "print the exchange's answer as JSON. Without it, the exchange cancels them when the window runs out.")
    boolean cancelOnExit;

    private final Clock clock;
    private final Supplier<HeartbeatLifecycle> lifecycles;

    HeartbeatCommand(Map<String, String> env, Clock clock, UnaryOperator<ClobHttpClientBuilder> tuning,
                     Supplier<HeartbeatLifecycle> lifecycles) {
        super(env, clock, tuning);
        this.clock = clock;
        this.lifecycles = lifecycles;
    }

    @Override
    public Integer call() throws InterruptedException {
        Duration interval = interval();
        HeartbeatLifecycle lifecycle = null;
        int exitCode = ExitCodes.INTERNAL;
        try (ClobHttpClient client = openClient(UnaryOperator.identity())) {
            lifecycle = lifecycles.get();
            exitCode = keepArmed(client, interval, lifecycle);
        } finally {
            if (lifecycle != null) {
                lifecycle.finished(exitCode);
            }
        }
        return exitCode;
    }

    /** Heartbeats until a stop is asked for, or a refusal or a lapse ends them. */
    private int keepArmed(ClobHttpClient client, Duration interval, HeartbeatLifecycle lifecycle) throws InterruptedException {
        HeartbeatReport report = new HeartbeatReport(spec.commandLine(), HeartbeatPort.EXCHANGE_WINDOW);
        HeartbeatKeeper.Builder builder = HeartbeatKeeper.builder(client).interval(interval).clock(clock).listener(report::told);
        lifecycle.scheduler().ifPresent(builder::scheduler);
        HeartbeatKeeper keeper = builder.build();
        report.starting(exchange.host.toString(), interval);
        keeper.start();
        Object ended;
        try {
            ended = CompletableFuture.anyOf(lifecycle.stopRequested().toCompletableFuture(), report.trouble()).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the stop request failed: " + e.getCause(), e.getCause());
        } finally {
            // Whatever ended the wait, no heartbeat may outlive the command.
            keeper.stop();
        }
        if (ended instanceof String trouble) {
            report.ended(trouble);
            return ExitCodes.FAILED;
        }
        report.stopped(keeper.health(), cancelOnExit);
        return cancelOnExit ? new CancelRun(spec.commandLine(), "/cancel-all").run(client, c -> keeper.stop(true), null)
                : ExitCodes.OK;
    }

    private Duration interval() {
        long window = HeartbeatPort.EXCHANGE_WINDOW.toMillis();
        if (intervalMs <= 0 || intervalMs >= window) {
            throw new ParameterException(spec.commandLine(), "--interval-ms must be more than 0 and less than " + window
                    + " (the exchange cancels every order when no heartbeat comes for 10 s), not " + intervalMs);
        }
        return Duration.ofMillis(intervalMs);
    }
}
