package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.OrderSpec.order;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_ADDRESS;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.BOB;
import static dev.clobcancel.simulator.SimulatorFixture.MARKET;
import static dev.clobcancel.simulator.SimulatorFixture.NOW;
import static dev.clobcancel.simulator.SimulatorFixture.TOKEN;
import static dev.clobcancel.simulator.SimulatorFixture.cancelBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The public book and the caller's own orders, as the exchange shows them. */
class BookAndOrdersTest extends ExchangeTestBase {

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClock());

    private String place(Side side, String price, String size) {
        return sim.place(order().owner(ALICE.apiKey()).market(MARKET).asset(TOKEN).side(side).price(price).size(size)).value();
    }

    private JsonNode book() {
        return TestHttp.json(http.get("/book?token_id=" + TOKEN));
    }

    private static String levels(JsonNode side) {
        StringBuilder out = new StringBuilder();
        side.forEach(level -> out.append(level.get("price").asText()).append('x').append(level.get("size").asText()).append(' '));
        return out.toString().trim();
    }

    @Test
    void theVersionIsTwoAsOnTheExchangeSinceClobV2() {
        HttpResponse<String> version = http.get("/version");

        assertThat(version.statusCode()).isEqualTo(200);
        assertThat(version.body()).isEqualTo("{\"version\":2}");
    }

    @Test
    void theBookAddsUpEachPriceLevelWithTheBestOfEachSideLast() {
        place(Side.BUY, "0.40", "10");
        place(Side.BUY, "0.45", "5");
        place(Side.BUY, "0.45", "7");
        place(Side.SELL, "0.55", "3");
        place(Side.SELL, "0.60", "4");

        JsonNode book = book();

        assertThat(book.get("market").asText()).isEqualTo(MARKET);
        assertThat(book.get("asset_id").asText()).isEqualTo(TOKEN);
        assertThat(levels(book.get("bids"))).isEqualTo("0.40x10 0.45x12");
        assertThat(levels(book.get("asks"))).isEqualTo("0.60x4 0.55x3");
        assertThat(book.get("timestamp").asText()).isEqualTo(Long.toString(NOW * 1000));
    }

    @Test
    void aCancelOrAFillTakesItsSizeOffTheBookAndChangesTheHash() {
        String first = place(Side.BUY, "0.45", "5");
        String second = place(Side.BUY, "0.45", "7");
        String hashBefore = book().get("hash").asText();

        http.signed(ALICE_SIGNS, NOW, "DELETE", "/order", cancelBody(first));
        sim.orders().fill(OrderId.of(second), new BigDecimal("2"));

        assertThat(levels(book().get("bids"))).isEqualTo("0.45x5");
        assertThat(book().get("hash").asText()).isNotEqualTo(hashBefore).matches("[0-9a-f]{40}");
        sim.orders().fill(OrderId.of(second));
        assertThat(book().get("bids")).isEmpty();
    }

    @Test
    void anUnknownTokenHasNoBookAndAMissingOneIsABadRequest() {
        HttpResponse<String> unknown = http.get("/book?token_id=999");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"No orderbook exists for the requested token id\"}");
        assertThat(http.get("/book").statusCode()).isEqualTo(400);
    }

    @Test
    void anAssetBelongsToOneMarket() {
        place(Side.BUY, "0.5", "1");

        HttpResponse<String> elsewhere = http.post("/_sim/orders", "{\"owner\":\"" + ALICE.apiKey()
                + "\",\"market\":\"0xother\",\"assetId\":\"" + TOKEN + "\",\"side\":\"BUY\",\"price\":\"0.5\",\"size\":\"1\"}");

        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("belongs to market " + MARKET);
    }

    @Test
    void marketsAreListedThroughTheAdminApi() {
        assertThat(http.post("/_sim/markets", "{\"market\":\"0xm\",\"assets\":[\"1\",\"2\"]}").statusCode()).isEqualTo(201);

        assertThat(http.get("/_sim/markets").body()).contains("{\"market\":\"0xm\",\"assets\":[");
        assertThat(TestHttp.json(http.get("/book?token_id=2")).get("bids")).isEmpty();
        assertThat(http.post("/_sim/markets", "{\"market\":\"0xm\",\"assets\":[]}").statusCode()).isEqualTo(400);
    }

    @Test
    void theCallerSeesItsOwnOrderAsTheExchangeShowsIt() {
        String id = place(Side.SELL, "0.6", "20");
        sim.orders().fill(OrderId.of(id), new BigDecimal("5"));

        JsonNode order = TestHttp.json(http.signed(ALICE_SIGNS, NOW, "GET", "/data/order/" + id, null));

        assertThat(order.get("id").asText()).isEqualTo(id);
        assertThat(order.get("status").asText()).isEqualTo("LIVE");
        assertThat(order.get("owner").asText()).isEqualTo(ALICE.apiKey());
        assertThat(order.get("maker_address").asText()).isEqualTo(ALICE_ADDRESS.value());
        assertThat(order.get("asset_id").asText()).isEqualTo(TOKEN);
        assertThat(order.get("side").asText()).isEqualTo("SELL");
        assertThat(order.get("original_size").asText()).isEqualTo("20");
        assertThat(order.get("size_matched").asText()).isEqualTo("5");
        assertThat(order.get("price").asText()).isEqualTo("0.6");
        assertThat(order.get("created_at").asLong()).isEqualTo(NOW);
    }

    @Test
    void anotherAccountsOrderIsNotFound() {
        String bobs = sim.place(order().owner(BOB.apiKey()).market(MARKET).asset(TOKEN).buy().price("0.5").size("1")).value();

        assertThat(http.signed(ALICE_SIGNS, NOW, "GET", "/data/order/" + bobs, null).statusCode()).isEqualTo(404);
    }

    @Test
    void openOrdersComeInPagesOfAHundredUntilTheEndCursor() {
        for (int i = 0; i < 250; i++) {
            place(Side.BUY, "0.5", "1");
        }
        String canceled = place(Side.BUY, "0.5", "1");
        http.signed(ALICE_SIGNS, NOW, "DELETE", "/order", cancelBody(canceled));
        sim.place(order().owner(BOB.apiKey()).market(MARKET).asset(TOKEN).buy().price("0.5").size("1"));

        Set<String> seen = new HashSet<>();
        String cursor = "MA==";
        int pages = 0;
        while (!cursor.equals("LTE=") && pages < 10) {
            JsonNode page = TestHttp.json(http.signed(ALICE_SIGNS, NOW, "GET", "/data/orders?next_cursor=" + cursor, null));
            page.get("data").forEach(order -> seen.add(order.get("id").asText()));
            cursor = page.get("next_cursor").asText();
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(250).doesNotContain(canceled);
    }

    @Test
    void openOrdersFilterByMarketAndAsset() {
        place(Side.BUY, "0.5", "1");
        sim.place(order().owner(ALICE.apiKey()).market("0xm2").asset("77").buy().price("0.5").size("1"));

        JsonNode byAsset = TestHttp.json(http.signed(ALICE_SIGNS, NOW, "GET", "/data/orders?asset_id=77", null));
        JsonNode byMarket = TestHttp.json(http.signed(ALICE_SIGNS, NOW, "GET", "/data/orders?market=" + MARKET, null));

        assertThat(byAsset.get("count").asInt()).isEqualTo(1);
        assertThat(byAsset.get("data").get(0).get("asset_id").asText()).isEqualTo("77");
        assertThat(byMarket.get("data").get(0).get("asset_id").asText()).isEqualTo(TOKEN);
        assertThat(http.signed(ALICE_SIGNS, NOW, "GET", "/data/orders?next_cursor=bm90IGEgbnVtYmVy", null).statusCode()).isEqualTo(400);
    }
}
