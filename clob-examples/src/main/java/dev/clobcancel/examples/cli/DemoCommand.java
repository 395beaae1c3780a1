package dev.clobcancel.examples.cli;

import static dev.clobcancel.simulator.OrderSpec.order;

import dev.clobcancel.adapter.http.ClobHttpClient;
import dev.clobcancel.domain.failure.AuthenticationException;
import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.examples.CancelOrderExample;
import dev.clobcancel.examples.CancelOrderExample.Canceled;
import dev.clobcancel.examples.CancelOrderExample.Failed;
import dev.clobcancel.examples.CancelOrderExample.NotCanceled;
import dev.clobcancel.examples.CancelOrderExample.Outcome;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.exchange.OrderView;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code clob demo}: the library against a simulated exchange in this process, step by step, for
 * a person to read. Each step says what was asked, what the exchange answered, and where the
 * order stands afterwards; the exit code says whether every step went as it should.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "Watch the library cancel orders on a simulated exchange, in this process.",
        description = "Starts a simulated CLOB on a free loopback port, places a few orders, and cancels them "
                + "with the library, showing what the exchange answers each time. Needs no network and no "
                + "credentials: it makes its own, and never prints their secret or passphrase.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every step behaved as expected", "1:some step did not", "4:internal error"})
final class DemoCommand implements Callable<Integer> {

    /** Obviously not real addresses: the simulator checks only that requests carry the account's own. */
    static final Address DEMO_ADDRESS = Address.of("0xde40000000000000000000000000000000000001");
    static final Address OTHER_ADDRESS = Address.of("0xde40000000000000000000000000000000000002");
    private static final String MARKET = "demo-market";
    private static final String ASSET = "demo-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Spec
    CommandSpec spec;

    private PrintWriter out;
    private int steps;
    private int unexpected;

    @Override
    public Integer call() throws InterruptedException {
        out = spec.commandLine().getOut();
        ApiCredentials mine = randomCredentials();
        ApiCredentials theirs = randomCredentials();
        // Same key, passphrase and address, another secret: only the signature is wrong.
        ApiCredentials wrongSecret = new ApiCredentials(mine.apiKey(), randomSecret(), mine.passphrase());

        try (ClobSimulator sim = ClobSimulator.start()) {
            sim.addAccount(mine, DEMO_ADDRESS);
            sim.addAccount(theirs, OTHER_ADDRESS);
            OrderId live = sim.place(order().owner(mine.apiKey()).market(MARKET).asset(ASSET).buy().price("0.5").size("10"));
            OrderId filled = sim.place(order().owner(mine.apiKey()).market(MARKET).asset(ASSET).buy().price("0.4").size("10"));
            OrderId kept = sim.place(order().owner(mine.apiKey()).market(MARKET).asset(ASSET).sell().price("0.6").size("5"));
            OrderId others = sim.place(order().owner(theirs.apiKey()).market(MARKET).asset(ASSET).buy().price("0.5").size("20"));
            sim.orders().fill(filled);

            out.println("clob demo: a simulated CLOB at " + sim.baseUri());
            out.println("  your account:    API key " + mine.apiKey() + ", address " + DEMO_ADDRESS
                    + " (secret and passphrase not shown)");
            out.println("  another account: API key " + theirs.apiKey() + ", address " + OTHER_ADDRESS);
            out.println("  orders: 3 of yours (one of them then filled), 1 of the other account's");

            try (ClobHttpClient clob = client(sim, mine); ClobHttpClient forged = client(sim, wrongSecret)) {
                step("Cancel a live order of yours", sim, clob, live,
                        o -> o instanceof Canceled, "canceled", OrderStatus.CANCELED);
                step("Cancel the same order again", sim, clob, live,
                        notCanceledFor(Exchange.NOT_FOUND), "not canceled: " + Exchange.NOT_FOUND, OrderStatus.CANCELED);
                step("Cancel an order of yours that was filled first", sim, clob, filled,
                        notCanceledFor(Exchange.ALREADY_MATCHED), "not canceled: " + Exchange.ALREADY_MATCHED,
                        OrderStatus.MATCHED);
                step("Cancel another account's order (the exchange will not tell you it exists)", sim, clob, others,
                        notCanceledFor(Exchange.NOT_FOUND), "not canceled: " + Exchange.NOT_FOUND, OrderStatus.LIVE);
                step("Cancel a live order, signed with a wrong secret", sim, forged, kept,
                        DemoCommand::invalidApiKey, "rejected: HTTP 401 Invalid API key", OrderStatus.LIVE);
                out.println("   The exchange does not say which check failed. 'clob sign' shows the headers");
                out.println("   and the exact message the library signs, to compare with your own code.");
                step("Cancel that order again, with the right secret", sim, clob, kept,
                        o -> o instanceof Canceled, "canceled", OrderStatus.CANCELED);
            }
        }
        out.println();
        out.println(unexpected == 0
                ? "All " + steps + " steps behaved as expected."
                : unexpected + " of " + steps + " steps did NOT behave as expected.");
        out.flush();
        return unexpected == 0 ? ExitCodes.OK : ExitCodes.NOT_CANCELED;
    }

    /** One cancel: asked, answered, and the order's state afterwards, each checked. */
    private void step(String title, ClobSimulator sim, ClobHttpClient client, OrderId orderId,
                      Predicate<Outcome> expected, String expectation, OrderStatus expectedStatus)
            throws InterruptedException {
        steps++;
        out.println();
        out.println(steps + ". " + title);
        out.println("   DELETE /order " + orderId);
        Outcome outcome = CancelOrderExample.cancel(client, orderId);
        OrderStatus status = sim.order(orderId).map(OrderView::status).orElse(null);
        out.println("   -> " + outcome.describe() + "; the exchange shows the order " + status);
        boolean asExpected = expected.test(outcome) && status == expectedStatus;
        if (!asExpected) {
            unexpected++;
            out.println("   UNEXPECTED: should have been \"" + expectation + "\", with the order " + expectedStatus);
        }
    }

    private static Predicate<Outcome> notCanceledFor(String reason) {
        return o -> o instanceof NotCanceled notCanceled && notCanceled.reason().equals(reason);
    }

    private static boolean invalidApiKey(Outcome outcome) {
        return outcome instanceof Failed failed
                && failed.failure() instanceof AuthenticationException
                && failed.failure().serverMessage().filter("Invalid API key"::equals).isPresent();
    }

    /** A client of your account: both the real and the forged credentials are your API key's. */
    private static ClobHttpClient client(ClobSimulator sim, ApiCredentials credentials) {
        return ClobHttpClient.builder().host(sim.baseUri()).credentials(credentials).address(DEMO_ADDRESS).build();
    }

    /** Fresh every run, as the exchange hands them out: a UUID key, a 32-byte secret, a random passphrase. */
    private static ApiCredentials randomCredentials() {
        byte[] passphrase = new byte[16];
        RANDOM.nextBytes(passphrase);
        return new ApiCredentials(UUID.randomUUID().toString(), randomSecret(), HexFormat.of().formatHex(passphrase));
    }

    private static String randomSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().encodeToString(key);
    }
}
