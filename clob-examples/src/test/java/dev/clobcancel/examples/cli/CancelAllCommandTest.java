package dev.clobcancel.examples.cli;

import static dev.clobcancel.simulator.OrderSpec.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.exchange.ExchangeMode;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.exchange.OrderView;
import dev.clobcancel.simulator.faults.FaultRule;
import dev.clobcancel.simulator.junit.ClobSimulatorTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code clob cancel-all} against a real simulator over HTTP on a random loopback port. */
@ClobSimulatorTest
class CancelAllCommandTest {

    private static final TestAccount ACCOUNT = TestAccount.random("0x9fB29AAc15b9A4B7F17c3385939b007540f4d791");
    private static final TestAccount OTHER = TestAccount.random("0x0000000000000000000000000000000000000b0b");

    private final CliRunner cli = new CliRunner();
    private ClobSimulator sim;

    @BeforeEach
    void accounts(ClobSimulator sim) {
        this.sim = sim;
        sim.addAccount(ACCOUNT.credentials(), ACCOUNT.address());
        sim.addAccount(OTHER.credentials(), OTHER.address());
    }

    @AfterEach
    void neitherSecretNorPassphraseWasPrinted() {
        cli.assertNeverPrinted(ACCOUNT);
    }

    private String placeOrder(TestAccount owner, String market) {
        return sim.place(order().owner(owner.credentials().apiKey()).market(market).asset(market + "-token").buy().price("0.5").size("10")).value();
    }

    private OrderStatus status(String order) {
        return sim.order(OrderId.of(order)).map(OrderView::status).orElseThrow();
    }

    private CliRunner.Run cancelAll() {
        return cli.run(ACCOUNT.env(), "cancel-all", "--host", sim.baseUri().toString());
    }

    @Test
    void cancelsEveryOrderOfTheAccountExitsZeroAndPrintsTheAnswer() {
        String first = placeOrder(ACCOUNT, "market-a");
        String second = placeOrder(ACCOUNT, "market-b");
        String theirs = placeOrder(OTHER, "market-a");

        CliRunner.Run run = cancelAll();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(first, second).contains("\"not_canceled\":{}").doesNotContain(theirs);
        assertThat(run.err()).isEmpty();
        assertThat(List.of(status(first), status(second))).containsOnly(OrderStatus.CANCELED);
        assertThat(status(theirs)).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void nothingToCancelIsStillAnAnswerAndExitsZero() {
        CliRunner.Run run = cancelAll();

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("{\"canceled\":[],\"not_canceled\":{}}");
    }

    @Test
    void anOrderTheExchangeDidNotCancelExitsOneWithItsReason() {
        String matched = "0x" + "cd".repeat(32);
        sim.faults().add(FaultRule.respond(200, "{\"canceled\":[],\"not_canceled\":{\"" + matched + "\":\"Order already matched\"}}")
                .path("/cancel-all").build());

        CliRunner.Run run = cancelAll();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("clob cancel-all: order " + matched + " was not canceled: Order already matched");
    }

    @Test
    void aRefusalExitsThreeWithTheExchangesStatusAndMessage() {
        sim.setMode(ExchangeMode.DISABLED);
        String order = placeOrder(ACCOUNT, "market-a");

        CliRunner.Run run = cancelAll();

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("rejected: HTTP 503 Trading is currently disabled. Check polymarket.com for updates");
        assertThat(run.out()).isEmpty();
        assertThat(status(order)).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void aCancelTheRateLimitCanNeverLetThroughCancelsTheListedOrdersInBatchesAndSaysSo() {
        List<String> mine = new java.util.ArrayList<>();
        for (int i = 0; i < 130; i++) {
            mine.add(placeOrder(ACCOUNT, "market-a"));
        }
        String theirs = placeOrder(OTHER, "market-a");
        sim.faults().add(FaultRule.respond(429, "{\"error\":\"Too Many Requests\"}").headers(java.util.Map.of(
                "Retry-After", "1", "Poly-RateLimit-Remaining", "120", "Poly-RateLimit-Tier", "standard"))
                .path("/cancel-all").times(1).build());

        CliRunner.Run run = cancelAll();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(mine).contains("\"not_canceled\":{}").doesNotContain(theirs);
        assertThat(run.errLines()).containsExactly("clob cancel-all: the exchange's rate limit can never let /cancel-all "
                + "through (its cost, 1 + the orders, is more than the burst of tier standard): listed the account's orders "
                + "(GET /data/orders) and canceled them with DELETE /orders in batches of at most 120");
        assertThat(mine).allSatisfy(order -> assertThat(status(order)).isEqualTo(OrderStatus.CANCELED));
        assertThat(status(theirs)).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void anAnswerInTheExchangesWarningModeIsSaidOnStderr() {
        sim.faults().add(FaultRule.respond(200, "{\"canceled\":[],\"not_canceled\":{}}").headers(java.util.Map.of(
                "Poly-RateLimit-Remaining", "-3", "Poly-RateLimit-Tier", "gold", "Poly-RateLimit-Warning", "true"))
                .path("/cancel-all").times(1).build());

        CliRunner.Run run = cancelAll();

        assertThat(run.exitCode()).isZero();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("clob cancel-all: the exchange warns that this signer is close to its rate limit: ")
                .contains("tier gold").contains("-3 left").contains("WARNING");
    }

    @Test
    void aRestrictionSaysWhichAndHowLongTheExchangeAskedToWait() {
        sim.setMode(ExchangeMode.DISABLED, java.time.Duration.ofSeconds(20));

        CliRunner.Run run = cancelAll();

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("; trading restriction TRADING_DISABLED; the exchange asked to wait 20 s");
    }

    @Test
    void aMissingEnvironmentVariableExitsTwoAndSendsNothing() {
        String order = placeOrder(ACCOUNT, "market-a");

        CliRunner.Run run = cli.run(ACCOUNT.envWith("CLOB_SECRET", null), "cancel-all", "--host", sim.baseUri().toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing environment variable CLOB_SECRET").contains("Nothing was sent");
        assertThat(status(order)).isEqualTo(OrderStatus.LIVE);
    }
}
