package dev.clobcancel.examples.cli;

import dev.clobcancel.adapter.http.ClobHttpClient;
import dev.clobcancel.adapter.http.ClobHttpClientBuilder;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;

/**
 * A cancel command: checks everything it was given (options, then the account in the
 * environment) before anything is sent, sends its cancel, and reports as {@link CancelRun} does.
 * Its help's environment and exit codes are every cancel command's (picocli passes a superclass's
 * {@code @Command} on); {@code cancel}, whose success is its own ids canceled, words code 0 its way.
 */
@Command(mixinStandardHelpOptions = true,
        footerHeading = "%nEnvironment (the account whose orders they are):%n",
        footer = EnvCredentials.HELP,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the exchange answered and listed no order as not canceled",
            ExchangeCommand.EXIT_NOT_CANCELED,
            ExchangeCommand.EXIT_USAGE,
            ExchangeCommand.EXIT_FAILED,
            ExchangeCommand.EXIT_INTERNAL})
abstract class ExchangeCommand extends ExchangeClientCommand {

    static final String EXIT_NOT_CANCELED = "1:the exchange answered but did not cancel some order (each with its reason on stderr)";
    static final String EXIT_USAGE = "2:bad usage, a bad id or value, or the environment: nothing was sent";
    static final String EXIT_FAILED = "3:the exchange refused the request or could not be reached (HTTP status and message on stderr)";
    static final String EXIT_INTERNAL = "4:internal error";

    ExchangeCommand(Map<String, String> env, Clock clock, UnaryOperator<ClobHttpClientBuilder> tuning) {
        super(env, clock, tuning);
    }

    /** The endpoint called, for the hint after a 401. */
    abstract String path();

    /** Checks this command's own options; throws a {@code ParameterException} for a bad one. */
    void checkOptions() {
    }

    abstract CompletionStage<CancelResult> cancel(ClobHttpClient client);

    /** The ids that must all be canceled for exit 0, or null: nothing listed as not canceled. */
    List<OrderId> requested() {
        return null;
    }

    @Override
    public final Integer call() {
        checkOptions();
        try (ClobHttpClient client = openClient(UnaryOperator.identity())) {
            return send(client);
        }
    }

    /** Sends the cancel with {@code client}, reports, and gives the exit code. */
    int send(ClobHttpClient client) {
        return new CancelRun(spec.commandLine(), path()).run(client, this::cancel, requested());
    }
}
