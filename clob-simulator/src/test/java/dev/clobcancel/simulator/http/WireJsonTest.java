package dev.clobcancel.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every malformed admin body is refused with words that name the field and what is wrong with it. */
class WireJsonTest {

    private static final String REST = "\"secret\":\"s\",\"passphrase\":\"p\",\"address\":\"0x9fB29AAc15b9A4B7F17c3385939b007540f4d791\"";
    private static final String ACCOUNT = "\"apiKey\":\"k\"," + REST;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{" + ACCOUNT + ",\"pasphrase\":\"p\"}|unknown field pasphrase (fields: ",
        "{\"apiKey\":42," + REST + "}|apiKey must be a string, not whole number",
        "{\"apiKey\":true," + REST + "}|apiKey must be a string, not boolean",
        "{" + ACCOUNT + ",\"tier\":[\"gold\"]}|tier must be a string, not array",
        "[1]|the body must be a JSON object, not array",
        "{" + ACCOUNT + "} {}|body is not valid JSON: ",
        "{\"apiKey\":|body is not valid JSON: ",
    })
    void anAccountBodyNamesItsProblem(String body, String problem) {
        assertThatThrownBy(() -> WireJson.read(body.getBytes(StandardCharsets.UTF_8), AdminBodies.AccountBody.class))
                .isInstanceOf(RequestRefused.class).hasMessageContaining(problem)
                .extracting(e -> ((RequestRefused) e).status()).isEqualTo(400);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"market\":\"m\",\"assets\":[\"1\",2]}|assets[1] must be a string, not whole number",
        "{\"market\":\"m\",\"assets\":[\"1\"],\"tickSize\":\"abc\"}|tickSize is not a decimal number: abc",
        "{\"market\":\"m\",\"assets\":[\"1\"],\"tickSize\":true}|tickSize must be a decimal number, not boolean",
        "{\"market\":\"m\",\"assets\":[\"1\"],\"takerDelayMs\":2.5}|takerDelayMs must be a whole number, not fraction",
        "{\"market\":\"m\",\"assets\":[\"1\"],\"takerDelayMs\":\"250\"}|takerDelayMs must be a whole number, not string",
        "{\"market\":\"m\",\"assets\":[\"1\"],\"negRisk\":\"yes\"}|negRisk must be true or false, not string",
    })
    void aMarketBodyNamesItsProblem(String body, String problem) {
        assertThatThrownBy(() -> WireJson.read(body.getBytes(StandardCharsets.UTF_8), AdminBodies.MarketBody.class))
                .isInstanceOf(RequestRefused.class).hasMessageContaining(problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"accounts\":[{\"apiKey\":1}]}|accounts[0]: apiKey must be a string, not whole number",
        "{\"orders\":[{},{\"price\":\"x\"}]}|orders[1]: price is not a decimal number: x",
        "{\"faults\":[{\"times\":\"2\"}]}|faults[0]: times must be a whole number, not string",
        "{\"acounts\":[]}|unknown field acounts (fields: ",
    })
    void aScenarioNamesTheElementAndTheField(String body, String problem) {
        assertThatThrownBy(() -> WireJson.read(body.getBytes(StandardCharsets.UTF_8), AdminBodies.ScenarioBody.class))
                .isInstanceOf(RequestRefused.class).hasMessageContaining(problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[{\"owner\":\"k\"},{\"side\":1}]|order 1: side must be a string, not whole number",
    })
    void aBatchNamesTheOrder(String body, String problem) {
        assertThatThrownBy(() -> AdminBodies.orders(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RequestRefused.class).hasMessageContaining(problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"owner\":\"k\",\"market\":\"m\",\"assetId\":\"1\",\"side\":\"BUY\",\"price\":0.50,\"size\":\"10\"}|0.50",
        "{\"owner\":\"k\",\"market\":\"m\",\"assetId\":\"1\",\"side\":\"BUY\",\"price\":\"0.5\",\"size\":\"10\"}|0.5",
    })
    void aDecimalIsAStringOrANumberTakenAsWritten(String body, String price) {
        assertThat(AdminBodies.orders(body.getBytes(StandardCharsets.UTF_8)).get(0).price()).isEqualByComparingTo(price)
                .hasToString(price);
    }
}
