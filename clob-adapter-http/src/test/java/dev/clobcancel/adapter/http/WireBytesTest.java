package dev.clobcancel.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clobcancel.domain.auth.L2Signature;
import dev.clobcancel.domain.model.MarketCancel;
import dev.clobcancel.domain.model.OrderId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bodies the client sends are the official TypeScript client's, byte for byte, and so are the
 * signatures over them: checked against the vectors it computed ({@code interop/vectors.mjs} wrote them into
 * {@code clob-domain/src/test/resources/vectors/l2-hmac.json}).
 */
class WireBytesTest {

    record Vector(String what, String secret, long timestamp, String method, String requestPath, String body,
                  String signature) {
        @Override
        public String toString() {
            return what;
        }
    }

    /** clob-domain's test resource (this module's test classpath holds it too, see the pom). */
    static final String VECTORS = "/vectors/l2-hmac.json";

    static Stream<Vector> vectors(String requestPath) throws IOException {
        return vectors("DELETE", requestPath);
    }

    static Stream<Vector> vectors(String method, String requestPath) throws IOException {
        JsonNode cases;
        try (InputStream in = WireBytesTest.class.getResourceAsStream(VECTORS)) {
            assertThat(in).as("the official clients' vectors on the test classpath, %s", VECTORS).isNotNull();
            cases = new ObjectMapper().readTree(in).get("cases");
        }
        List<Vector> out = new ArrayList<>();
        for (JsonNode c : cases) {
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

    /** Heartbeats with {@code "heartbeat_id"} {@code ""}: how a chain starts, as the V2 client sends it. */
    static Stream<Vector> chainStartVectors() throws IOException {
        return vectors("POST", HeartbeatRequests.PATH).filter(v -> heartbeatIdIn(v.body()).asText("-").isEmpty());
    }

    /** Heartbeats naming the id the last answer gave: how a chain goes on. */
    static Stream<Vector> chainContinuedVectors() throws IOException {
        return vectors("POST", HeartbeatRequests.PATH).filter(v -> !heartbeatIdIn(v.body()).asText("").isEmpty());
    }

    private static JsonNode heartbeatIdIn(String body) {
        try {
            return new ObjectMapper().readTree(body).get("heartbeat_id");
        } catch (IOException e) {
            throw new IllegalArgumentException(body, e);
        }
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

        List<List<OrderId>> batches = CancelRequests.batches(ids);
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
    @MethodSource("chainStartVectors")
    void aHeartbeatStartingAChainSendsTheOfficialBody(Vector v) {
        byte[] ours = HeartbeatRequests.body(null);

        assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(v.body());
        assertSignedAsTheVector(v, ours);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chainContinuedVectors")
    void aHeartbeatContinuingAChainNamesTheLastIdAsTheOfficialClientDoes(Vector v) {
        byte[] ours = HeartbeatRequests.body(heartbeatIdIn(v.body()).asText());

        assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(v.body());
        assertSignedAsTheVector(v, ours);
    }

    @Test
    void theOrdersAreListedWithTheOfficialClientsQuery() {
        // getOpenOrders of @polymarket/clob-client-v2 1.1.0: {...params, next_cursor}, encoded by axios.
        assertThat(OpenOrders.query(null, OpenOrders.FIRST_CURSOR)).isEqualTo("?next_cursor=MA%3D%3D");
        assertThat(OpenOrders.query(MarketCancel.of("0xabc", "123"), "MTAw"))
                .isEqualTo("?market=0xabc&asset_id=123&next_cursor=MTAw");
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

        assertThat(CancelRequests.batches(List.of(a, b, upperA, a))).containsExactly(List.of(a, b));
    }

    @Test
    void aBatchOfMoreThan1000IsCutIntoRequestsOf1000AtMost() {
        List<OrderId> ids = new ArrayList<>();
        for (int i = 0; i < 2001; i++) {
            ids.add(OrderId.of(String.format("0x%064x", i)));
        }

        assertThat(CancelRequests.batches(ids)).extracting(List::size).containsExactly(1000, 1000, 1);
    }

    @Test
    void aNullOrEmptyIdStartsAChainWithTheSameBytes() {
        assertThat(HeartbeatRequests.body(null)).isEqualTo(HeartbeatRequests.body(""));
    }
}
