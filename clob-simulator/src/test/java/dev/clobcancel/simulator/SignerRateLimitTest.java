package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.OrderSpec.order;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.BOB;
import static dev.clobcancel.simulator.SimulatorFixture.BOB_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.MARKET;
import static dev.clobcancel.simulator.SimulatorFixture.NOW;
import static dev.clobcancel.simulator.SimulatorFixture.TOKEN;
import static dev.clobcancel.simulator.SimulatorFixture.cancelBody;
import static dev.clobcancel.simulator.SimulatorFixture.liveOrderOf;
import static dev.clobcancel.simulator.assertj.SimulatorAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.domain.auth.L2Signer;
import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.OrderSpec;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import dev.clobcancel.simulator.ratelimit.SignerLimiter;
import dev.clobcancel.simulator.ratelimit.Tier;
import dev.clobcancel.simulator.time.ManualClock;
import dev.clobcancel.simulator.wallet.WalletAccount;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The exchange's per-signer token buckets, on the simulator's clock: Alice and Bob start Standard (cancels 80/s, burst 120). */
class SignerRateLimitTest extends ExchangeTestBase {

    static final ManualClock CLOCK = ManualClock.at(Instant.ofEpochSecond(NOW));

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClockBuilder().clock(CLOCK).build());

    private HttpResponse<String> as(L2Signer who, String method, String path, String body) {
        return http.signed(who, CLOCK.instant().getEpochSecond(), method, path, body);
    }

    private HttpResponse<String> enable(String settings) {
        HttpResponse<String> response = http.send("PUT", "/_sim/rate-limits", settings, Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    /** {@code count} ids of no order: each costs a token all the same. */
    private static String ids(int count, String... first) {
        List<String> ids = new ArrayList<>(List.of(first));
        for (int i = 0; ids.size() < count; i++) {
            ids.add(String.format("\"0x%064x\"", i));
        }
        return "[" + String.join(",", ids) + "]";
    }

    private List<String> liveOrders(int count) {
        List<OrderSpec> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            orders.add(order().owner(ALICE.apiKey()).market(MARKET).asset(TOKEN).buy().price(new BigDecimal("0.5")).size(BigDecimal.TEN));
        }
        return sim.orders().placeAll(orders).stream().map(OrderId::value).toList();
    }

    /** {@code Poly-RateLimit-Reset} for a moment {@code millis} from now: unix seconds, rounded up. */
    private static String resetIn(long millis) {
        return Long.toString(Math.floorDiv(CLOCK.millis() + millis + 999, 1000));
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void everyAuthenticatedAnswerCarriesTheBucketItDrewFrom() {
        enable("{\"enabled\":true}");

        HttpResponse<String> cancel = as(ALICE_SIGNS, "DELETE", "/order", cancelBody(liveOrderOf(sim, ALICE)));

        assertThat(header(cancel, "Poly-RateLimit-Remaining")).isEqualTo("119");
        assertThat(header(cancel, "Poly-RateLimit-Reset")).isEqualTo(resetIn(0));
        assertThat(header(cancel, "Poly-RateLimit-Tier")).isEqualTo("standard");
        assertThat(header(cancel, "Poly-RateLimit-Warning")).isNull();
    }

    @Test
    void anAnswerThatDrawsFromNoBucketReportsTheCancelBucket() {
        enable("{\"enabled\":true}");
        as(ALICE_SIGNS, "DELETE", "/orders", ids(20));

        HttpResponse<String> read = as(ALICE_SIGNS, "GET", "/data/orders", null);
        HttpResponse<String> beat = as(ALICE_SIGNS, "POST", "/v1/heartbeats", "{\"heartbeat_id\":\"\"}");

        assertThat(header(read, "Poly-RateLimit-Remaining")).isEqualTo("100");
        assertThat(header(beat, "Poly-RateLimit-Remaining")).isEqualTo("100");
        assertThat(header(beat, "Poly-RateLimit-Tier")).isEqualTo("standard");
    }

    @Test
    void theBurstIsSpentAtOnceAndARefusalTellsTheWaitForTheRefill() {
        enable("{\"enabled\":true}");
        assertThat(as(ALICE_SIGNS, "DELETE", "/orders", ids(120)).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = as(ALICE_SIGNS, "DELETE", "/order", cancelBody(String.format("0x%064x", 1)));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).isEqualTo("{\"error\":\"Too Many Requests\",\"retry_after_seconds\":1,\"cost\":1,\"burst\":120}");
        assertThat(header(refused, "Retry-After")).isEqualTo("1");
        assertThat(header(refused, "Poly-RateLimit-Remaining")).isEqualTo("0");
        assertThat(header(refused, "Poly-RateLimit-Reset")).isEqualTo(resetIn(13));
        CLOCK.advance(Duration.ofMillis(13));
        assertThat(as(ALICE_SIGNS, "DELETE", "/order", cancelBody(String.format("0x%064x", 1))).statusCode()).isEqualTo(200);
    }

    @Test
    void aBatchIsRefusedWholeWhenTheBucketCannotPayForAllOfIt() {
        enable("{\"enabled\":true}");
        String live = liveOrderOf(sim, ALICE);
        as(ALICE_SIGNS, "DELETE", "/orders", ids(100));

        HttpResponse<String> refused = as(ALICE_SIGNS, "DELETE", "/orders", ids(21, "\"" + live + "\""));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(header(refused, "Poly-RateLimit-Remaining")).isEqualTo("20");
        assertThat(sim).hasOrderLive(OrderId.of(live));
        assertThat(as(ALICE_SIGNS, "DELETE", "/orders", ids(20, "\"" + live + "\"")).statusCode()).isEqualTo(200);
    }

    @Test
    void aBatchAboveTheBurstCanNeverBeAdmittedAndSaysSo() {
        enable("{\"enabled\":true}");

        HttpResponse<String> refused = as(ALICE_SIGNS, "DELETE", "/orders", ids(121));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(TestHttp.json(refused).get("cost").asInt()).isEqualTo(121);
        assertThat(TestHttp.json(refused).get("burst").asInt()).isEqualTo(120);
        assertThat(header(refused, "Poly-RateLimit-Remaining")).isEqualTo("120");
    }

    @Test
    void eachSignerHasItsOwnBuckets() {
        enable("{\"enabled\":true}");
        as(ALICE_SIGNS, "DELETE", "/orders", ids(120));

        HttpResponse<String> bobs = as(BOB_SIGNS, "DELETE", "/orders", ids(120));

        assertThat(bobs.statusCode()).isEqualTo(200);
    }

    @Test
    void aTierGivenAtTheAccountsCreationSetsItsBurst() {
        enable("{\"enabled\":true}");
        sim.reset();
        HttpResponse<String> created = http.post("/_sim/accounts", "{\"apiKey\":\"" + ALICE.apiKey() + "\",\"secret\":\""
                + ALICE.secret() + "\",\"passphrase\":\"" + ALICE.passphrase() + "\",\"address\":\"" + SimulatorFixture.ALICE_ADDRESS.value()
                + "\",\"tier\":\"elite\"}");
        enable("{\"enabled\":true}");

        HttpResponse<String> batch = as(ALICE_SIGNS, "DELETE", "/orders", ids(1000));

        assertThat(TestHttp.json(created).get("tier").asText()).isEqualTo("elite");
        assertThat(batch.statusCode()).isEqualTo(200);
        assertThat(header(batch, "Poly-RateLimit-Remaining")).isEqualTo("800");
        assertThat(header(batch, "Poly-RateLimit-Tier")).isEqualTo("elite");
    }

    @Test
    void aTierChangedThroughTheAdminApiAppliesToTheNextRequest() {
        enable("{\"enabled\":true}");

        HttpResponse<String> changed = http.send("PUT", "/_sim/accounts/" + ALICE.apiKey() + "/tier", "{\"tier\":\"gold\"}", Map.of());
        CLOCK.advance(Duration.ofSeconds(2));
        HttpResponse<String> batch = as(ALICE_SIGNS, "DELETE", "/orders", ids(1000));

        assertThat(TestHttp.json(changed).get("tier").asText()).isEqualTo("gold");
        assertThat(batch.statusCode()).isEqualTo(200);
        assertThat(header(batch, "Poly-RateLimit-Remaining")).isEqualTo("200");
        assertThat(header(batch, "Poly-RateLimit-Tier")).isEqualTo("gold");
    }

    @Test
    void cancelAllCostsOnePlusWhatItCanceled() {
        enable("{\"enabled\":true}");
        liveOrders(5);

        HttpResponse<String> all = as(ALICE_SIGNS, "DELETE", "/cancel-all", null);

        assertThat(TestHttp.json(all).get("canceled")).hasSize(5);
        assertThat(header(all, "Poly-RateLimit-Remaining")).isEqualTo("114");
    }

    @Test
    void cancelMarketOrdersCostsOnePlusWhatItCanceledToo() {
        enable("{\"enabled\":true}");
        liveOrders(3);

        HttpResponse<String> market = as(ALICE_SIGNS, "DELETE", "/cancel-market-orders", "{\"market\":\"" + MARKET + "\"}");

        assertThat(header(market, "Poly-RateLimit-Remaining")).isEqualTo("116");
    }

    @Test
    void aStandardSignerGoesIntoDeficitAfterABigCancelAllAndWaitsItOut() {
        enable("{\"enabled\":true}");
        liveOrders(200);

        HttpResponse<String> all = as(ALICE_SIGNS, "DELETE", "/cancel-all", null);
        HttpResponse<String> blocked = as(ALICE_SIGNS, "DELETE", "/order", cancelBody(String.format("0x%064x", 1)));

        assertThat(TestHttp.json(all).get("canceled")).hasSize(200);
        assertThat(header(all, "Poly-RateLimit-Remaining")).isEqualTo("-81");
        assertThat(header(all, "Poly-RateLimit-Reset")).isEqualTo(resetIn(1025));
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(header(blocked, "Retry-After")).isEqualTo("2");
        CLOCK.advance(Duration.ofMillis(1025));
        assertThat(as(ALICE_SIGNS, "DELETE", "/order", cancelBody(String.format("0x%064x", 1))).statusCode()).isEqualTo(200);
    }

    @Test
    void aTierAboveGoldNeverGoesBelowZero() {
        enable("{\"enabled\":true}");
        sim.setTier(ALICE.apiKey(), Tier.PLATINUM);
        liveOrders(1400);

        HttpResponse<String> all = as(ALICE_SIGNS, "DELETE", "/cancel-all", null);

        assertThat(header(all, "Poly-RateLimit-Remaining")).isEqualTo("0");
    }

    @Test
    void theDeficitCanBeBoundedAtMinusTheBurst() {
        enable("{\"enabled\":true,\"negativeBalance\":\"burst\"}");
        liveOrders(300);

        HttpResponse<String> all = as(ALICE_SIGNS, "DELETE", "/cancel-all", null);

        assertThat(header(all, "Poly-RateLimit-Remaining")).isEqualTo("-120");
    }

    @Test
    void theDeficitCanBeSwitchedOff() {
        enable("{\"enabled\":true,\"negativeBalance\":\"none\"}");
        liveOrders(200);

        HttpResponse<String> all = as(ALICE_SIGNS, "DELETE", "/cancel-all", null);

        assertThat(header(all, "Poly-RateLimit-Remaining")).isEqualTo("0");
    }

    @Test
    void chargedUpFrontACancelAllTooBigForTheBucketIsRefusedWhole() {
        enable("{\"enabled\":true,\"openEndedCost\":\"before\"}");
        List<String> ids = liveOrders(120);

        HttpResponse<String> refused = as(ALICE_SIGNS, "DELETE", "/cancel-all", null);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(TestHttp.json(refused).get("cost").asInt()).isEqualTo(121);
        assertThat(sim).hasOrderLive(OrderId.of(ids.get(0)));
        sim.orders().cancel(ALICE.apiKey(), List.of(OrderId.of(ids.get(0))));
        assertThat(as(ALICE_SIGNS, "DELETE", "/cancel-all", null).statusCode()).isEqualTo(200);
    }

    @Test
    void inWarningModeARequestOverTheLimitGoesThroughMarked() {
        enable("{\"enabled\":true,\"warning\":true}");
        as(ALICE_SIGNS, "DELETE", "/orders", ids(120));
        String live = liveOrderOf(sim, ALICE);

        HttpResponse<String> warned = as(ALICE_SIGNS, "DELETE", "/order", cancelBody(live));

        assertThat(warned.statusCode()).isEqualTo(200);
        assertThat(header(warned, "Poly-RateLimit-Warning")).isEqualTo("true");
        assertThat(header(warned, "Poly-RateLimit-Remaining")).isEqualTo("0");
        assertThat(sim).hasOrderCanceled(OrderId.of(live));
    }

    @Test
    void ordersDrawFromTheirOwnBucket() {
        sim.markets().add(MARKET, List.of(TOKEN));
        WalletAccount carol = sim.walletAccount(0);
        enable("{\"enabled\":true}");
        for (int i = 0; i < 60; i++) {
            assertThat(carol.place(carol.limitOrder(TOKEN, Side.BUY, "0.50", "10"), "GTC", false).status()).isEqualTo(200);
        }

        WalletAccount.Answer refused = carol.place(carol.limitOrder(TOKEN, Side.BUY, "0.50", "10"), "GTC", false);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().get("burst").asInt()).isEqualTo(60);
        assertThat(carol.send("DELETE", "/cancel-all", null).status()).isEqualTo(200);
    }

    @Test
    void theJavaApiSetsTiersAndSettings() {
        sim.setRateLimits(new SignerLimiter.Settings(SignerLimiter.Mode.ENFORCE, SignerLimiter.NegativeBalance.NONE,
                SignerLimiter.OpenEndedCost.AFTER));
        sim.setTier(BOB.apiKey(), Tier.SILVER);

        JsonNode limits = TestHttp.json(http.get("/_sim/rate-limits"));
        HttpResponse<String> bobs = as(BOB_SIGNS, "DELETE", "/orders", ids(600));

        assertThat(limits.get("negativeBalance").asText()).isEqualTo("none");
        assertThat(limits.get("tiers")).hasSize(8);
        assertThat(bobs.statusCode()).isEqualTo(200);
        assertThat(header(bobs, "Poly-RateLimit-Tier")).isEqualTo("silver");
    }

    @Test
    void theJavaApiOpensAnAccountInATier() {
        sim.enforceRateLimits(true);
        ApiCredentials carol = new ApiCredentials("33333333-3333-4333-8333-333333333333",
                "jCCK2cC7tg3CgvOom3BZybnYVyBoAFGzkfVpPDqiyYY=", "carol-passphrase");
        Address carolsAddress = Address.of("0x2222222222222222222222222222222222222222");
        sim.addAccount(carol, carolsAddress, Tier.BRONZE);

        HttpResponse<String> answer = as(new L2Signer(carol, carolsAddress), "DELETE", "/cancel-all", null);

        assertThat(header(answer, "Poly-RateLimit-Tier")).isEqualTo("bronze");
        assertThat(header(answer, "Poly-RateLimit-Remaining")).isEqualTo("239");
    }

    @Test
    void aBadTierOrSettingIsA400ThatNamesTheChoices() {
        HttpResponse<String> tier = http.send("PUT", "/_sim/accounts/" + ALICE.apiKey() + "/tier", "{\"tier\":\"wood\"}", Map.of());
        HttpResponse<String> setting = http.send("PUT", "/_sim/rate-limits", "{\"enabled\":true,\"negativeBalance\":\"some\"}", Map.of());

        assertThat(tier.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(tier).get("error").asText()).contains("standard, copper, bronze, silver, gold, platinum, diamond or elite");
        assertThat(setting.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(setting).get("error").asText()).contains("[documented, burst, none]");
        assertThat(http.send("PUT", "/_sim/accounts/nobody/tier", "{\"tier\":\"gold\"}", Map.of()).statusCode()).isEqualTo(404);
    }
}
