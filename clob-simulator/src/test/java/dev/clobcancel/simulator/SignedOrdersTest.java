package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.SimulatorFixture.MARKET;
import static dev.clobcancel.simulator.SimulatorFixture.NOW;
import static dev.clobcancel.simulator.SimulatorFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.eip712.OrderV2;
import dev.clobcancel.simulator.exchange.MarketSpec;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import dev.clobcancel.simulator.wallet.SignedOrder;
import dev.clobcancel.simulator.wallet.TestWallet;
import dev.clobcancel.simulator.wallet.WalletAccount;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /order} and {@code POST /orders}: signed V2 orders, checked as the exchange checks them. */
class SignedOrdersTest {

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClock());

    ClobSimulator sim;
    WalletAccount carol;
    WalletAccount dave;

    @BeforeEach
    void openMarketAndAccounts(ClobSimulator sim) {
        this.sim = sim;
        sim.markets().add(MARKET, List.of(TOKEN));
        carol = sim.walletAccount(0);
        dave = sim.walletAccount(1);
    }

    private static String json(Object value) {
        try {
            return TestHttp.JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(WalletAccount.Answer answer, String error) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo(error);
    }

    @Test
    void aSignedOrderRestsUnderItsHashAndIsCanceledByTheIdComputedBeforeSending() {
        SignedOrder bid = carol.limitOrder(TOKEN, Side.BUY, "0.50", "10");

        WalletAccount.Answer placed = carol.place(bid, "GTC", false);

        assertThat(placed.status()).isEqualTo(200);
        assertThat(placed.body().get("success").asBoolean()).isTrue();
        assertThat(placed.body().get("orderID").asText()).isEqualTo(bid.hash()).matches("0x[0-9a-f]{64}");
        assertThat(placed.body().get("status").asText()).isEqualTo("live");
        assertThat(sim.order(OrderId.of(bid.hash())).orElseThrow().price()).isEqualByComparingTo("0.50");
        assertThat(sim.order(OrderId.of(bid.hash())).orElseThrow().size()).isEqualByComparingTo("10");
        assertThat(carol.cancel(bid.hash()).body().get("canceled")).extracting(JsonNode::asText).containsExactly(bid.hash());
    }

    @Test
    void theAnswerHasTheExchangesFieldsInItsOrder() {
        WalletAccount.Answer placed = carol.place(carol.limitOrder(TOKEN, Side.SELL, "0.60", "5"), "GTC", false);

        assertThat(placed.body().fieldNames()).toIterable().containsExactly("success", "errorMsg", "orderID", "status",
                "makingAmount", "takingAmount", "transactionsHashes", "tradeIDs");
    }

    @Test
    void theOfficialClientsOwnBodyIsAccepted() throws IOException {
        JsonNode vector;
        try (InputStream in = getClass().getResourceAsStream("/vectors/eip712.json")) {
            vector = TestHttp.JSON.readTree(in).get("orders").get(0);
        }
        WalletAccount signer = WalletAccount.derive(sim.baseUri(), 137,
                TestWallet.of(new BigInteger("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318", 16)));
        sim.markets().add(MARKET, List.of(vector.get("body").get("order").get("tokenId").asText()));
        ObjectNode body = vector.get("body").deepCopy();
        body.put("owner", signer.apiKey());

        WalletAccount.Answer placed = signer.send("POST", "/order", json(body));

        assertThat(placed.status()).isEqualTo(200);
        assertThat(placed.body().get("orderID").asText()).isEqualTo(vector.get("hash").asText());
    }

    @Test
    void anOrderSignedForVersion3IsAcceptedUnderItsVersion3Hash() {
        OrderV2 order = carol.order(new BigInteger(TOKEN), BigInteger.valueOf(5_000_000), BigInteger.valueOf(10_000_000), Side.BUY);
        SignedOrder v3 = carol.sign(order, carol.chain().v3(), 0);

        assertThat(carol.place(v3, "GTC", false).body().get("orderID").asText()).isEqualTo(v3.hash());
    }

    @Test
    void aV1OrderIsAVersionMismatch() {
        String v1 = "{\"order\":{\"salt\":1,\"maker\":\"" + carol.wallet().address() + "\",\"signer\":\"" + carol.wallet().address()
                + "\",\"taker\":\"0x0000000000000000000000000000000000000000\",\"tokenId\":\"" + TOKEN + "\",\"makerAmount\":\"5000000\","
                + "\"takerAmount\":\"10000000\",\"side\":\"BUY\",\"expiration\":\"0\",\"nonce\":\"0\",\"feeRateBps\":\"0\","
                + "\"signatureType\":0,\"signature\":\"0x" + "11".repeat(65) + "\"},\"owner\":\"" + carol.apiKey() + "\",\"orderType\":\"GTC\"}";

        assertRefused(carol.send("POST", "/order", v1), "order_version_mismatch");
    }

    @Test
    void anOrderOfAnotherOwnerOrSignerIsRefused() {
        SignedOrder carols = carol.limitOrder(TOKEN, Side.BUY, "0.50", "10");

        assertRefused(dave.send("POST", "/order", json(carols.toJson(dave.apiKey(), "GTC", false))),
                "the order signer address has to be the address of the API KEY");
        assertRefused(carol.send("POST", "/order", json(carols.toJson(dave.apiKey(), "GTC", false))),
                "the order owner has to be the owner of the API KEY");
        assertThat(sim.order(OrderId.of(carols.hash()))).isEmpty();
    }

    @Test
    void aTamperedOrderHasAnInvalidSignature() {
        SignedOrder bid = carol.limitOrder(TOKEN, Side.BUY, "0.50", "10");
        Map<String, Object> body = bid.toJson(carol.apiKey(), "GTC", false);
        @SuppressWarnings("unchecked") Map<String, Object> fields = (Map<String, Object>) body.get("order");
        fields.put("takerAmount", "20000000");

        WalletAccount.Answer answer = carol.send("POST", "/order", json(body));

        assertRefused(answer, "invalid signature");
    }

    @Test
    void aReplayedOrderIsADuplicate() {
        SignedOrder bid = carol.limitOrder(TOKEN, Side.BUY, "0.50", "10");
        carol.place(bid, "GTC", false);

        assertRefused(carol.place(bid, "GTC", false), "order " + bid.hash() + " is invalid. Duplicated.");
    }

    @Test
    void aPriceOffTheTickIsRefused() {
        SignedOrder offTick = carol.limitOrder(TOKEN, Side.BUY, "0.505", "10");

        assertRefused(carol.place(offTick, "GTC", false),
                "order " + offTick.hash() + " is invalid. Price (0.505) breaks minimum tick size rule: 0.01");
    }

    @Test
    void aRestingOrderBelowTheMinimumSizeIsRefused() {
        SignedOrder small = carol.limitOrder(TOKEN, Side.BUY, "0.50", "2");

        assertRefused(carol.place(small, "GTC", false), "order " + small.hash() + " is invalid. Size (2) lower than the minimum: 5");
    }

    @Test
    void zeroAndOverflowingAmountsAreInvalidPayloads() {
        SignedOrder zero = carol.sign(carol.order(new BigInteger(TOKEN), BigInteger.ZERO, BigInteger.TEN, Side.BUY), carol.chain().v2(false), 0);
        Map<String, Object> overflow = carol.limitOrder(TOKEN, Side.BUY, "0.50", "10").toJson(carol.apiKey(), "GTC", false);
        @SuppressWarnings("unchecked") Map<String, Object> fields = (Map<String, Object>) overflow.get("order");
        fields.put("makerAmount", BigInteger.ONE.shiftLeft(256).toString());

        assertRefused(carol.place(zero, "GTC", false), "Invalid order payload");
        assertRefused(carol.send("POST", "/order", json(overflow)), "Invalid order payload");
    }

    @Test
    void aGtdOrderMustLiveMoreThanAMinuteAndOnlyGtdHasAnExpiration() {
        SignedOrder tooSoon = carol.limitOrder(TOKEN, Side.BUY, "0.50", "10", false, NOW + 60);
        SignedOrder later = carol.limitOrder(TOKEN, Side.BUY, "0.50", "10", false, NOW + 3600);

        assertRefused(carol.place(tooSoon, "GTD", false), "invalid expiration");
        assertRefused(carol.place(later, "GTC", false), "invalid expiration");
        assertThat(carol.place(later, "GTD", false).status()).isEqualTo(200);
    }

    @Test
    void anOrderOfATokenNoMarketListsIsMarketNotFound() {
        WalletAccount.Answer answer = carol.place(carol.limitOrder("12345", Side.BUY, "0.50", "10"), "GTC", false);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.error()).isEqualTo("market not found");
    }

    @Test
    void aBatchAnswersEachOrderInTurn() {
        SignedOrder good = carol.limitOrder(TOKEN, Side.BUY, "0.40", "10");
        SignedOrder offTick = carol.limitOrder(TOKEN, Side.BUY, "0.405", "10");

        WalletAccount.Answer answer = carol.placeAll(List.of(good, offTick), "GTC");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).hasSize(2);
        assertThat(answer.body().get(0).get("orderID").asText()).isEqualTo(good.hash());
        assertThat(answer.body().get(1).get("success").asBoolean()).isFalse();
        assertThat(answer.body().get(1).get("errorMsg").asText()).contains("breaks minimum tick size rule");
        assertThat(sim.order(OrderId.of(good.hash())).orElseThrow().status()).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void aBatchOfMoreThanFifteenIsRefusedWhole() {
        List<SignedOrder> sixteen = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            sixteen.add(carol.limitOrder(TOKEN, Side.BUY, "0.30", "10"));
        }

        assertRefused(carol.placeAll(sixteen, "GTC"), "Too many orders in payload: 16, max allowed: 15");
        assertThat(sim.order(OrderId.of(sixteen.get(0).hash()))).isEmpty();
    }

    @Test
    void twoAccountsCrossAndTheTakerIsToldWhatItMadeAndTook() {
        SignedOrder ask = carol.limitOrder(TOKEN, Side.SELL, "0.50", "10");
        carol.place(ask, "GTC", false);

        WalletAccount.Answer taken = dave.place(dave.limitOrder(TOKEN, Side.BUY, "0.50", "10"), "FOK", false);

        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.body().get("status").asText()).isEqualTo("matched");
        assertThat(taken.body().get("makingAmount").asText()).isEqualTo("5");
        assertThat(taken.body().get("takingAmount").asText()).isEqualTo("10");
        assertThat(taken.body().get("tradeIDs")).hasSize(1);
        assertThat(sim.order(OrderId.of(ask.hash())).orElseThrow().status()).isEqualTo(OrderStatus.MATCHED);
    }

    @Test
    void aPostOnlyOrderThatWouldCrossIsRefused() {
        carol.place(carol.limitOrder(TOKEN, Side.SELL, "0.50", "10"), "GTC", false);

        assertRefused(dave.place(dave.limitOrder(TOKEN, Side.BUY, "0.55", "10"), "GTC", true),
                "invalid post-only order: order crosses book");
    }

    @Test
    void aNegRiskMarketTakesOrdersSignedForTheNegRiskExchangeOnly() {
        String negRiskToken = "4242";
        sim.markets().add(MarketSpec.of("0x" + "42".repeat(32), negRiskToken).withNegRisk(true));

        SignedOrder forNegRisk = carol.limitOrder(negRiskToken, Side.BUY, "0.50", "10", true, 0);
        SignedOrder forTheOther = carol.limitOrder(negRiskToken, Side.BUY, "0.40", "10", false, 0);

        assertThat(carol.place(forNegRisk, "GTC", false).body().get("orderID").asText()).isEqualTo(forNegRisk.hash());
        assertRefused(carol.place(forTheOther, "GTC", false), "invalid signature");
    }
}
