package dev.clobcancel.examples.cli;

import static dev.clobcancel.examples.cli.CliRunner.closedLoopbackPort;
import static dev.clobcancel.simulator.OrderSpec.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.exchange.OrderView;
import dev.clobcancel.simulator.faults.FaultAction;
import dev.clobcancel.simulator.faults.FaultRule;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code clob cancel} against a real simulator over HTTP on a random loopback port. */
class CancelCommandTest {

    private static final TestAccount ACCOUNT = TestAccount.random("0x9fB29AAc15b9A4B7F17c3385939b007540f4d791");
    private static final String WRONG_SECRET = TestAccount.randomSecret();
    private static final String UNKNOWN_ORDER = "0x" + "ab".repeat(32);
    private static ClobSimulator simulator;

    private final CliRunner cli = new CliRunner();

    /** Faults of one test must not reach the next. */
    @BeforeEach
    void noFaults() {
        simulator.faults().clear();
    }

    @BeforeAll
    static void startSimulator() {
        simulator = ClobSimulator.start();
        simulator.addAccount(ACCOUNT.credentials(), ACCOUNT.address());
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    /** Whatever happened in the test, the secrets were never printed, not even a wrong one. */
    @AfterEach
    void neitherSecretNorPassphraseWasPrinted() {
        assertThat(cli.everythingPrinted())
                .doesNotContain(ACCOUNT.credentials().secret())
                .doesNotContain(ACCOUNT.credentials().passphrase())
                .doesNotContain(WRONG_SECRET);
    }

    @Test
    void aCanceledOrderExitsZeroAndPrintsTheExchangesAnswerAsJson() {
        String order = placeOrder();

        CliRunner.Run run = cancel(ACCOUNT.env(), order);

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("{\"canceled\":[\"" + order + "\"],\"not_canceled\":{}}");
        assertThat(run.err()).isEmpty();
        assertThat(status(order)).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void anUnknownOrderExitsOneWithTheExchangesReasonOnStderr() {
        CliRunner.Run run = cancel(ACCOUNT.env(), UNKNOWN_ORDER);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).containsExactly(
                "{\"canceled\":[],\"not_canceled\":{\"" + UNKNOWN_ORDER + "\":\"Order not found or already canceled\"}}");
        assertThat(run.err()).contains(UNKNOWN_ORDER).contains("not canceled: Order not found or already canceled");
    }

    @Test
    void aMatchedOrderExitsOneWithOrderAlreadyMatched() {
        String order = placeOrder();
        simulator.orders().fill(OrderId.of(order));

        CliRunner.Run run = cancel(ACCOUNT.env(), order);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"not_canceled\":{\"" + order + "\":\"Order already matched\"}");
        assertThat(run.err()).contains("not canceled: Order already matched");
    }

