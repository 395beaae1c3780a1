package dev.clobcancel.examples.cli;

import dev.clobcancel.adapter.http.ClobHttpClient;
import dev.clobcancel.adapter.http.ClobHttpClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code clob}: cancel orders (by id, all of them, or a market's), sign a request, or watch a demo
 * against a simulated exchange.
 *
 * <pre>{@code
 * CommandLine cli = ClobCli.commandLine(Map.of("CLOB_API_KEY", ...), Clock.systemUTC());
 * cli.setOut(out).setErr(err);
 * int exit = cli.execute("cancel", "--host", url, "--order-id", id);
 * }</pre>
 *
 * The environment and the clock are passed in, never read from globals below {@link #main}, so
 * that tests run every path without touching the process's environment.
 */
@Command(name = "clob", mixinStandardHelpOptions = true, versionProvider = ClobCli.Version.class,
        description = "Cancel orders on Polymarket's CLOB, keep its dead man's switch armed, show how requests "
                + "are signed, or watch a demo against a simulated exchange.",
        synopsisSubcommandLabel = "(demo | cancel | cancel-all | cancel-market | heartbeat | sign | bench)",
        footer = "%nRun 'clob COMMAND --help' for a command's options, environment and exit codes.")
public final class ClobCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private ClobCli() {
    }

    /** The whole command tree, reading credentials from {@code env} and the time from {@code clock}. */
    public static CommandLine commandLine(Map<String, String> env, Clock clock) {
        return commandLine(env, clock, UnaryOperator.identity());
    }

    /** As above; {@code tuning} finishes every client the commands build (tests put in their scheduler). */
    static CommandLine commandLine(Map<String, String> env, Clock clock, UnaryOperator<ClobHttpClientBuilder> tuning) {
        return commandLine(env, clock, tuning, HeartbeatLifecycle.Process::new);
    }

    /** As above; {@code heartbeats} gives {@code heartbeat} what it runs by (tests, their stop and timers). */
    static CommandLine commandLine(Map<String, String> env, Clock clock, UnaryOperator<ClobHttpClientBuilder> tuning,
                                   Supplier<HeartbeatLifecycle> heartbeats) {
        return commandLine(subcommands(env, clock, tuning, heartbeats).values());
    }

    /**
     * The tree a run of {@code args} needs: when they begin with a command's name, that command
     * alone under {@code clob} (picocli reads every command it is given, which for all of them is
     * about a fifth of a second of a short run's start on a slow machine); otherwise all of them.
     */
    static CommandLine commandLineFor(String[] args, Map<String, String> env, Clock clock) {
        Map<String, Supplier<Object>> all = subcommands(env, clock, UnaryOperator.identity(), HeartbeatLifecycle.Process::new);
        Supplier<Object> named = args.length > 0 ? all.get(args[0]) : null;
        return commandLine(named != null ? List.of(named) : all.values());
    }

    /** Each command by its name, made only when asked for; in the order {@code clob --help} lists them. */
    static Map<String, Supplier<Object>> subcommands(Map<String, String> env, Clock clock,
                                                     UnaryOperator<ClobHttpClientBuilder> tuning,
                                                     Supplier<HeartbeatLifecycle> heartbeats) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(tuning, "tuning");
        Objects.requireNonNull(heartbeats, "heartbeats");
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("demo", DemoCommand::new);
        commands.put("cancel", () -> new CancelCommand(env, clock, tuning));
        commands.put("cancel-all", () -> new CancelAllCommand(env, clock, tuning));
        commands.put("cancel-market", () -> new CancelMarketCommand(env, clock, tuning));
        commands.put("heartbeat", () -> new HeartbeatCommand(env, clock, tuning, heartbeats));
        commands.put("sign", () -> new SignCommand(env, clock));
        commands.put("bench", () -> new BenchCommand(env, clock, tuning));
        return commands;
    }

    private static CommandLine commandLine(Collection<Supplier<Object>> commands) {
        CommandLine cli = new CommandLine(new ClobCli());
        commands.forEach(command -> cli.addSubcommand(command.get()));
        cli.setParameterExceptionHandler(ClobCli::onBadUsage);
        cli.setExecutionExceptionHandler(ClobCli::onInternalError);
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLineFor(args, System.getenv(), Clock.systemUTC()).execute(args));
    }

    /** {@code clob} alone is a usage error: there is nothing to do without a command. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "missing command: choose demo, cancel, cancel-all, cancel-market, heartbeat, sign or bench");
    }

    /**
     * Usage errors, picocli's and the commands' own (bad order id, missing variable): the problem
     * and a pointer to help, rather than the whole usage text that would bury the problem.
     */
    private static int onBadUsage(ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + problem.getMessage());
        UnmatchedArgumentException.printSuggestions(problem, err);
        // Only the cancels send anything; their user wants to know no order was touched.
        String nothingSent = command.getCommandSpec().userObject() instanceof ExchangeClientCommand ? "Nothing was sent. " : "";
        err.println(nothingSent + "Try '" + name + " --help'.");
        err.flush();
        return ExitCodes.USAGE;
    }

    /**
     * A bug in {@code clob}: the message without a stack trace (a trace helps no user, and the
     * messages of this project's exceptions never hold a secret), and an exit code of its own so
     * that it is never mistaken for an answer of the exchange.
     */
    private static int onInternalError(Exception failure, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": internal error: " + failure);
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            err.println("  caused by: " + cause);
        }
        err.flush();
        return ExitCodes.INTERNAL;
    }

    /** The version Maven recorded in the jar; a build from the IDE has none. */
    static final class Version implements IVersionProvider {
        private static final String POM_PROPERTIES = "/META-INF/maven/dev.clobcancel/clob-examples/pom.properties";

        @Override
        public String[] getVersion() throws IOException {
            try (InputStream in = ClobCli.class.getResourceAsStream(POM_PROPERTIES)) {
                if (in == null) {
                    return new String[] {"clob (development build)"};
                }
                Properties pom = new Properties();
                pom.load(in);
                return new String[] {"clob " + pom.getProperty("version", "(unknown version)")};
            }
        }
    }
}
