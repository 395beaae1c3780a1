package dev.clobcancel.examples.cli;

import dev.clobcancel.adapter.http.ClobHttpClient;
import dev.clobcancel.adapter.http.ClobHttpClientBuilder;
import dev.clobcancel.domain.model.CancelResult;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;

/** {@code clob cancel-all --host URL}: cancels every order of the account. */
@Command(name = "cancel-all",
        header = "Cancel every order of the account; the exchange's answer on stdout as JSON.",
        description = {"Cancels every open order of the account, in every market (DELETE /cancel-all), and prints "
                + "the exchange's answer on stdout as JSON:",
                "  {\"canceled\":[...],\"not_canceled\":{...}}",
                "When the exchange's per-signer rate limit can never let it through (more orders than the tier's burst), "
                + "lists the orders (GET /data/orders) and cancels them with DELETE /orders in batches that fit, and says so on stderr."})
final class CancelAllCommand extends ExchangeCommand {

    CancelAllCommand(Map<String, String> env, Clock clock, UnaryOperator<ClobHttpClientBuilder> tuning) {
        super(env, clock, tuning);
    }

    @Override
    String path() {
        return "/cancel-all";
    }

    @Override
    CompletionStage<CancelResult> cancel(ClobHttpClient client) {
        return client.cancelAll();
    }
}
