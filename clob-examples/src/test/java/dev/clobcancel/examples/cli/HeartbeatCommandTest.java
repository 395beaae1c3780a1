package dev.clobcancel.examples.cli;

import static dev.clobcancel.examples.cli.CliRunner.closedLoopbackPort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.adapter.http.ClobHttpClient;
import dev.clobcancel.domain.failure.BadRequestException;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.SimulatorOptions;
import dev.clobcancel.simulator.assertj.SimulatorAssert;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import dev.clobcancel.simulator.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code clob heartbeat} against the simulator's dead man's switch, on one manual clock: the test
 * steps time to each heartbeat, and stops the command as SIGINT or SIGTERM would.
 */
class HeartbeatCommandTest {

    private static final ManualClock CLOCK = ManualClock.at(Instant.parse("2026-01-05T12:00:00Z"));
    private static final TestAccount ACCOUNT = TestAccount.random("0x9fB29AAc15b9A4B7F17c3385939b007540f4d791");
    private static final String NAME = "clob heartbeat: ";

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorOptions.builder().clock(CLOCK).build());

    private final CliRunner cli = new CliRunner(CLOCK);
    private final SteppedHeartbeats heartbeats = new SteppedHeartbeats(CLOCK);
    private ClobSimulator sim;

    @BeforeEach
    void account(ClobSimulator sim) {
        this.sim = sim;
        sim.addAccount(ACCOUNT.credentials(), ACCOUNT.address());
    }

    @AfterEach
    void noSecretWasPrinted() {
        cli.assertNeverPrinted(ACCOUNT);
    }

    private String liveOrder() {
        return ACCOUNT.placeOrder(sim, "market-a");
    }

    /** Runs the command on another thread, as a process runs until it is signalled. */
    private CompletableFuture<CliRunner.Run> start(Map<String, String> env, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "heartbeat";
        args[1] = "--host";
        args[2] = sim.baseUri().toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return CompletableFuture.supplyAsync(() -> cli.run(() -> heartbeats, env, args));
    }

    private static CliRunner.Run ended(CompletableFuture<CliRunner.Run> running) throws Exception {
        return running.get(20, TimeUnit.SECONDS);
    }

    @Test
    void armsTheSwitchAndOnAStopLeavesTheOrdersForTheSwitchToCancel() throws Exception {
        String order = liveOrder();
        CompletableFuture<CliRunner.Run> running = start(ACCOUNT.env());
        heartbeats.awaitNext();

        heartbeats.stop();
        CliRunner.Run run = ended(running);

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly(
                NAME + "sending a heartbeat to " + sim.baseUri() + " every 5 s; stop with SIGINT (Ctrl-C) or SIGTERM",
                NAME + "armed: if no heartbeat gets through for 10 s, the exchange cancels every order of the account",
                NAME + "stopped: no more heartbeats; the exchange cancels every order of the account in 10 s "
                        + "unless another keeper takes over");
        assertThat(run.err()).isEmpty();
        SimulatorAssert.assertThat(sim).hasOrderLive(OrderId.of(order));
        CLOCK.advance(Duration.ofSeconds(11));
        SimulatorAssert.assertThat(sim).hasOrderCanceled(OrderId.of(order));
    }

    @Test
    void keepsTheOrdersLiveWhileItRunsPrintingNothingForRoutineHeartbeats() throws Exception {
        String order = liveOrder();
        CompletableFuture<CliRunner.Run> running = start(ACCOUNT.env(), "--interval-ms", "4000");
        heartbeats.awaitNext();

        for (int i = 0; i < 6; i++) {
            heartbeats.step();
        }
        heartbeats.stop();
        CliRunner.Run run = ended(running);

        SimulatorAssert.assertThat(sim).hasOrderLive(OrderId.of(order)).receivedRequests("POST", "/v1/heartbeats").hasSize(7)
                .allSatisfy(entry -> assertThat(entry.status()).isEqualTo(200));
        assertThat(run.outLines()).hasSize(3).first().asString().endsWith("every 4 s; stop with SIGINT (Ctrl-C) or SIGTERM");
    }

    @Test
    void withCancelOnExitAStopCancelsEveryOrderAndPrintsTheExchangesAnswer() throws Exception {
        String first = liveOrder();
        String second = liveOrder();
        CompletableFuture<CliRunner.Run> running = start(ACCOUNT.env(), "--cancel-on-exit");
        heartbeats.awaitNext();

        heartbeats.stop();
        CliRunner.Run run = ended(running);

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).contains(NAME + "stopped: no more heartbeats; canceling every order of the account");
        assertThat(run.outLines()).last().asString().startsWith("{\"canceled\":[").contains(first, second)
                .endsWith("\"not_canceled\":{}}");
        SimulatorAssert.assertThat(sim).hasOrderCanceled(OrderId.of(first)).hasOrderCanceled(OrderId.of(second));
    }

    @Test
    void aStaleIdIsResumedFromTheIdTheExchangeExpectsAndTheSwitchStaysArmed() throws Exception {
        String order = liveOrder();
        CompletableFuture<CliRunner.Run> running = start(ACCOUNT.env());
        heartbeats.awaitNext();
        try (ClobHttpClient other = ClobHttpClient.builder().host(sim.baseUri()).credentials(ACCOUNT.credentials())
                .address(ACCOUNT.address()).clock(CLOCK).build()) {
            // Another process of the account moves the chain on under the command.
            String expected = ((BadRequestException) other.sendHeartbeat("stale").handle((id, e) -> e.getCause() != null
                    ? e.getCause() : e).toCompletableFuture().get(10, TimeUnit.SECONDS)).expectedHeartbeatId().orElseThrow();
            other.sendHeartbeat(expected).toCompletableFuture().get(10, TimeUnit.SECONDS);
        }

        heartbeats.step();
        heartbeats.stop();
        CliRunner.Run run = ended(running);

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).contains(NAME + "armed again, the chain resumed from the id the exchange expects");
        assertThat(run.errLines()).singleElement().asString().startsWith(NAME + "heartbeat failed (1 in a row): ")
                .contains("HTTP 400: Invalid Heartbeat ID");
        SimulatorAssert.assertThat(sim).hasOrderLive(OrderId.of(order));
    }

    @Test
    void aHeartbeatTheExchangeRefusesEndsTheCommandWithExitThree() throws Exception {
        CompletableFuture<CliRunner.Run> running = start(ACCOUNT.envWith("CLOB_SECRET", TestAccount.randomSecret()));

        CliRunner.Run run = ended(running);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith(NAME + "the exchange refused the heartbeat: rejected: HTTP 401 Invalid API key; check CLOB_API_KEY");
    }

    @Test
    void anExchangeThatCannotBeReachedForAWindowEndsTheCommandWithExitThree() throws Exception {
        String nowhere = "http://127.0.0.1:" + closedLoopbackPort();
        CompletableFuture<CliRunner.Run> running = CompletableFuture.supplyAsync(
                () -> cli.run(() -> heartbeats, ACCOUNT.env(), "heartbeat", "--host", nowhere));
        heartbeats.step();     // 5 s after the start
        heartbeats.sendNext(); // 10 s: a whole window without an answer

        CliRunner.Run run = ended(running);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errLines()).hasSize(3);
        assertThat(run.errLines().get(0)).startsWith(NAME + "heartbeat failed (1 in a row): POST /v1/heartbeats to " + nowhere
                + ": could not connect").endsWith("; the switch is not armed");
        assertThat(run.errLines().get(2))
                .isEqualTo(NAME + "no heartbeat got through for 10 s since the start: the switch was never armed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "10000"})
    void anIntervalThatIsNotInsideTheWindowIsAUsageErrorAndSendsNothing(String interval) throws Exception {
        CliRunner.Run run = ended(start(ACCOUNT.env(), "--interval-ms", interval));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--interval-ms must be more than 0 and less than 10000", "not " + interval,
                "Nothing was sent");
        SimulatorAssert.assertThat(sim).receivedNoRequests();
    }

    @Test
    void helpDocumentsTheOptionsTheEnvironmentAndTheExitCodes() {
        CliRunner.Run run = cli.run(Map.of(), "heartbeat", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--host", "--interval-ms", "--cancel-on-exit", "CLOB_SECRET", "Exit codes:",
                "the exchange refused a heartbeat");
    }
}
