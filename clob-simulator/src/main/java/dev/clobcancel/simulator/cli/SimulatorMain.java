package dev.clobcancel.simulator.cli;

import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.SimulatorOptions;
import dev.clobcancel.simulator.core.Scenario;
import dev.clobcancel.simulator.http.ScenarioFile;
import dev.clobcancel.simulator.time.ManualClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar clob-simulator.jar --port N [flags]}: serves until stopped. The flags are the
 * {@code @Option} fields below; {@code --help} prints them, and docs/simulator.md lists them
 * (DocumentedUsageTest holds the guide to this class). Every flag can be given as an environment
 * variable as well ({@code CLOB_SIM_PORT=8080}); the flag wins. {@code java -jar
 * clob-simulator.jar health} probes a running one.
 */
@Command(name = "clob-simulator", mixinStandardHelpOptions = true, subcommands = HealthCommand.class,
        description = "A fake Polymarket CLOB for local development and CI.",
        footer = {"", "When ready it prints 'clob-simulator listening on URL' on stdout.",
                "Admin API under /_sim; its OpenAPI document at /_sim/openapi.yaml.",
                "GET /_sim/health answers 200 once it serves.",
                "Every flag can be set by an environment variable instead, CLOB_SIM_ and its",
                "name: CLOB_SIM_AUTH_WINDOW_SECONDS=5, CLOB_SIM_TLS=true; a flag given wins."})
public final class SimulatorMain implements Callable<Integer> {

    /** Which clock the simulator tells time by. */
    enum ClockKind { system, manual }

    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = SimulatorOptions.LOOPBACK;

    @Option(names = "--seed", description = "Seed of the random source: generated ids, fault probabilities (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Accounts, markets, orders, mode and faults to hold at start and after every reset (JSON or YAML).")
    Path config;

    @Option(names = "--tls", arity = "0..1", fallbackValue = "true", description = "Serve HTTPS with a self-signed certificate made at start; its PEM file is printed.")
    boolean tls;

    @Option(names = "--clock", description = "system, or manual: time stands still until POST /_sim/clock moves it (default: ${DEFAULT-VALUE}).")
    ClockKind clock = ClockKind.system;

    @Option(names = "--auth-window-seconds", paramLabel = "S",
            description = "How far POLY_TIMESTAMP may be from the server's clock; 0: any time after 2001 (default: ${DEFAULT-VALUE}).")
    long authWindowSeconds = SimulatorOptions.DEFAULT_AUTH_WINDOW.toSeconds();

    @Option(names = "--journal-capacity", paramLabel = "N",
            description = "Requests the journal keeps, and events the event log keeps, before dropping the oldest (default: ${DEFAULT-VALUE}).")
    int journalCapacity = dev.clobcancel.simulator.journal.Journal.DEFAULT_CAPACITY;

    @Option(names = "--heartbeat-window-ms", paramLabel = "MS",
            description = "How long after a heartbeat the next must come before the account's orders are canceled (default: ${DEFAULT-VALUE}).")
    long heartbeatWindowMs = dev.clobcancel.simulator.exchange.HeartbeatSwitch.DEFAULT_WINDOW.toMillis();

    @Option(names = "--idle-timeout-seconds", paramLabel = "S",
            description = "Close a connection silent this long, a stalled client's too (default: ${DEFAULT-VALUE}).")
    long idleTimeoutSeconds = SimulatorOptions.DEFAULT_IDLE_TIMEOUT.toSeconds();

    @Option(names = "--state-file", paramLabel = "FILE",
            description = "Once serving, write where it listens (URL, certificate) to FILE, for the health command; removed at stop.")
    Path stateFile;

    @Option(names = "--chain-id", paramLabel = "ID",
            description = "The chain the simulator is, 137 (Polygon) or 80002 (Amoy): L1 headers and orders are signed for it (default: ${DEFAULT-VALUE}).")
    long chainId = 137;

    /** The command line of the standalone jar, reading flags not given from {@code environment} ({@code CLOB_SIM_*}). */
    public static CommandLine commandLine(Map<String, String> environment) {
        EnvironmentDefaults defaults = new EnvironmentDefaults(environment);
        CommandLine cli = new CommandLine(new SimulatorMain()).setDefaultValueProvider(defaults);
        return cli.setParameterExceptionHandler(defaults.namingTheVariable(cli.getParameterExceptionHandler()));
    }

    @Override
    public Integer call() throws InterruptedException {
        SimulatorOptions options = options();
        // A file left by a server that was killed names it until this one has started.
        forgetState();
        ClobSimulator simulator = ClobSimulator.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            forgetState();
            stopped.countDown();
        }, "clob-simulator-shutdown"));
        try {
            announce(simulator);
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        stopped.await();
        return 0;
    }

    /** Tells scripts and the health command that it serves, and where. */
    void announce(ClobSimulator simulator) {
        if (stateFile != null) {
            StateFile.of(simulator.baseUri(), simulator.certificatePath()).write(stateFile);
        }
        PrintWriter out = spec.commandLine().getOut();
        // Scripts wait for this line to know the simulator is ready, and read the URL from it.
        out.println("clob-simulator listening on " + simulator.baseUri());
        simulator.certificatePath().ifPresent(pem -> out.println("clob-simulator TLS certificate (PEM): " + pem));
        out.flush();
    }

    private void forgetState() {
        if (stateFile != null) {
            try {
                Files.deleteIfExists(stateFile);
            } catch (IOException e) {
                // Stopping regardless: a state file left behind names a port nothing answers on, which the probe reports.
            }
        }
    }

    SimulatorOptions options() {
        if (authWindowSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--auth-window-seconds must be 0 or more, not " + authWindowSeconds);
        }
        if (journalCapacity < 1) {
            throw new ParameterException(spec.commandLine(), "--journal-capacity must be at least 1, not " + journalCapacity);
        }
        if (idleTimeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--idle-timeout-seconds must be at least 1, not " + idleTimeoutSeconds);
        }
        if (heartbeatWindowMs < 1) {
            throw new ParameterException(spec.commandLine(), "--heartbeat-window-ms must be at least 1, not " + heartbeatWindowMs);
        }
        if (chainId != 137 && chainId != 80002) {
            throw new ParameterException(spec.commandLine(), "--chain-id must be 137 (Polygon) or 80002 (Amoy), not " + chainId);
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0 to 65535, not " + port);
        }
        Scenario scenario;
        try {
            scenario = config == null ? Scenario.EMPTY : ScenarioFile.read(config);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--config: " + e.getMessage());
        }
        Clock time = clock == ClockKind.manual ? ManualClock.at(Clock.systemUTC().instant()) : Clock.systemUTC();
        return SimulatorOptions.builder().host(host).port(port).seed(seed).clock(time)
                .authWindow(Duration.ofSeconds(authWindowSeconds)).journalCapacity(journalCapacity)
                .scenario(scenario).tls(tls).heartbeatWindow(Duration.ofMillis(heartbeatWindowMs))
                .idleTimeout(Duration.ofSeconds(idleTimeoutSeconds)).chainId(chainId).build();
    }

    public static void main(String[] args) {
        int exit = commandLine(System.getenv()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }
}
