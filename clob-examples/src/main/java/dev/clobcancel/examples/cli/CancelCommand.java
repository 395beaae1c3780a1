package dev.clobcancel.examples.cli;

import dev.clobcancel.adapter.http.ClobHttpClient;
import dev.clobcancel.adapter.http.ClobHttpClientBuilder;
import dev.clobcancel.adapter.http.ws.UserChannel;
import dev.clobcancel.domain.confirm.CancelConfirmer;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code clob cancel --host URL --order-id ID [--order-id ID ...] [--confirm]}: cancels orders by id. */
@Command(name = "cancel",
        header = "Cancel orders by id; the exchange's answer on stdout as JSON.",
        description = {"Cancels one order (DELETE /order), or several in one batch (DELETE /orders), and prints the "
                + "exchange's answer on stdout as JSON:",
                "  {\"canceled\":[...],\"not_canceled\":{...}}",
                "A 425, a 429, a 500, 502 or 504, or a lost connection is sent again until the deadline; a cancel is "
                        + "idempotent, so that is safe.",
                "With --confirm, it first subscribes to the exchange's user channel, and waits until each order is "
                        + "settled: its CANCELLATION event, a refusal saying it was already matched or canceled, or, "
                        + "when no event comes or the answer was lost, a read of the order. It prints the answer and "
                        + "each order's settlement:",
                "  {\"canceled\":[...],\"not_canceled\":{...},\"settled\":{\"0x...\":{\"state\":\"CANCELED\","
                        + "\"evidence\":\"CANCELLATION_EVENT\",\"detail\":\"...\"}}}"},
        exitCodeList = {
            "0:every order given was canceled (with --confirm: confirmed canceled)",
            ExchangeCommand.EXIT_NOT_CANCELED,
            ExchangeCommand.EXIT_USAGE,
            ExchangeCommand.EXIT_FAILED + "; with --confirm, also: some order could not be settled in time",
            ExchangeCommand.EXIT_INTERNAL})
final class CancelCommand extends ExchangeCommand {

    @Option(names = "--order-id", required = true, paramLabel = "ID", converter = Converters.OrderIds.class,
            description = "The id of an order to cancel: 0x and 64 hex digits (its order hash). Repeat for several.")
    List<OrderId> orderIds;

    @Option(names = "--confirm",
            description = "Wait until each order is settled by its CANCELLATION event on the user channel, a refusal, "
                    + "or a read of the order, and print how each was settled.")
    boolean confirm;

    @Option(names = "--ws-url", paramLabel = "URL",
            description = "The user channel for --confirm (default: wss://ws-subscriptions-clob.polymarket.com/ws/user "
                    + "for clob.polymarket.com, else ws(s)://<host>/ws/user).")
    String wsUrl;

    @Option(names = "--event-wait-ms", paramLabel = "MS",
            description = "With --confirm, how long after the answer an order listed as canceled waits for its event "
                    + "before it is read (default: ${DEFAULT-VALUE}).")
    long eventWaitMs = CancelConfirmer.DEFAULT_EVENT_WAIT.toMillis();

    CancelCommand(Map<String, String> env, Clock clock, UnaryOperator<ClobHttpClientBuilder> tuning) {
        super(env, clock, tuning);
    }

    /** One order goes alone, as the official clients send it; several go as one batch. */
    private boolean single() {
        // OrderId is lower case: ids that differ only in the case of their hex are one order.
        return new HashSet<>(orderIds).size() == 1;
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
    void checkOptions() {
        CommandLine command = spec.commandLine();
        if (!confirm && (wsUrl != null || eventWaitMs != CancelConfirmer.DEFAULT_EVENT_WAIT.toMillis())) {
            throw new ParameterException(command, (wsUrl != null ? "--ws-url" : "--event-wait-ms") + " goes with --confirm");
        }
        if (eventWaitMs <= 0 || eventWaitMs >= CancelConfirmer.DEFAULT_SETTLE_WITHIN.toMillis()) {
            throw new ParameterException(command, "--event-wait-ms must be more than 0 and less than "
                    + CancelConfirmer.DEFAULT_SETTLE_WITHIN.toMillis() + ", not " + eventWaitMs);
        }
        if (wsUrl != null) {
            try {
                UserChannel.builder().url(wsUrl);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(command, "--ws-url: " + e.getMessage());
            }
        }
    }

    @Override
    int send(ClobHttpClient client) {
        if (!confirm) {
            return super.send(client);
        }
        URI url = wsUrl != null ? URI.create(wsUrl) : UserChannel.urlFor(exchange.host);
        try (UserChannel channel = UserChannel.builder().url(url).credentials(account().credentials()).build()) {
            CancelConfirmer confirmer = CancelConfirmer.builder(client, channel)
                    .eventWait(Duration.ofMillis(eventWaitMs)).build();
            return new ConfirmedCancelRun(spec.commandLine())
                    .run(single() ? confirmer.cancelAndConfirm(orderIds.get(0)) : confirmer.cancelAndConfirm(orderIds));
        }
    }

    @Override
    List<OrderId> requested() {
        return orderIds;
    }
}
