package dev.clobcancel.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clobcancel.domain.auth.L2Signature;
import dev.clobcancel.domain.model.MarketCancel;
import dev.clobcancel.domain.model.OrderId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bodies the client sends are the official TypeScript client's, byte for byte, and so are the
 * signatures over them: checked against the vectors it computed ({@code shared/vectors/l2-hmac.json}).
 */
class WireBytesTest {

    record Vector(String what, String secret, long timestamp, String method, String requestPath, String body,
                  String signature) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Vector> vectors(String requestPath) throws IOException {
        return vectors("DELETE", requestPath);
    }

    static Stream<Vector> vectors(String method, String requestPath) throws IOException {
        Path root = Path.of(System.getProperty("repo.root", ".."));
        Path file = root.resolve("../shared/vectors/l2-hmac.json").normalize();
        if (!Files.exists(file)) {
            file = Path.of("../../shared/vectors/l2-hmac.json").toAbsolutePath().normalize();
        }
        List<Vector> out = new ArrayList<>();
        for (JsonNode c : new ObjectMapper().readTree(file.toFile()).get("cases")) {
            if (c.get("method").asText().equals(method) && c.get("requestPath").asText().equals(requestPath)) {
                out.add(new Vector(c.get("what").asText(), c.get("secret").asText(), c.get("timestamp").asLong(), method,
                        requestPath, c.get("body").isNull() ? null : c.get("body").asText(), c.get("signature").asText()));
            }
        }
        assertThat(out).as("vectors for %s %s", method, requestPath).isNotEmpty();
        return out.stream();
    }

    static Stream<Vector> orderVectors() throws IOException {
        // The ids of these vectors are well-formed; others (non-ASCII on purpose) test signing alone.
        return vectors("/order").filter(v -> OrderId.isValid(orderIdIn(v.body())));
    }

    static Stream<Vector> batchVectors() throws IOException {
        return vectors("/orders");
    }

    static Stream<Vector> cancelAllVectors() throws IOException {
        return vectors("/cancel-all");
    }

    static Stream<Vector> marketVectors() throws IOException {
        return vectors("/cancel-market-orders");
    }

    static Stream<Vector> heartbeatVectors() throws IOException {
        return vectors("POST", HeartbeatRequests.PATH);
    }

    private static String orderIdIn(String body) {
        try {
            return new ObjectMapper().readTree(body).get("orderID").asText();
        } catch (IOException e) {
            throw new IllegalArgumentException(body, e);
        }
    }

    private static void assertSignedAsTheVector(Vector v, byte[] ours) {
        String signature = L2Signature.forSecret(v.secret()).sign(v.timestamp(), v.method(), v.requestPath(), ours);
        assertThat(signature).isEqualTo(v.signature());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orderVectors")
    void cancelOrderSendsTheOfficialBody(Vector v) {
        byte[] ours = CancelRequests.orderBody(OrderId.of(orderIdIn(v.body())));

        assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(v.body());
        assertSignedAsTheVector(v, ours);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batchVectors")
    void cancelOrdersSendsTheOfficialBody(Vector v) throws IOException {
        List<OrderId> ids = new ArrayList<>();
        new ObjectMapper().readTree(v.body()).forEach(id -> ids.add(OrderId.of(id.asText())));

        List<List<String>> batches = CancelRequests.batches(ids);
        byte[] ours = CancelRequests.batchBody(batches.get(0));

        assertThat(batches).hasSize(1);
        assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(v.body());
        assertSignedAsTheVector(v, ours);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cancelAllVectors")
    void cancelAllSendsNoBodyAndSignsNothingAfterThePath(Vector v) {
        assertThat(v.body()).isNull();
        assertSignedAsTheVector(v, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("marketVectors")
    void cancelMarketOrdersSendsTheOfficialBody(Vector v) throws IOException {
        JsonNode json = new ObjectMapper().readTree(v.body());
        byte[] ours = CancelRequests.marketBody(MarketCancel.of(json.get("market").asText(), json.get("asset_id").asText()));

        assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(v.body());
        assertSignedAsTheVector(v, ours);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heartbeatVectors")
    void aHeartbeatStartingAChainSendsTheOfficialBody(Vector v) {
        byte[] ours = HeartbeatRequests.body(null);

        assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(v.body());
        assertSignedAsTheVector(v, ours);
    }

    @Test
    void aHeartbeatContinuingAChainNamesTheLastIdAsTheOfficialClientDoes() {
        assertThat(new String(HeartbeatRequests.body("hb-1"), StandardCharsets.UTF_8)).isEqualTo("{\"heartbeat_id\":\"hb-1\"}");
    }

    @Test
    void aMarketCancelLeavesOutTheKeyNotGiven() {
        assertThat(new String(CancelRequests.marketBody(MarketCancel.market("0xabc")), StandardCharsets.UTF_8))
                .isEqualTo("{\"market\":\"0xabc\"}");
        assertThat(new String(CancelRequests.marketBody(MarketCancel.asset("123")), StandardCharsets.UTF_8))
                .isEqualTo("{\"asset_id\":\"123\"}");
    }

    @Test
    void aBatchListsEachOrderOnceInTheOrderGivenWhateverTheCaseOfItsHex() {
        OrderId a = OrderId.of("0x" + "ab".repeat(32));
        OrderId upperA = OrderId.of("0x" + "AB".repeat(32));
        OrderId b = OrderId.of("0x" + "cd".repeat(32));

        assertThat(CancelRequests.batches(List.of(a, b, upperA, a))).containsExactly(List.of(a.value(), b.value()));
    }

    @Test
    void aBatchOfMoreThan3000IsCutIntoRequestsOfAt3000Most() {
        List<OrderId> ids = new ArrayList<>();
        for (int i = 0; i < 6001; i++) {
            ids.add(OrderId.of(String.format("0x%064x", i)));
        }

        assertThat(CancelRequests.batches(ids)).extracting(List::size).containsExactly(3000, 3000, 1);
    }
}