    @Test
    void aBadOrderIdExitsTwoWithoutSendingAnything() throws IOException {
        // Were anything sent to the closed port, the exit would be 3.
        CliRunner.Run run = cli.run(ACCOUNT.env(), "cancel", "--host", "http://127.0.0.1:" + closedLoopbackPort(),
                "--order-id", "0x1234zz");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--order-id").contains("invalid order id").contains("Nothing was sent");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingEnvironmentVariableExitsTwoNamingItAndLeavesTheOrderLive() {
        String order = placeOrder();

        CliRunner.Run run = cancel(ACCOUNT.envWith("CLOB_PASS_PHRASE", null), order);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing environment variable CLOB_PASS_PHRASE");
        assertThat(status(order)).isEqualTo(OrderStatus.LIVE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nothingSentProblems")
    void everyProblemFoundBeforeSendingExitsTwoNamingIt(String problem, Map<String, String> env, List<String> args,
                                                        String named) throws IOException {
        List<String> command = new ArrayList<>(List.of("cancel", "--host", "http://127.0.0.1:" + closedLoopbackPort()));
        command.addAll(args);

        CliRunner.Run run = cli.run(env, command.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(named);
        assertThat(run.out()).isEmpty();
    }

    static Stream<Arguments> nothingSentProblems() {
        List<String> validId = List.of("--order-id", UNKNOWN_ORDER);
        return Stream.of(
                Arguments.of("no order id", ACCOUNT.env(), List.of(), "--order-id"),
                Arguments.of("all variables missing", Map.of(), validId,
                        "CLOB_API_KEY, CLOB_SECRET, CLOB_PASS_PHRASE, CLOB_ADDRESS"),
                Arguments.of("empty API key", ACCOUNT.envWith("CLOB_API_KEY", ""), validId, "CLOB_API_KEY"),
                Arguments.of("secret not base64", ACCOUNT.envWith("CLOB_SECRET", "not*base64!"), validId, "CLOB_SECRET"),
                Arguments.of("space in passphrase", ACCOUNT.envWith("CLOB_PASS_PHRASE", "with space"), validId,
                        "CLOB_PASS_PHRASE"),
                Arguments.of("bad address", ACCOUNT.envWith("CLOB_ADDRESS", "0x123"), validId, "CLOB_ADDRESS"),
                Arguments.of("timeout of zero", ACCOUNT.env(), List.of("--order-id", UNKNOWN_ORDER, "--timeout-ms", "0"),
                        "--timeout-ms"),
                Arguments.of("unknown option", ACCOUNT.env(), List.of("--order-id", UNKNOWN_ORDER, "--force"), "--force"));
    }

    @Test
    void aHostThatIsNotAnHttpUrlExitsTwo() {
        CliRunner.Run run = cli.run(ACCOUNT.env(), "cancel", "--host", "ftp://127.0.0.1:1", "--order-id", UNKNOWN_ORDER);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--host").contains("http or https");
    }

    @Test
    void aWrongSecretExitsThreeWithTheExchanges401AndLeavesTheOrderLive() {
        String order = placeOrder();

        CliRunner.Run run = cancel(ACCOUNT.envWith("CLOB_SECRET", WRONG_SECRET), order);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("HTTP 401").contains("Invalid API key");
        assertThat(run.out()).isEmpty();
        assertThat(status(order)).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void anUnreachableHostExitsThree() throws IOException {
        CliRunner.Run run = cli.run(ACCOUNT.env(), "cancel", "--host", "http://127.0.0.1:" + closedLoopbackPort(),
                "--order-id", UNKNOWN_ORDER);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("could not connect");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aHostThatNeverAnswersExitsThreeOnceTheTimeoutIsUp() throws IOException {
        // Connections queue in the backlog and are never accepted: the request goes out, no answer comes.
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            CliRunner.Run run = cli.run(ACCOUNT.env(), "cancel", "--host", "http://127.0.0.1:" + silent.getLocalPort(),
                    "--order-id", UNKNOWN_ORDER, "--timeout-ms", "200");

            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).contains("200 ms");
            awaitClientHangUp(silent);
        }
    }

    @Test
    void severalOrderIdsGoAsOneBatchAndExitZeroWhenAllAreCanceled() {
        // Were the orders sent one by one, to /order, this fault would refuse them.
        simulator.faults().add(FaultRule.respond(400).path("/order").build());
        String first = placeOrder();
        String second = placeOrder();

        CliRunner.Run run = cli.run(ACCOUNT.env(), "cancel", "--host", host(), "--order-id", first, "--order-id", second);

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("{\"canceled\":[\"" + first + "\",\"" + second + "\"],\"not_canceled\":{}}");
        assertThat(List.of(status(first), status(second))).containsOnly(OrderStatus.CANCELED);
    }

    @Test
    void aBatchWithAnOrderNotCanceledExitsOneNamingItAndItsReason() {
        String live = placeOrder();

        CliRunner.Run run = cli.run(ACCOUNT.env(), "cancel", "--host", host(), "--order-id", live, "--order-id", UNKNOWN_ORDER);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                "clob cancel: order " + UNKNOWN_ORDER + " was not canceled: Order not found or already canceled");
        assertThat(status(live)).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void theSameIdGivenTwiceIsOneOrderSentAlone() {
        simulator.faults().add(FaultRule.respond(400).path("/orders").build());
        String order = placeOrder();

        CliRunner.Run run = cli.run(ACCOUNT.env(), "cancel", "--host", host(), "--order-id", order, "--order-id", order);

        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aNotReadyExchangeIsWaitedOutAndTheCancelGetsThrough() {
        simulator.faults().add(FaultRule.respond(425).path("/order").times(2).build());
        String order = placeOrder();

        CliRunner.Run run = cancel(ACCOUNT.env(), order);

        assertThat(run.exitCode()).isZero();
        assertThat(cli.retryDelays()).hasSize(2);
        assertThat(status(order)).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void anOrderListedAsAlreadyCanceledAfterARetryIsSaidToMaybeBeThisCallsOwn() {
        simulator.faults().add(FaultRule.of(FaultAction.RESET).path("/order").times(1).build());
        String order = placeOrder();
        // As if the first attempt had reached the exchange before its connection was lost.
        simulator.orders().cancel(ACCOUNT.credentials().apiKey(), List.of(OrderId.of(order)));

        CliRunner.Run run = cancel(ACCOUNT.env(), order);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("not canceled: Order not found or already canceled")
                .contains("the request was sent 2 times, an earlier attempt getting no answer: it may have canceled an order "
                        + "listed above as not found or already canceled");
        assertThat(cancel(ACCOUNT.env(), order).err()).as("sent once: no such line").doesNotContain("was sent");
    }

    @Test
    void withNoRetryTheFirstFailureIsTheAnswer() {
        simulator.faults().add(FaultRule.respond(425).path("/order").times(1).build());
        String order = placeOrder();

        CliRunner.Run run = cli.run(ACCOUNT.env(), "cancel", "--host", host(), "--order-id", order, "--no-retry");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("rejected: HTTP 425 service not ready").contains("trying again is safe");
        assertThat(cli.retryDelays()).isEmpty();
        assertThat(status(order)).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void aCancelThatNeverGetsThroughExitsThreeSayingHowManyAttemptsWereMade() {
        simulator.faults().add(FaultRule.respond(425).path("/order").build());

        CliRunner.Run run = cancel(ACCOUNT.env(), placeOrder());

        // The retries' delays are jittered (2 s doubling, up to 30 s): whether the eighth attempt
        // still fits in the 30 s deadline depends on the draw, so the count is read from the retries made.
        int attempts = cli.retryDelays().size() + 1;
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(attempts).isBetween(5, 8);
        assertThat(run.err()).contains("rejected: HTTP 425 service not ready, after " + attempts + " attempts")
                .contains("a longer --deadline-ms keeps trying for longer");
    }

    @Test
    void serverTimeGetsACancelThroughFromAMachineWhoseClockIsADayBehind() {
        CliRunner behind = new CliRunner(Clock.offset(Clock.systemUTC(), Duration.ofDays(-1)));
        String order = placeOrder();

        CliRunner.Run refused = behind.run(ACCOUNT.env(), "cancel", "--host", host(), "--order-id", order);
        CliRunner.Run canceled = behind.run(ACCOUNT.env(), "cancel", "--host", host(), "--order-id", order, "--server-time");

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).contains("HTTP 401").contains("--server-time");
        assertThat(canceled.exitCode()).isZero();
    }

    /**
     * Takes the waiting connection and reads until the client, now closed, hangs up. Closing the
     * socket with the connection still queued would reset it under Vert.x while it shuts down,
     * which it logs as an error. The read timeout only bounds a broken client.
     */
    private static void awaitClientHangUp(ServerSocket server) throws IOException {
        try (Socket pending = server.accept()) {
            pending.setSoTimeout(5_000);
            pending.getInputStream().readAllBytes();
        }
    }

    private CliRunner.Run cancel(Map<String, String> env, String order) {
        return cli.run(env, "cancel", "--host", host(), "--order-id", order);
    }

    private static String host() {
        return simulator.baseUri().toString();
    }

    private static String placeOrder() {
        return simulator.place(order().owner(ACCOUNT.credentials().apiKey()).market("test-market").asset("test-token").buy().price("0.5").size("10")).value();
    }

    private static OrderStatus status(String order) {
        return simulator.order(OrderId.of(order)).map(OrderView::status).orElseThrow();
    }
}
