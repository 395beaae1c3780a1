package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.SimulatorFixture.ALICE;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_ADDRESS;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.BOB;
import static dev.clobcancel.simulator.SimulatorFixture.BOB_ADDRESS;
import static dev.clobcancel.simulator.SimulatorFixture.BOB_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.MARKET;
import static dev.clobcancel.simulator.SimulatorFixture.NOW;
import static dev.clobcancel.simulator.SimulatorFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Over HTTP: seeded orders match, their trades in GET /data/trades, balances and market settings in the admin API. */
class TradesAndBalancesTest extends ExchangeTestBase {

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClock());

    private String seed(String owner, String side, String price, String size) {
        String body = "{\"owner\":\"" + owner + "\",\"market\":\"" + MARKET + "\",\"assetId\":\"" + TOKEN
                + "\",\"side\":\"" + side + "\",\"price\":\"" + price + "\",\"size\":\"" + size + "\"}";
        return TestHttp.json(http.post("/_sim/orders", body)).get("ids").get(0).asText();
    }

    @Test
    void crossingSeededOrdersMakeATradeThatBothAccountsReadWithTheirSide() {
        String maker = seed(ALICE.apiKey(), "SELL", "0.55", "10");
        String taker = seed(BOB.apiKey(), "BUY", "0.60", "4");

        JsonNode bobs = TestHttp.json(http.signed(BOB_SIGNS, NOW, "GET", "/data/trades", null));
        JsonNode alices = TestHttp.json(http.signed(ALICE_SIGNS, NOW, "GET", "/data/trades", null));

        assertThat(bobs.get("count").asInt()).isEqualTo(1);
        assertThat(bobs.get("next_cursor").asText()).isEqualTo("LTE=");
        JsonNode trade = bobs.get("data").get(0);
        assertThat(trade.get("taker_order_id").asText()).isEqualTo(taker);
        assertThat(trade.get("side").asText()).isEqualTo("BUY");
        assertThat(trade.get("size").asText()).isEqualTo("4");
        assertThat(trade.get("price").asText()).isEqualTo("0.60");
        assertThat(trade.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(trade.get("match_time").asText()).isEqualTo(Long.toString(NOW));
        assertThat(trade.get("owner").asText()).isEqualTo(BOB.apiKey());
        assertThat(trade.get("maker_address").asText()).isEqualTo(BOB_ADDRESS.value());
        assertThat(trade.get("transaction_hash").asText()).matches("0x[0-9a-f]{64}");
        assertThat(trade.get("trader_side").asText()).isEqualTo("TAKER");
        JsonNode makerOrder = trade.get("maker_orders").get(0);
        assertThat(makerOrder.get("order_id").asText()).isEqualTo(maker);
        assertThat(makerOrder.get("matched_amount").asText()).isEqualTo("4");
        assertThat(makerOrder.get("price").asText()).isEqualTo("0.55");
        assertThat(makerOrder.get("maker_address").asText()).isEqualTo(ALICE_ADDRESS.value());
        assertThat(alices.get("data").get(0).get("id").asText()).isEqualTo(trade.get("id").asText());
        assertThat(alices.get("data").get(0).get("trader_side").asText()).isEqualTo("MAKER");
    }

    @Test
    void anOrderShowsItsMatchedSizeItsTradesAndMatchedWhenWhollyFilled() {
        String maker = seed(ALICE.apiKey(), "SELL", "0.55", "10");
        String taker = seed(BOB.apiKey(), "BUY", "0.55", "10");

        JsonNode makerOrder = TestHttp.json(http.signed(ALICE_SIGNS, NOW, "GET", "/data/order/" + maker, null));
        JsonNode takerOrder = TestHttp.json(http.signed(BOB_SIGNS, NOW, "GET", "/data/order/" + taker, null));

        assertThat(makerOrder.get("status").asText()).isEqualTo("MATCHED");
        assertThat(makerOrder.get("size_matched").asText()).isEqualTo("10");
        assertThat(makerOrder.get("order_type").asText()).isEqualTo("GTC");
        assertThat(makerOrder.get("associate_trades")).hasSize(1);
        assertThat(takerOrder.get("associate_trades").get(0)).isEqualTo(makerOrder.get("associate_trades").get(0));
        assertThat(TestHttp.json(http.get("/book?token_id=" + TOKEN)).get("asks")).isEmpty();
    }

    @Test
    void tradesArePagedAHundredAtATimeAndFilteredByMarketAndTime() {
        for (int i = 0; i < 120; i++) {
            seed(ALICE.apiKey(), "SELL", "0.50", "1");
            seed(BOB.apiKey(), "BUY", "0.50", "1");
        }
        List<String> seen = new ArrayList<>();
        String cursor = "MA==";
        int pages = 0;
        while (!cursor.equals("LTE=") && pages < 5) {
            JsonNode page = TestHttp.json(http.signed(ALICE_SIGNS, NOW, "GET", "/data/trades?next_cursor=" + cursor, null));
            page.get("data").forEach(trade -> seen.add(trade.get("id").asText()));
            cursor = page.get("next_cursor").asText();
            pages++;
        }

        assertThat(pages).isEqualTo(2);
        assertThat(seen).hasSize(120).doesNotHaveDuplicates();
        assertThat(TestHttp.json(http.signed(ALICE_SIGNS, NOW, "GET", "/data/trades?market=0xother", null)).get("count").asInt()).isZero();
        assertThat(TestHttp.json(http.signed(ALICE_SIGNS, NOW, "GET", "/data/trades?before=" + NOW, null)).get("count").asInt()).isZero();
        assertThat(TestHttp.json(http.signed(ALICE_SIGNS, NOW, "GET", "/data/trades?id=" + seen.get(7), null))
                .get("data").get(0).get("id").asText()).isEqualTo(seen.get(7));
    }

    @Test
    void aTradeFilterThatIsNotUnixSecondsIsRefused() {
        var answer = http.signed(ALICE_SIGNS, NOW, "GET", "/data/trades?after=yesterday", null);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(answer).get("error").asText()).startsWith("Invalid trade params payload");
    }

    @Test
    void tradesAreForTheAuthenticatedOnly() {
        assertThat(http.get("/data/trades").statusCode()).isEqualTo(401);
    }

    @Test
    void balancesAreSetAllOrNoneAndShowWhatLiveOrdersHold() {
        http.post("/_sim/markets", "{\"market\":\"" + MARKET + "\",\"assets\":[\"" + TOKEN + "\"]}");
        var set = http.send("PUT", "/_sim/accounts/" + ALICE.apiKey() + "/balances", "{\"pUSD\":\"100\",\"" + TOKEN + "\":25}", java.util.Map.of());
        seed(ALICE.apiKey(), "BUY", "0.40", "50");

        JsonNode balances = TestHttp.json(http.get("/_sim/accounts/" + ALICE.apiKey() + "/balances"));

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(balances.get("pUSD").get("balance").asText()).isEqualTo("100");
        assertThat(balances.get(TOKEN).get("available").asText()).isEqualTo("25");
        var refused = http.send("PUT", "/_sim/accounts/" + ALICE.apiKey() + "/balances", "{\"pUSD\":\"5\",\"nope\":\"1\"}", java.util.Map.of());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(refused).get("error").asText()).contains("nope");
        assertThat(TestHttp.json(http.get("/_sim/accounts/" + ALICE.apiKey() + "/balances")).get("pUSD").get("balance").asText())
                .isEqualTo("100");
        assertThat(http.send("PUT", "/_sim/accounts/" + ALICE.apiKey() + "/balances", "{\"pUSD\":\"-1\"}", java.util.Map.of())
                .statusCode()).isEqualTo(400);
        assertThat(http.get("/_sim/accounts/nobody/balances").statusCode()).isEqualTo(404);
    }

    @Test
    void aMarketIsListedWithItsSettingsAndShowsThemAll() {
        var listed = http.post("/_sim/markets", "{\"market\":\"0xm9\",\"assets\":[\"91\",\"92\"],\"outcomes\":[\"Yes\",\"No\"],"
                + "\"tickSize\":\"0.001\",\"negRisk\":true,\"minOrderSize\":\"15\",\"takerDelayMs\":250}");

        JsonNode market = TestHttp.json(listed);
        assertThat(listed.statusCode()).isEqualTo(201);
        assertThat(market.get("outcomes").toString()).isEqualTo("[\"Yes\",\"No\"]");
        assertThat(market.get("tickSize").asText()).isEqualTo("0.001");
        assertThat(market.get("negRisk").asBoolean()).isTrue();
        assertThat(market.get("minOrderSize").asText()).isEqualTo("15");
        assertThat(market.get("takerDelayMs").asLong()).isEqualTo(250);
        assertThat(sim.markets().ofAsset("92").orElseThrow().outcome("92")).contains("No");
    }

    @Test
    void aMarketListedWithoutSettingsHasTheDefaults() {
        JsonNode market = TestHttp.json(http.post("/_sim/markets", "{\"market\":\"0xm8\",\"assets\":[\"81\"]}"));

        assertThat(market.get("tickSize").asText()).isEqualTo("0.01");
        assertThat(market.get("negRisk").asBoolean()).isFalse();
        assertThat(market.get("minOrderSize").asText()).isEqualTo("5");
        assertThat(market.get("takerDelayMs").asLong()).isZero();
    }

    @Test
    void badMarketSettingsAreRefusedByName() {
        assertThat(TestHttp.json(http.post("/_sim/markets", "{\"market\":\"0xm7\",\"assets\":[\"71\"],\"tickSize\":\"0.02\"}"))
                .get("error").asText()).contains("tickSize");
        assertThat(TestHttp.json(http.post("/_sim/markets", "{\"market\":\"0xm7\",\"assets\":[\"71\"],\"takerDelayMs\":-1}"))
                .get("error").asText()).contains("takerDelayMs");
        assertThat(TestHttp.json(http.post("/_sim/markets", "{\"market\":\"0xm7\",\"assets\":[\"71\"],\"negRisk\":\"yes\"}"))
                .get("error").asText()).contains("negRisk");
        assertThat(TestHttp.json(http.post("/_sim/markets", "{\"market\":\"0xm7\",\"assets\":[\"71\",\"72\"],\"outcomes\":[\"Yes\"]}"))
                .get("error").asText()).contains("outcomes");
        assertThat(sim.markets().get("0xm7")).isEmpty();
    }
}
