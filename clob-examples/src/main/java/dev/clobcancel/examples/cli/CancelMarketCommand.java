package dev.clobcancel.examples.cli;

import dev.clobcancel.adapter.http.ClobHttpClient;
import dev.clobcancel.adapter.http.ClobHttpClientBuilder;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.MarketCancel;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code clob cancel-market --host URL --market M [--asset-id T]}: cancels the account's orders in a market. */
@Command(name = "cancel-market",
        header = "Cancel the account's orders in a market; the exchange's answer on stdout as JSON.",
        description = {"Cancels the account's open orders in a market, on one of its outcome tokens, or both "
                + "(DELETE /cancel-market-orders), and prints the exchange's answer on stdout as JSON:",
                "  {\"canceled\":[...],\"not_canceled\":{...}}",
                "When the exchange's per-signer rate limit can never let it through (more orders than the tier's burst), "
                + "lists those orders (GET /data/orders) and cancels them with DELETE /orders in batches that fit, and says so on stderr."})
final class CancelMarketCommand extends ExchangeCommand {

    @Option(names = "--market", paramLabel = "M", converter = Converters.Markets.class,
            description = "The market's condition id (0x...).")
    String market;

    @Option(names = "--asset-id", paramLabel = "T", converter = Converters.AssetIds.class,
            description = "Only the orders on this outcome token (its id, a large decimal number).")
    String assetId;

    CancelMarketCommand(Map<String, String> env, Clock clock, UnaryOperator<ClobHttpClientBuilder> tuning) {
        super(env, clock, tuning);
    }

    @Override
    void checkOptions() {
        // Each value was checked as it was parsed; what is left is that at least one was given.
        if (market == null && assetId == null) {
            throw new ParameterException(spec.commandLine(), "give --market, --asset-id or both");
        }
    }

    @Override
    String path() {
        return "/cancel-market-orders";
    }

    @Override
    CompletionStage<CancelResult> cancel(ClobHttpClient client) {
        return client.cancelMarketOrders(MarketCancel.of(market, assetId));
    }
}
