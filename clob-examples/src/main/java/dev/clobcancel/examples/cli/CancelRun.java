package dev.clobcancel.examples.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clobcancel.adapter.http.ClobHttpClient;
import dev.clobcancel.domain.failure.AuthenticationException;
import dev.clobcancel.domain.failure.ClobException;
import dev.clobcancel.domain.model.CancelMethod;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.examples.CancelOrderExample.Failed;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * What every cancel command does once its request is ready: wait for the exchange, print its
 * answer as JSON on stdout, say on stderr what was not canceled and why, and pick the exit code.
 */
final class CancelRun {

    static final String NO_REASON = "the exchange did not list it as canceled and gave no reason";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The exchange's answer, in its own field names and order. */
    @JsonPropertyOrder({"canceled", "not_canceled"})
    record AnswerJson(List<String> canceled, @JsonProperty("not_canceled") Map<String, String> notCanceled) {

        /** The exchange's answer as the command prints it: each id's hex, in the exchange's order. */
        static AnswerJson of(CancelResult result) {
            return new AnswerJson(hex(result.canceled()), hex(result.notCanceled()));
        }
    }

    /** The ids' hex, in their order. */
    static List<String> hex(Collection<OrderId> ids) {
        return ids.stream().map(OrderId::value).toList();
    }

    /** The reasons by the ids' hex, in their order. */
    static Map<String, String> hex(Map<OrderId, String> reasons) {
        Map<String, String> byHex = new LinkedHashMap<>();
        reasons.forEach((id, reason) -> byHex.put(id.value(), reason));
        return byHex;
    }

    private final CommandLine command;
    private final String name;
    private final String path;

    /** @param path the endpoint, for the hint that follows a 401 */
    CancelRun(CommandLine command, String path) {
        this.command = command;
        this.name = command.getCommandSpec().qualifiedName();
        this.path = path;
    }

    /**
     * Sends {@code cancel} with {@code client} and reports. {@code requested} is the ids asked
     * for, each of which must be canceled for exit 0; null for a cancel of all or of a market,
     * which succeeds when the exchange lists nothing as not canceled.
     */
    int run(ClobHttpClient client, Function<ClobHttpClient, CompletionStage<CancelResult>> cancel, List<OrderId> requested) {
        PrintWriter err = command.getErr();
        CancelResult result;
        try {
            result = cancel.apply(client).toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(name + ": interrupted before the exchange answered: the orders may or may not be canceled");
            return ExitCodes.FAILED;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ClobException failure) {
                return failed(failure, err);
            }
            throw new IllegalStateException(name + " failed unexpectedly: " + e.getCause(), e.getCause());
        }
        printAnswer(result);
        if (result.method() == CancelMethod.LISTED_ORDERS) {
            err.println(name + ": the exchange's rate limit can never let " + path + " through (its cost, 1 + the orders, is more "
                    + "than the burst of tier " + result.rateLimit().tierName().orElse("standard") + "): listed the account's "
                    + "orders (GET /data/orders) and canceled them with DELETE /orders in batches of at most "
                    + Math.min(1000, result.rateLimit().cancelBurst()));
        }
        if (result.rateLimit().warning()) {
            err.println(name + ": the exchange warns that this signer is close to its rate limit: " + result.rateLimit());
        }
        Map<String, String> notCanceled = notCanceled(result, requested);
        notCanceled.forEach((id, reason) -> err.println(name + ": order " + id + " was not canceled: " + reason));
        if (result.attempts() > 1 && !notCanceled.isEmpty()) {
            err.println(name + ": the request was sent " + result.attempts() + " times, an earlier attempt getting no answer: "
                    + "it may have canceled an order listed above as not found or already canceled (clob cancel --confirm reads them)");
        }
        return notCanceled.isEmpty() ? ExitCodes.OK : ExitCodes.NOT_CANCELED;
    }

    /** Each id asked for and not canceled, with the exchange's reason; or all it listed as not canceled. */
    private static Map<String, String> notCanceled(CancelResult result, List<OrderId> requested) {
        if (requested == null) {
            return hex(result.notCanceled());
        }
        Map<String, String> missed = new LinkedHashMap<>();
        for (OrderId id : requested) {
            if (!result.wasCanceled(id)) {
                missed.putIfAbsent(id.value(), result.reasonNotCanceled(id).orElse(NO_REASON));
            }
        }
        return missed;
    }

    private int failed(ClobException failure, PrintWriter err) {
        err.println(name + ": " + new Failed(failure).describe());
        if (failure instanceof AuthenticationException) {
            // The exchange never says which check failed; point at the tool that shows what was signed.
            err.println(name + ": check " + String.join(", ", EnvCredentials.NAMES) + "; 'clob sign --method DELETE --path "
                    + path + " ...' shows the headers and the signed message; --server-time signs with the exchange's clock");
        } else if (failure.isRetryable()) {
            err.println(name + ": trying again is safe: a cancel of an order already canceled changes nothing"
                    + (failure.attempts() > 1 ? "; a longer --deadline-ms keeps trying for longer" : ""));
        }
        return ExitCodes.FAILED;
    }

    private void printAnswer(CancelResult result) {
        PrintWriter out = command.getOut();
        try {
            out.println(JSON.writeValueAsString(AnswerJson.of(result)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
        out.flush();
    }
}
