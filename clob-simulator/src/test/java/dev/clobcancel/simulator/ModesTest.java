package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.SimulatorFixture.ALICE;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.NOW;
import static dev.clobcancel.simulator.SimulatorFixture.TOKEN;
import static dev.clobcancel.simulator.SimulatorFixture.cancelBody;
import static dev.clobcancel.simulator.SimulatorFixture.liveOrderOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.exchange.ExchangeMode;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import dev.clobcancel.simulator.time.ManualClock;
import dev.clobcancel.simulator.wallet.WalletAccount;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ModesTest extends ExchangeTestBase {

    static final String DISABLED = "{\"error\":\"Trading is currently disabled. Check polymarket.com for updates\"}";
    static final String CANCEL_ONLY = "{\"error\":\"Trading is currently cancel-only. New orders are not accepted, but cancels are allowed.\","
            + "\"code\":\"cancel_only\"}";
    static final String POST_ONLY = "post-only mode: only post-only orders and cancels are allowed";
    static final ManualClock CLOCK = ManualClock.at(Instant.ofEpochSecond(NOW));

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClockBuilder().clock(CLOCK).build());

    private HttpResponse<String> alice(String method, String path, String body) {
        return http.signed(ALICE_SIGNS, CLOCK.instant().getEpochSecond(), method, path, body);
    }

    private HttpResponse<String> setMode(String body) {
        return http.send("PUT", "/_sim/mode", body, java.util.Map.of());
    }

    /** An order as the V1 TypeScript client posted it, unsigned: the modes refuse it before reading it. */
    private static String newOrder() {
        return newOrder(false);
    }

    private static String newOrder(boolean postOnly) {
        return "{\"postOnly\":" + postOnly + ",\"order\":{\"salt\":1,\"maker\":\"0x9fB29AAc15b9A4B7F17c3385939b007540f4d791\",\"tokenId\":\"" + TOKEN
                + "\",\"makerAmount\":\"5000000\",\"takerAmount\":\"10000000\",\"side\":\"BUY\",\"expiration\":\"0\","
                + "\"nonce\":\"0\",\"feeRateBps\":\"0\",\"signatureType\":0,\"signature\":\"0x00\"},"
                + "\"owner\":\"" + ALICE.apiKey() + "\",\"orderType\":\"GTC\"}";
    }

    @Test
    void normalIsTheModeAtStartAndAfterReset() {
        setMode("{\"mode\":\"disabled\"}");
        sim.reset();

        assertThat(TestHttp.json(http.get("/_sim/mode")).get("mode").asText()).isEqualTo("normal");
    }

    @Test
    void cancelOnlyLetsCancelsThroughAndRefusesNewOrders() {
        String id = liveOrderOf(sim, ALICE);
        setMode("{\"mode\":\"cancel-only\"}");

        HttpResponse<String> newOrder = alice("POST", "/order", newOrder());

        assertThat(newOrder.statusCode()).isEqualTo(503);
        assertThat(newOrder.body()).isEqualTo(CANCEL_ONLY);
        assertThat(alice("DELETE", "/order", cancelBody(id)).statusCode()).isEqualTo(200);
        assertThat(alice("DELETE", "/cancel-all", null).statusCode()).isEqualTo(200);
    }

    @Test
    void disabledRefusesEveryTradingEndpointCancelsIncludedAndTouchesNothing() {
        String id = liveOrderOf(sim, ALICE);
        sim.setMode(ExchangeMode.DISABLED);

        for (String[] call : List.of(new String[] {"DELETE", "/order", cancelBody(id)},
                new String[] {"DELETE", "/orders", "[\"" + id + "\"]"}, new String[] {"DELETE", "/cancel-all", null},
                new String[] {"DELETE", "/cancel-market-orders", "{\"asset_id\":\"" + TOKEN + "\"}"},
                new String[] {"POST", "/order", newOrder()})) {
            HttpResponse<String> response = alice(call[0], call[1], call[2]);

            assertThat(response.statusCode()).as(call[1]).isEqualTo(503);
            assertThat(response.body()).as(call[1]).isEqualTo(DISABLED);
        }
        assertThat(sim.order(OrderId.of(id)).orElseThrow().status()).isEqualTo(OrderStatus.LIVE);
        assertThat(alice("GET", "/data/orders", null).statusCode()).isEqualTo(200);
    }

    @Test
    void restartingAnswers425UntilItsTimeIsUpByTheSimulatorsClock() {
        String id = liveOrderOf(sim, ALICE);
        setMode("{\"mode\":\"restarting\",\"forMs\":90000}");

        HttpResponse<String> during = alice("DELETE", "/order", cancelBody(id));
        CLOCK.advance(Duration.ofSeconds(89));
        int stillRestarting = alice("DELETE", "/order", cancelBody(id)).statusCode();
        CLOCK.advance(Duration.ofSeconds(1));

        assertThat(during.statusCode()).isEqualTo(425);
        assertThat(TestHttp.json(during).get("error").asText()).isEqualTo("service not ready");
        assertThat(stillRestarting).isEqualTo(425);
        assertThat(alice("DELETE", "/order", cancelBody(id)).statusCode()).isEqualTo(200);
    }

    @Test
    void aRestartTellsHowLongItLastsInRetryAfter() {
        setMode("{\"mode\":\"restarting\",\"forMs\":90000}");
        CLOCK.advance(Duration.ofMillis(30_500));

        HttpResponse<String> during = alice("DELETE", "/cancel-all", null);

        assertThat(during.headers().firstValue("Retry-After")).contains("60");
        assertThat(during.body()).isEqualTo("{\"error\":\"service not ready\",\"retry_after_seconds\":60}");
    }

    @Test
    void aTimedRestartIsFollowedByTwoMinutesOfPostOnlyThenNormal() {
        setMode("{\"mode\":\"restarting\",\"forMs\":90000}");

        CLOCK.advance(Duration.ofSeconds(90));
        String during = TestHttp.json(http.get("/_sim/mode")).get("mode").asText();
        CLOCK.advance(Duration.ofMillis(119_999));
        String stillDuring = TestHttp.json(http.get("/_sim/mode")).get("mode").asText();
        CLOCK.advance(Duration.ofMillis(1));

        assertThat(during).isEqualTo("post-only");
        assertThat(stillDuring).isEqualTo("post-only");
        assertThat(TestHttp.json(http.get("/_sim/mode")).get("mode").asText()).isEqualTo("normal");
    }

    @Test
    void thePostOnlyAfterARestartLastsAsLongAsAsked() {
        setMode("{\"mode\":\"restarting\",\"forMs\":1000,\"postOnlyMs\":5000}");

        var mode = TestHttp.json(http.get("/_sim/mode"));
        CLOCK.advance(Duration.ofSeconds(6));

        assertThat(mode.get("then").get("mode").asText()).isEqualTo("post-only");
        assertThat(mode.get("then").get("until").asText()).isEqualTo(CLOCK.instant().toString());
        assertThat(TestHttp.json(http.get("/_sim/mode")).get("mode").asText()).isEqualTo("normal");
    }

    @Test
    void theJavaApiSetsAModeForAWhile() {
        sim.setMode(ExchangeMode.CANCEL_ONLY, Duration.ofSeconds(5));

        CLOCK.advance(Duration.ofSeconds(5));

        assertThat(sim.mode()).isEqualTo(ExchangeMode.NORMAL);
    }

    @Test
    void aRestartWithNoPostOnlyReturnsStraightToNormal() {
        sim.restartFor(Duration.ofSeconds(1), Duration.ZERO);

        CLOCK.advance(Duration.ofSeconds(1));

        assertThat(sim.mode()).isEqualTo(ExchangeMode.NORMAL);
    }

    @Test
    void postOnlyRefusesAnOrderThatIsNotPostOnlyWithItsCodeAndTheWait() {
        sim.markets().add(SimulatorFixture.MARKET, List.of(TOKEN));
        setMode("{\"mode\":\"post-only\",\"forMs\":75000}");

        HttpResponse<String> refused = alice("POST", "/order", newOrder(false));

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).isEqualTo("{\"error\":\"" + POST_ONLY + "\",\"code\":\"post_only_mode\",\"retry_after_seconds\":75}");
        assertThat(refused.headers().firstValue("Retry-After")).contains("75");
    }

    @Test
    void postOnlyLetsPostOnlyOrdersCancelsAndHeartbeatsThrough() {
        sim.markets().add(SimulatorFixture.MARKET, List.of(TOKEN));
        String id = liveOrderOf(sim, ALICE);
        sim.setMode(ExchangeMode.POST_ONLY);

        WalletAccount carol = sim.walletAccount(0);
        assertThat(carol.place(carol.limitOrder(TOKEN, Side.BUY, "0.40", "10"), "GTC", true).status()).isEqualTo(200);
        assertThat(alice("DELETE", "/order", cancelBody(id)).statusCode()).isEqualTo(200);
        assertThat(alice("POST", "/v1/heartbeats", "{\"heartbeat_id\":\"\"}").statusCode()).isEqualTo(200);
        assertThat(alice("DELETE", "/cancel-all", null).statusCode()).isEqualTo(200);
    }

    @Test
    void postOnlyUntilChangedTellsTheExchangesTwoMinutes() {
        sim.setMode(ExchangeMode.POST_ONLY);

        HttpResponse<String> refused = alice("POST", "/order", newOrder(false));

        assertThat(refused.headers().firstValue("Retry-After")).contains("120");
    }

    @Test
    void aModeUntilChangedTellsTheWaitItWasGiven() {
        setMode("{\"mode\":\"cancel-only\",\"retryAfterSeconds\":30}");

        HttpResponse<String> refused = alice("POST", "/order", newOrder());

        assertThat(refused.body()).isEqualTo(CANCEL_ONLY.replace("}", ",\"retry_after_seconds\":30}"));
        assertThat(refused.headers().firstValue("Retry-After")).contains("30");
    }

    @Test
    void postOnlyMsGoesOnlyWithATimedRestart() {
        assertThat(setMode("{\"mode\":\"restarting\",\"postOnlyMs\":5000}").statusCode()).isEqualTo(400);
        assertThat(setMode("{\"mode\":\"post-only\",\"forMs\":1000,\"postOnlyMs\":5000}").statusCode()).isEqualTo(400);
        assertThat(setMode("{\"mode\":\"restarting\",\"forMs\":1000,\"postOnlyMs\":-1}").statusCode()).isEqualTo(400);
        assertThat(setMode("{\"mode\":\"disabled\",\"retryAfterSeconds\":0}").statusCode()).isEqualTo(400);
    }

    @Test
    void theModeSaysWhenItEnds() {
        sim.restartFor(Duration.ofSeconds(30));

        assertThat(TestHttp.json(http.get("/_sim/mode")).get("until").asText())
                .isEqualTo(CLOCK.instant().plusSeconds(30).toString());
    }

    @Test
    void aBadModeIsA400ThatListsTheModes() {
        HttpResponse<String> response = setMode("{\"mode\":\"closed\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("error").asText()).contains("normal, cancel-only, post-only, disabled or restarting");
        assertThat(setMode("{\"mode\":\"normal\",\"forMs\":5}").statusCode()).isEqualTo(400);
        assertThat(setMode("{\"mode\":\"disabled\",\"forMs\":\"soon\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void theClockMovesOnlyWhenToldAndOnlyIfManual() {
        long before = TestHttp.json(http.get("/_sim/clock")).get("epochMillis").asLong();

        HttpResponse<String> moved = http.post("/_sim/clock", "{\"advanceMs\":1500}");

        assertThat(TestHttp.json(moved).get("epochMillis").asLong()).isEqualTo(before + 1500);
        assertThat(http.get("/time").body()).isEqualTo(Long.toString((before + 1500) / 1000));
        assertThat(http.post("/_sim/clock", "{\"advanceMs\":-1}").statusCode()).isEqualTo(400);
    }
}
