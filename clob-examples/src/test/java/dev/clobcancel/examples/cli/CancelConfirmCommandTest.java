package dev.clobcancel.examples.cli;

import static dev.clobcancel.simulator.OrderSpec.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.exchange.OrderView;
import dev.clobcancel.simulator.faults.FaultAction;
import dev.clobcancel.simulator.faults.FaultRule;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code clob cancel --confirm} against a real simulator over HTTP: on its own user channel, which
 * sends each CANCELLATION before the cancel's answer, and on a channel on loopback that takes the
 * subscription and then stays silent, so that each order is settled by a refusal or by reading it.
 */
class CancelConfirmCommandTest {

    private static final TestAccount ACCOUNT = TestAccount.random("0x9fB29AAc15b9A4B7F17c3385939b007540f4d791");
    private static ClobSimulator simulator;
    private static Vertx vertx;
    private static HttpServer silentChannel;

    private final CliRunner cli = new CliRunner();

    @BeforeAll
    static void start() throws Exception {
        simulator = ClobSimulator.start();
        simulator.addAccount(ACCOUNT.credentials(), ACCOUNT.address());
        vertx = Vertx.vertx();
        // The exchange's user channel, silent: it answers PING with PONG, as the exchange does, and sends no event.
        silentChannel = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .webSocketHandler(ws -> ws.textMessageHandler(text -> {
                    if (text.equals("PING")) {
                        ws.writeTextMessage("PONG");
                    }
                }))
                .listen().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        simulator.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @BeforeEach
    void noFaults() {
        simulator.faults().clear();
    }

    @AfterEach
    void neitherSecretNorPassphraseWasPrinted() {
        cli.assertNeverPrinted(ACCOUNT);
    }

    private CliRunner.Run confirm(String order, String... more) {
        String[] args = {"cancel", "--host", simulator.baseUri().toString(), "--order-id", order, "--confirm",
                "--ws-url", "ws://127.0.0.1:" + silentChannel.actualPort(), "--event-wait-ms", "1"};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return cli.run(ACCOUNT.env(), all);
    }

    private static String placeOrder() {
        return simulator.place(order().owner(ACCOUNT.credentials().apiKey()).market("test-market").asset("test-token").buy().price("0.5").size("10")).value();
    }

    @Test
    void anOrderConfirmedCanceledExitsZeroAndPrintsTheAnswerAndHowItWasSettled() {
        String order = placeOrder();

        CliRunner.Run run = confirm(order);

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("{\"canceled\":[\"" + order + "\"],\"not_canceled\":{},\"settled\":{\""
                + order + "\":{\"state\":\"CANCELED\",\"evidence\":\"ORDER_READ\",\"detail\":\"status CANCELED\"}}}");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void onTheSimulatorsOwnChannelFoundFromTheHostTheEventSettlesTheOrder() {
        String first = placeOrder();
        String second = placeOrder();

        CliRunner.Run run = cli.run(ACCOUNT.env(), "cancel", "--host", simulator.baseUri().toString(), "--order-id", first,
                "--order-id", second, "--confirm");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("{\"canceled\":[\"" + first + "\",\"" + second + "\"],\"not_canceled\":{},"
                + "\"settled\":{\"" + first + "\":{\"state\":\"CANCELED\",\"evidence\":\"CANCELLATION_EVENT\",\"detail\":"
                + "\"status CANCELED\"},\"" + second + "\":{\"state\":\"CANCELED\",\"evidence\":\"CANCELLATION_EVENT\","
                + "\"detail\":\"status CANCELED\"}}}");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aMatchedOrderExitsOneSettledByTheRefusal() {
        String order = placeOrder();
        simulator.orders().fill(OrderId.of(order));

        CliRunner.Run run = confirm(order);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"settled\":{\"" + order + "\":{\"state\":\"MATCHED\",\"evidence\":\"REFUSAL\","
                + "\"detail\":\"Order already matched\"}}");
        assertThat(run.err()).contains("order " + order + " was not canceled: MATCHED by REFUSAL (Order already matched)");
    }

    @Test
    void aLostAnswerIsSettledByReadingTheOrderAndSaysSo() {
        String order = placeOrder();
        simulator.faults().add(FaultRule.of(FaultAction.RESET).path("/order").times(1).build());

        CliRunner.Run run = confirm(order, "--no-retry");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).containsExactly("{\"settled\":{\"" + order
                + "\":{\"state\":\"LIVE\",\"evidence\":\"ORDER_READ\",\"detail\":\"status LIVE\"}}}");
        assertThat(run.err()).contains("the cancel got no answer").contains("was not canceled: LIVE by ORDER_READ");
        assertThat(simulator.order(OrderId.of(order)).map(OrderView::status).orElseThrow()).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void aChannelOptionWithoutConfirmExitsTwoWithoutSendingAnything() {
        String order = placeOrder();

        CliRunner.Run run = cli.run(ACCOUNT.env(), "cancel", "--host", simulator.baseUri().toString(), "--order-id", order,
                "--ws-url", "ws://127.0.0.1:1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--ws-url goes with --confirm");
        assertThat(simulator.order(OrderId.of(order)).map(OrderView::status).orElseThrow()).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void aChannelUrlThatIsNotAWebSocketOneExitsTwo() {
        CliRunner.Run run = cli.run(ACCOUNT.env(), "cancel", "--host", simulator.baseUri().toString(), "--order-id",
                "0x" + "ab".repeat(32), "--confirm", "--ws-url", "http://127.0.0.1:1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--ws-url: the user channel's URL must be ws or wss");
    }
}
