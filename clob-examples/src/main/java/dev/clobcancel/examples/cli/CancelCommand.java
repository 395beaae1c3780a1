package dev.clobcancel.examples.cli;

import dev.clobcancel.adapter.http.ClobHttpClient;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clob cancel --host URL --order-id ID [--order-id ID ...]}: cancels orders by id. */
@Command(name = "cancel",
        header = "Cancel orders by id; the exchange's answer on stdout as JSON.",
        description = {"Cancels one order (DELETE /order), or several in one batch (DELETE /orders), and prints the "
                + "exchange's answer on stdout as JSON:",
                "  {\"canceled\":[...],\"not_canceled\":{...}}",
                "A 425, a 429, a 500, 502 or 504, or a lost connection is sent again until the deadline; a cancel is "
                        + "idempotent, so that is safe."},
        exitCodeList = {
            "0:every order given was canceled",
            ExchangeCommand.EXIT_NOT_CANCELED,
            ExchangeCommand.EXIT_USAGE,
            ExchangeCommand.EXIT_FAILED,
            ExchangeCommand.EXIT_INTERNAL})
final class CancelCommand extends ExchangeCommand {

    @Option(names = "--order-id", required = true, paramLabel = "ID", converter = Converters.OrderIds.class,
            description = "The id of an order to cancel: 0x and 64 hex digits (its order hash). Repeat for several.")
    List<OrderId> orderIds;

    CancelCommand(Map<String, String> env, Clock clock, UnaryOperator<ClobHttpClient.Builder> tuning) {
        super(env, clock, tuning);
    }

    /** One order goes alone, as the official clients send it; several go as one batch. */
    private boolean single() {
        Set<String> distinct = new LinkedHashSet<>();
        orderIds.forEach(id -> distinct.add(id.value().toLowerCase(Locale.ROOT)));
        return distinct.size() == 1;
    }

    @Override
    String path() {
        return single() ? "/order" : "/orders";
    }

    @Override
    CompletionStage<CancelResult> cancel(ClobHttpClient client) {
        return single() ? client.cancelOrder(orderIds.get(0)) : client.cancelOrders(orderIds);
    }

    @Override
    List<OrderId> requested() {
        return orderIds;
    }
}
