package dev.clobcancel.examples.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clobcancel.adapter.http.ClobHttpClient;
import dev.clobcancel.domain.failure.AuthenticationException;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.examples.CancelOrderExample;
import dev.clobcancel.examples.CancelOrderExample.Canceled;
import dev.clobcancel.examples.CancelOrderExample.Failed;
import dev.clobcancel.examples.CancelOrderExample.NotCanceled;
import dev.clobcancel.examples.CancelOrderExample.Outcome;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code clob cancel --host URL --order-id ID}: cancels one order with the library. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        header = "Cancel one order; the exchange's answer on stdout as JSON.",
        description = {"Cancels one order, and prints the exchange's answer on stdout as JSON:",
                "  {\"canceled\":[...],\"not_canceled\":{...}}"},
        footerHeading = "%nEnvironment (the account whose order it is):%n",
        footer = EnvCredentials.HELP,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the order was canceled",
            "1:the exchange answered but did not cancel the order (its reason on stderr)",
            "2:bad usage, order id or environment: nothing was sent",
            "3:the exchange refused the request or could not be reached (HTTP status and message on stderr)",
            "4:internal error"})
final class CancelCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The exchange's answer, in its own field names and order. */
    @JsonPropertyOrder({"canceled", "not_canceled"})
    record AnswerJson(List<String> canceled, @JsonProperty("not_canceled") Map<String, String> notCanceled) {
        static AnswerJson of(CancelResult result) {
            // Sorted: CancelResult's map has no order, and the same answer should print the same way.
            return new AnswerJson(result.canceled(), new TreeMap<>(result.notCanceled()));
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--host", required = true, paramLabel = "URL", converter = Converters.Hosts.class,
            description = "The CLOB's URL, such as https://clob.polymarket.com: http or https, no path.")
    URI host;

    @Option(names = "--order-id", required = true, paramLabel = "ID", converter = Converters.OrderIds.class,
            description = "The id of the order to cancel: 0x and 64 hex digits (its order hash).")
    OrderId orderId;

    @Option(names = "--timeout-ms", paramLabel = "MS",
            description = "The longest to wait for the exchange's whole answer, in milliseconds "
                    + "(default: ${DEFAULT-VALUE}, the library's default).")
    long timeoutMs = ClobHttpClient.Builder.DEFAULT_REQUEST_TIMEOUT.toMillis();

    private final Map<String, String> env;

    CancelCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (timeoutMs <= 0) {
            throw new ParameterException(spec.commandLine(), "--timeout-ms must be more than 0, not " + timeoutMs);
        }
        EnvCredentials.Account account = EnvCredentials.read(env, spec.commandLine());
        PrintWriter err = spec.commandLine().getErr();
        Outcome outcome;
        try (ClobHttpClient clob = ClobHttpClient.builder()
                .host(host)
                .credentials(account.credentials())
                .address(account.address())
                .requestTimeout(Duration.ofMillis(timeoutMs))
                .build()) {
            outcome = CancelOrderExample.cancel(clob, orderId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("clob cancel: interrupted before the exchange answered: order " + orderId
                    + " may or may not be canceled");
            return ExitCodes.FAILED;
        }
        return report(outcome, err);
    }

    private int report(Outcome outcome, PrintWriter err) {
        if (outcome instanceof Canceled canceled) {
            printAnswer(canceled.result());
            return ExitCodes.OK;
        }
        if (outcome instanceof NotCanceled notCanceled) {
            printAnswer(notCanceled.result());
            err.println("clob cancel: order " + orderId + " was not canceled: " + notCanceled.reason());
            return ExitCodes.NOT_CANCELED;
        }
        Failed failed = (Failed) outcome;
        err.println("clob cancel: " + failed.describe());
        if (failed.failure() instanceof AuthenticationException) {
            // The exchange never says which check failed; point at the tool that shows what was signed.
            err.println("clob cancel: check " + String.join(", ", EnvCredentials.NAMES)
                    + "; 'clob sign --method DELETE --path /order --body ...' shows the headers and the signed message");
        } else if (failed.failure().isRetryable()) {
            err.println("clob cancel: trying again is safe: a cancel of an order already canceled changes nothing");
        }
        return ExitCodes.FAILED;
    }

    private void printAnswer(CancelResult result) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            out.println(JSON.writeValueAsString(AnswerJson.of(result)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
        out.flush();
    }
}
