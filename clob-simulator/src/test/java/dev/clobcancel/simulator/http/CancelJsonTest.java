package dev.clobcancel.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.simulator.exchange.CancelReport;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The cancel endpoints' JSON, read and written token by token, as a tree would have read and written it. */
class CancelJsonTest {

    private static final String ID = "0xabababababababababababababababababababababababababababababababab";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"orderID\":\"" + ID + "\"}|" + ID,
        "{\"orderID\": \"" + ID + "\", \"extra\": {\"a\": [1, 2]}}|" + ID,
        "{\"a\": [{}], \"orderID\":\"x\"}|x",
        "{\"orderID\":1,\"orderID\":\"later\"}|later",
        "{\"orderID\":\"first\",\"orderID\":2}|",
    })
    void theOrderIdIsTheLastOrderIdFieldWhenItIsAString(String body, String expected) {
        assertThat(ExchangeApi.orderIdOf(body.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "null", "[]", "\"" + ID + "\"", "{}", "{\"orderID\":null}", "{\"orderID\":{}}",
        "{\"orderID\":\"x\"} {}", "{\"orderID\":\"x\"", "{\"orderID\":\"x\",}", "{\"a\":[1,}", "not json"})
    void anythingElseHasNoOrderId(String body) {
        assertThat(ExchangeApi.orderIdOf(body.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void theAnswerIsWhatJacksonWritesOfTheSameMap() throws Exception {
        Map<String, String> notCanceled = new LinkedHashMap<>();
        notCanceled.put("0x1", "Order not found or already canceled");
        notCanceled.put("0x2", "quote \" and \\ and \u00e9");
        CancelReport report = new CancelReport(List.of(ID, "0x3"), notCanceled);
        Map<String, Object> asMap = new LinkedHashMap<>();
        asMap.put("canceled", report.canceled());
        asMap.put("not_canceled", report.notCanceled());

        assertThat(ExchangeApi.answerJson(report)).isEqualTo(WireJson.MAPPER.writeValueAsBytes(asMap));
        assertThat(new String(ExchangeApi.answerJson(new CancelReport(List.of(), Map.of())), StandardCharsets.UTF_8))
                .isEqualTo("{\"canceled\":[],\"not_canceled\":{}}");
    }
}
