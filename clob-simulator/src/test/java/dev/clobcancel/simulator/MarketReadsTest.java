package dev.clobcancel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The market reads the official client makes before it signs, answered from the market's settings. */
class MarketReadsTest {

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClock());

    static final String CONDITION = "0x" + "ab".repeat(32);

    TestHttp http;

    @BeforeEach
    void listANegRiskMarketOfAFinerTick(ClobSimulator sim) {
        http = new TestHttp(sim.baseUri());
        HttpResponse<String> listed = http.post("/_sim/markets", "{\"market\":\"" + CONDITION + "\",\"assets\":[\"111\",\"222\"],"
                + "\"outcomes\":[\"Yes\",\"No\"],\"tickSize\":\"0.001\",\"negRisk\":true,\"minOrderSize\":\"10\"}");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);
    }

    @Test
    void tickSizeNegRiskAndFeeRateAreTheMarkets() {
        assertThat(http.get("/tick-size?token_id=111").body()).isEqualTo("{\"minimum_tick_size\":0.001}");
        assertThat(http.get("/neg-risk?token_id=222").body()).isEqualTo("{\"neg_risk\":true}");
        assertThat(http.get("/fee-rate?token_id=111").body()).isEqualTo("{\"base_fee\":0}");
    }

    @Test
    void aTokenResolvesToItsCondition() {
        assertThat(http.get("/markets-by-token/222").body()).isEqualTo("{\"condition_id\":\"" + CONDITION + "\"}");
    }

    @Test
    void clobMarketsAbbreviatesTheMarketAsTheClientReadsIt() {
        JsonNode market = TestHttp.json(http.get("/clob-markets/" + CONDITION));

        assertThat(market.get("c").asText()).isEqualTo(CONDITION);
        assertThat(market.get("t").get(0).get("t").asText()).isEqualTo("111");
        assertThat(market.get("t").get(1).get("o").asText()).isEqualTo("No");
        assertThat(market.get("mts").decimalValue()).isEqualByComparingTo("0.001");
        assertThat(market.get("nr").asBoolean()).isTrue();
        assertThat(market.get("mos").decimalValue()).isEqualByComparingTo("10");
        assertThat(market.get("fd").get("r").asInt()).isZero();
    }

    @Test
    void theBookCarriesTheMarketsSettings() {
        JsonNode book = TestHttp.json(http.get("/book?token_id=111"));

        assertThat(book.get("tick_size").asText()).isEqualTo("0.001");
        assertThat(book.get("neg_risk").asBoolean()).isTrue();
        assertThat(book.get("min_order_size").asText()).isEqualTo("10");
    }

    @Test
    void anUnknownTokenOrConditionIsMarketNotFoundAndNoTokenIsInvalid() {
        assertThat(http.get("/tick-size?token_id=999").statusCode()).isEqualTo(404);
        assertThat(http.get("/tick-size?token_id=999").body()).isEqualTo("{\"error\":\"market not found\"}");
        assertThat(http.get("/neg-risk").body()).isEqualTo("{\"error\":\"Invalid token id\"}");
        assertThat(http.get("/clob-markets/0x12").statusCode()).isEqualTo(404);
        assertThat(http.get("/markets-by-token/999").statusCode()).isEqualTo(404);
    }
}
