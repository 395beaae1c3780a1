package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.OrderSpec.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.junit.ClobSimulatorTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ClobSimulatorTest(seed = 7)
class AdminApiTest {

    static final String ACCOUNT = "{\"apiKey\":\"k-1\",\"secret\":\"vcR0iVnub9lwyp10npV5pN2CvxEdTzNIyk1CUjESPmE=\","
            + "\"passphrase\":\"p-1\",\"address\":\"0x9fB29AAc15b9A4B7F17c3385939b007540f4d791\"}";
    static final String ORDER = "{\"owner\":\"k-1\",\"market\":\"0xmarket\",\"assetId\":\"123\",\"side\":\"BUY\",\"price\":\"0.5\",\"size\":\"10\"}";

    ClobSimulator sim;
    TestHttp http;

    @BeforeEach
    void fresh(ClobSimulator sim) {
        this.sim = sim;
        this.http = new TestHttp(sim.baseUri());
    }

    private static void assertError(HttpResponse<String> response, int status, String mentions) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(TestHttp.json(response).get("error").asText()).contains(mentions);
    }

    @Test
    void createsAnAccountAndAnswersWithoutItsSecrets() {
        HttpResponse<String> response = http.post("/_sim/accounts", ACCOUNT);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("k-1").doesNotContain("vcR0iV").doesNotContain("p-1\"");
        assertThat(sim.account("k-1")).isPresent();
    }

    @Test
    void refusesASecondAccountWithTheSameKey() {
        http.post("/_sim/accounts", ACCOUNT);

        assertError(http.post("/_sim/accounts", ACCOUNT), 409, "already exists");
    }

    @Test
    void refusesAnAccountWithAMissingOrMalformedField() {
        assertError(http.post("/_sim/accounts", ACCOUNT.replace("\"passphrase\":\"p-1\",", "")), 400, "passphrase is required");
        assertError(http.post("/_sim/accounts", ACCOUNT.replace("0x9fB29", "0xZZZ29")), 400, "invalid address");
        assertError(http.post("/_sim/accounts", ACCOUNT.replace("vcR0iVnub9", "not*base64")), 400, "not base64");
        assertError(http.post("/_sim/accounts", ACCOUNT.replace("\"k-1\"", "42")), 400, "apiKey must be a string");
        assertThat(sim.account("k-1")).isEmpty();
    }

    @Test
    void placesOneOrderAndGeneratesAnOrderHashId() {
        http.post("/_sim/accounts", ACCOUNT);

        HttpResponse<String> response = http.post("/_sim/orders", ORDER);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(TestHttp.json(response).get("ids").get(0).asText()).matches("0x[0-9a-f]{64}");
    }

    @Test
    void placesAnArrayOfOrdersWithGivenIds() {
        http.post("/_sim/accounts", ACCOUNT);
        String id = "0x" + "0a".repeat(32);

        JsonNode ids = TestHttp.json(http.post("/_sim/orders", "[" + ORDER + "," + ORDER.replace("{", "{\"id\":\"" + id + "\",") + "]")).get("ids");

        assertThat(ids).hasSize(2);
        assertThat(ids.get(1).asText()).isEqualTo(id);
    }

    @Test
    void generatedIdsRepeatForTheSameSeedAfterAReset() {
        http.post("/_sim/accounts", ACCOUNT);
        String first = TestHttp.json(http.post("/_sim/orders", ORDER)).get("ids").get(0).asText();

        http.post("/_sim/reset", null);
        http.post("/_sim/accounts", ACCOUNT);

        assertThat(TestHttp.json(http.post("/_sim/orders", ORDER)).get("ids").get(0).asText()).isEqualTo(first);
    }

    @Test
    void reseedingMakesTheIdsOfTheNewSeed() {
        http.post("/_sim/accounts", ACCOUNT);
        http.post("/_sim/seed", "{\"seed\":99}");
        String afterReseed = TestHttp.json(http.post("/_sim/orders", ORDER)).get("ids").get(0).asText();

        try (ClobSimulator seeded99 = ClobSimulator.start(SimulatorOptions.builder().seed(99).build())) {
            seeded99.addAccount(new dev.clobcancel.domain.model.ApiCredentials("k-1", "vcR0iVnub9lwyp10npV5pN2CvxEdTzNIyk1CUjESPmE=", "p-1"),
                    dev.clobcancel.domain.model.Address.of("0x9fB29AAc15b9A4B7F17c3385939b007540f4d791"));
            assertThat(seeded99.place(order().owner("k-1").market("0xmarket").asset("123").buy().price("0.5").size("10")))
                    .isEqualTo(OrderId.of(afterReseed));
        }
        assertError(http.post("/_sim/seed", "{\"seed\":\"x\"}"), 400, "seed must be a whole number");
    }

    @Test
    void refusesABadOrderNamingTheFieldAndPlacesNoneOfTheBatch() {
        http.post("/_sim/accounts", ACCOUNT);

        assertError(http.post("/_sim/orders", "[" + ORDER + "," + ORDER.replace("\"BUY\"", "\"HOLD\"") + "]"), 400, "order 1: side must be BUY or SELL");
        assertError(http.post("/_sim/orders", ORDER.replace("\"0.5\"", "\"1.5\"")), 400, "price");
        assertError(http.post("/_sim/orders", ORDER.replace("\"10\"", "\"ten\"")), 400, "size is not a decimal");
        assertError(http.post("/_sim/orders", ORDER.replace("\"k-1\"", "\"nobody\"")), 400, "owner nobody is not the apiKey of an account");
        assertError(http.post("/_sim/orders", ORDER.replace("\"assetId\":\"123\",", "")), 400, "assetId is required");
        assertError(http.post("/_sim/orders", ORDER.replace("{", "{\"id\":\"0x12\",")), 400, "id 0x12");
        assertError(http.post("/_sim/orders", "[]"), 400, "empty");
        assertError(http.post("/_sim/orders", "42"), 400, "must be a JSON object");
        assertThat(sim.orders().open("k-1")).as("no order of the refused batches").isEmpty();
    }

    @Test
    void refusesADuplicateId() {
        http.post("/_sim/accounts", ACCOUNT);
        String withId = ORDER.replace("{", "{\"id\":\"0x" + "0b".repeat(32) + "\",");
        http.post("/_sim/orders", withId);

        assertError(http.post("/_sim/orders", withId), 409, "already exists");
    }

    @Test
    void showsAnOrder() {
        http.post("/_sim/accounts", ACCOUNT);
        String id = TestHttp.json(http.post("/_sim/orders", ORDER)).get("ids").get(0).asText();

        JsonNode order = TestHttp.json(http.get("/_sim/orders/" + id));

        assertThat(order.get("id").asText()).isEqualTo(id);
        assertThat(order.get("owner").asText()).isEqualTo("k-1");
        assertThat(order.get("market").asText()).isEqualTo("0xmarket");
        assertThat(order.get("assetId").asText()).isEqualTo("123");
        assertThat(order.get("side").asText()).isEqualTo("BUY");
        assertThat(order.get("price").asText()).isEqualTo("0.5");
        assertThat(order.get("size").asText()).isEqualTo("10");
        assertThat(order.get("status").asText()).isEqualTo("LIVE");
    }

    @Test
    void anUnknownOrderIs404() {
        assertError(http.get("/_sim/orders/0x" + "00".repeat(32)), 404, "no order");
    }

    @Test
    void matchesAnOrderPartlyThenWholly() {
        http.post("/_sim/accounts", ACCOUNT);
        String id = TestHttp.json(http.post("/_sim/orders", ORDER)).get("ids").get(0).asText();

        assertThat(TestHttp.json(http.post("/_sim/orders/" + id + "/match", "{\"size\":\"4\"}")).get("status").asText()).isEqualTo("LIVE");
        assertThat(TestHttp.json(http.post("/_sim/orders/" + id + "/match", null)).get("status").asText()).isEqualTo("MATCHED");
        assertError(http.post("/_sim/orders/" + id + "/match", null), 409, "MATCHED");
    }

    @Test
    void resetForgetsAccountsAndOrders() {
        http.post("/_sim/accounts", ACCOUNT);
        http.post("/_sim/orders", ORDER);

        assertThat(http.post("/_sim/reset", null).statusCode()).isEqualTo(204);

        assertThat(sim.account("k-1")).isEmpty();
    }

    @Test
    void anUnknownRouteIsAJson404() {
        assertError(http.get("/no/such/thing"), 404, "no such endpoint: GET /no/such/thing");
    }

    @Test
    void aWrongMethodIsAJson405() {
        assertError(http.send("PATCH", "/order", null, Map.of()), 405, "PATCH is not allowed on /order");
    }

    @Test
    void anUnknownAdminRouteIsAJson404ThatNeitherTheJournalNorAFaultSees() {
        http.post("/_sim/faults", "{\"status\":500}");

        assertError(http.get("/_sim/no/such/thing"), 404, "no such endpoint: GET /_sim/no/such/thing");
        assertError(http.get("/_sim"), 404, "no such endpoint: GET /_sim");
        assertThat(sim.journal().entries()).isEmpty();
    }

    @Test
    void aWrongMethodOnAnAdminRouteIsAJson405ThatTheJournalDoesNotSee() {
        assertError(http.send("PUT", "/_sim/faults", "{}", Map.of()), 405, "method PUT is not allowed on /_sim/faults");
        assertError(http.send("PATCH", "/_sim/accounts/k-1/tier", "{}", Map.of()), 405,
                "method PATCH is not allowed on /_sim/accounts/k-1/tier");
        assertThat(sim.journal().entries()).isEmpty();
    }

    @Test
    void malformedJsonIsA400ThatSaysSo() {
        assertError(http.post("/_sim/accounts", "{\"apiKey\":"), 400, "not valid JSON");
        assertError(http.post("/_sim/accounts", null), 400, "a JSON body is required");
    }

    @Test
    void aBodyOverTheLimitIsA413() {
        assertError(http.post("/_sim/orders", "[" + "1,".repeat(600_000) + "1]"), 413, "larger than the limit");
    }
}
