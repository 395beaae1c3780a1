package dev.clobcancel.examples.cli;

import static dev.clobcancel.simulator.OrderSpec.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.exchange.OrderView;
import dev.clobcancel.simulator.faults.FaultRule;
import dev.clobcancel.simulator.junit.ClobSimulatorTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code clob cancel-market} against a real simulator over HTTP on a random loopback port. */
@ClobSimulatorTest
class CancelMarketCommandTest {

    private static final TestAccount ACCOUNT = TestAccount.random("0x9fB29AAc15b9A4B7F17c3385939b007540f4d791");
    private static final String MARKET = "0x" + "5f".repeat(32);
    private static final String OTHER_MARKET = "0x" + "7a".repeat(32);
    private static final String ASSET = "123";
    private static final String OTHER_ASSET = "456";

    private final CliRunner cli = new CliRunner();
    private ClobSimulator sim;

    @BeforeEach
    void account(ClobSimulator sim) {
        this.sim = sim;
        sim.addAccount(ACCOUNT.credentials(), ACCOUNT.address());
    }

    @AfterEach
    void neitherSecretNorPassphraseWasPrinted() {
        cli.assertNeverPrinted(ACCOUNT);
    }

    private String placeOrder(String market, String asset) {
        return sim.place(order().owner(ACCOUNT.credentials().apiKey()).market(market).asset(asset).buy().price("0.5").size("10")).value();
    }

    private OrderStatus status(String order) {
        return sim.order(OrderId.of(order)).map(OrderView::status).orElseThrow();
    }

    private CliRunner.Run cancelMarket(String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "cancel-market";
        args[1] = "--host";
        args[2] = sim.baseUri().toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return cli.run(ACCOUNT.env(), args);
    }

    @Test
    void cancelsTheMarketsOrdersAndNoOthersAndExitsZero() {
        String inMarket = placeOrder(MARKET, ASSET);
        String elsewhere = placeOrder(OTHER_MARKET, OTHER_ASSET);

        CliRunner.Run run = cancelMarket("--market", MARKET);

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("{\"canceled\":[\"" + inMarket + "\"],\"not_canceled\":{}}");
        assertThat(status(elsewhere)).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void anAssetIdNarrowsTheCancelToThatToken() {
        String onAsset = placeOrder(MARKET, ASSET);
        String otherAsset = placeOrder(MARKET, OTHER_ASSET);

        CliRunner.Run run = cancelMarket("--market", MARKET, "--asset-id", ASSET);

        assertThat(run.exitCode()).isZero();
        assertThat(List.of(status(onAsset), status(otherAsset))).containsExactly(OrderStatus.CANCELED, OrderStatus.LIVE);
    }

    @Test
    void anAssetIdAloneCancelsThatTokensOrders() {
        String onAsset = placeOrder(MARKET, ASSET);
        String otherAsset = placeOrder(MARKET, OTHER_ASSET);

        CliRunner.Run run = cancelMarket("--asset-id", ASSET);

        assertThat(run.exitCode()).isZero();
        assertThat(List.of(status(onAsset), status(otherAsset))).containsExactly(OrderStatus.CANCELED, OrderStatus.LIVE);
    }

    @Test
    void neitherMarketNorAssetExitsTwoAndSendsNothing() {
        String order = placeOrder(MARKET, ASSET);

        CliRunner.Run run = cancelMarket();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("give --market, --asset-id or both").contains("Nothing was sent");
        assertThat(status(order)).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void aMarketWithALineBreakExitsTwoNamingTheOptionAndWhere() {
        CliRunner.Run run = cancelMarket("--market", MARKET + "\n");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--market").contains("position 66");
    }

    @Test
    void anOrderTheExchangeDidNotCancelExitsOneWithItsReason() {
        String matched = "0x" + "cd".repeat(32);
        sim.faults().add(FaultRule.respond(200, "{\"canceled\":[],\"not_canceled\":{\"" + matched + "\":\"Order already matched\"}}")
                .path("/cancel-market-orders").build());

        CliRunner.Run run = cancelMarket("--market", MARKET);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                "clob cancel-market: order " + matched + " was not canceled: Order already matched");
    }
}
