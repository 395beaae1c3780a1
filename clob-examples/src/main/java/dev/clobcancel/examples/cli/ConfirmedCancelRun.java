package dev.clobcancel.examples.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clobcancel.domain.confirm.ConfirmedCancel;
import dev.clobcancel.domain.confirm.Settlement;
import dev.clobcancel.domain.model.CancelResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;

/**
 * What {@code clob cancel --confirm} does once its cancel is on its way: wait until every order is
 * settled, print the exchange's answer and each order's settlement as JSON on stdout, say on
 * stderr what was not confirmed canceled and why, and pick the exit code.
 */
final class ConfirmedCancelRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One order's settlement: where it is, what says so, and the words that said it. */
    @JsonPropertyOrder({"state", "evidence", "detail"})
    record SettledJson(String state, String evidence, String detail) {
    }

    /** The exchange's answer in its own field names (left out when it was lost), then the settlements. */
    @JsonPropertyOrder({"canceled", "not_canceled", "settled"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConfirmedJson(List<String> canceled, @JsonProperty("not_canceled") Map<String, String> notCanceled,
                         Map<String, SettledJson> settled) {
    }

    private final CommandLine command;
    private final String name;

    ConfirmedCancelRun(CommandLine command) {
        this.command = command;
        this.name = command.getCommandSpec().qualifiedName();
    }

    /**
     * Waits for {@code confirmed} and reports. Exit 0 when every order is confirmed canceled, 1
     * when each is settled but some not as canceled (matched, not found, live), 3 when some could
     * not be settled at all.
     */
    int run(CompletionStage<ConfirmedCancel> confirmed) {
        PrintWriter err = command.getErr();
        ConfirmedCancel result;
        try {
            result = confirmed.toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(name + ": interrupted before every order was settled: the orders may or may not be canceled");
            return ExitCodes.FAILED;
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + " failed unexpectedly: " + e.getCause(), e.getCause());
        }
        print(result);
        result.cancelFailure().ifPresent(lost -> err.println(name + ": the cancel got no answer (" + lost.getMessage()
                + "); each order was settled by its event or by reading it"));
        boolean unconfirmed = false;
        for (Settlement s : result.settlements()) {
            if (s.state() == Settlement.State.UNCONFIRMED) {
                unconfirmed = true;
                err.println(name + ": order " + s.orderId() + " is unconfirmed: " + s.detail());
            } else if (s.state() != Settlement.State.CANCELED) {
                err.println(name + ": order " + s.orderId() + " was not canceled: " + s.state() + " by "
                        + s.evidence() + " (" + s.detail() + ")");
            }
        }
        if (unconfirmed) {
            err.println(name + ": trying again is safe: a cancel of an order already canceled changes nothing");
            return ExitCodes.FAILED;
        }
        return result.allCanceled() ? ExitCodes.OK : ExitCodes.NOT_CANCELED;
    }

    private void print(ConfirmedCancel result) {
        Map<String, SettledJson> settled = new LinkedHashMap<>();
        result.settlements().forEach(s -> settled.put(s.orderId(),
                new SettledJson(s.state().name(), s.evidence().name(), s.detail())));
        CancelResult answer = result.answer().orElse(null);
        ConfirmedJson json = new ConfirmedJson(answer == null ? null : CancelRun.hex(answer.canceled()),
                answer == null ? null : CancelRun.hex(answer.notCanceled()), settled);
        PrintWriter out = command.getOut();
        try {
            out.println(JSON.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the settlements as JSON", e);
        }
        out.flush();
    }
}
