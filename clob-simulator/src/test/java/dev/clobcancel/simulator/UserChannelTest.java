package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.OrderSpec.order;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_ADDRESS;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.BOB;
import static dev.clobcancel.simulator.SimulatorFixture.MARKET;
import static dev.clobcancel.simulator.SimulatorFixture.TOKEN;
import static dev.clobcancel.simulator.SimulatorFixture.liveOrderOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.exchange.OrderRequest;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import dev.clobcancel.simulator.time.ManualClock;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /ws/user}: a client's own order events, for every change whatever caused it. */
class UserChannelTest extends ChannelTestBase {

    static final ManualClock CLOCK = ManualClock.at(Instant.ofEpochSecond(SimulatorFixture.NOW));
    static final String OTHER_MARKET = "0x" + "7a".repeat(32);

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClockBuilder().clock(CLOCK).build());

    private HttpResponse<String> alice(String path, String body) {
        return http.signed(ALICE_SIGNS, CLOCK.instant().getEpochSecond(), "DELETE", path, body);
    }

    @Test
    void aPlacedOrderComesAsAPlacementWithTheExchangesFields() {
        try (TestChannel channel = TestChannel.user(vertx, sim, ALICE)) {
            String id = liveOrderOf(sim, ALICE);

            JsonNode event = channel.next();

            assertThat(event.get("event_type").asText()).isEqualTo("order");
            assertThat(event.get("type").asText()).isEqualTo("PLACEMENT");
            assertThat(event.get("id").asText()).isEqualTo(id);
            assertThat(event.get("owner").asText()).isEqualTo(ALICE.apiKey());
            assertThat(event.get("market").asText()).isEqualTo(MARKET);
            assertThat(event.get("asset_id").asText()).isEqualTo(TOKEN);
            assertThat(event.get("side").asText()).isEqualTo("BUY");
            assertThat(event.get("original_size").asText()).isEqualTo("10");
            assertThat(event.get("size_matched").asText()).isEqualTo("0");
            assertThat(event.get("price").asText()).isEqualTo("0.5");
            assertThat(event.get("associate_trades").isArray()).isTrue();
            assertThat(event.get("order_type").asText()).isEqualTo("GTC");
            assertThat(event.get("status").asText()).isEqualTo("LIVE");
            assertThat(event.get("created_at").asText()).isEqualTo(Long.toString(SimulatorFixture.NOW));
            assertThat(event.get("expiration").asText()).isEqualTo("0");
            assertThat(event.get("maker_address").asText()).isEqualTo(ALICE_ADDRESS.value());
            assertThat(event.get("timestamp").asText()).isEqualTo(Long.toString(CLOCK.millis()));
        }
    }

    @Test
    void deleteOrderSendsACancellation() {
        String id = liveOrderOf(sim, ALICE);
        try (TestChannel channel = TestChannel.user(vertx, sim, ALICE)) {
            assertThat(alice("/order", SimulatorFixture.cancelBody(id)).statusCode()).isEqualTo(200);

            JsonNode event = channel.next();

            assertThat(event.get("type").asText()).isEqualTo("CANCELLATION");
            assertThat(event.get("id").asText()).isEqualTo(id);
            assertThat(event.get("status").asText()).isEqualTo("CANCELED");
        }
    }

    @Test
    void aBatchCancelAllAndAMarketCancelEachSendACancellationPerOrder() {
        String first = liveOrderOf(sim, ALICE);
        String second = liveOrderOf(sim, ALICE);
        String third = liveOrderOf(sim, ALICE);
        String fourth = liveOrderOf(sim, ALICE);
        try (TestChannel channel = TestChannel.user(vertx, sim, ALICE)) {
            alice("/orders", TestChannel.array(first));
            alice("/cancel-market-orders", "{\"market\":\"" + MARKET + "\",\"asset_id\":\"" + TOKEN + "\"}");
            assertThat(channel.next(3)).extracting(e -> e.get("type").asText() + " " + e.get("id").asText())
                    .containsExactly("CANCELLATION " + first, "CANCELLATION " + second, "CANCELLATION " + third);
            String fifth = liveOrderOf(sim, ALICE);
            alice("/cancel-all", null);

            assertThat(channel.next(3)).extracting(e -> e.get("type").asText() + " " + e.get("id").asText())
                    .containsExactly("CANCELLATION " + fourth, "PLACEMENT " + fifth, "CANCELLATION " + fifth);
        }
    }

    @Test
    void aLapsedHeartbeatSendsTheCancellations() {
        String id = liveOrderOf(sim, ALICE);
        try (TestChannel channel = TestChannel.user(vertx, sim, ALICE)) {
            http.signed(ALICE_SIGNS, CLOCK.instant().getEpochSecond(), "POST", "/v1/heartbeats", "{\"heartbeat_id\":null}");

            CLOCK.advance(Duration.ofSeconds(11));

            JsonNode event = channel.next();
            assertThat(event.get("type").asText()).isEqualTo("CANCELLATION");
            assertThat(event.get("id").asText()).isEqualTo(id);
        }
    }

    @Test
    void aFillSendsAnUpdateWithTheMatchedSize() {
        String id = liveOrderOf(sim, ALICE);
        try (TestChannel channel = TestChannel.user(vertx, sim, ALICE)) {
            sim.orders().fill(OrderId.of(id), new BigDecimal("4"));
            sim.orders().fill(OrderId.of(id));

            assertThat(channel.next(2)).extracting(e -> e.get("type").asText() + " " + e.get("size_matched").asText()
                    + " " + e.get("status").asText()).containsExactly("UPDATE 4 LIVE", "UPDATE 10 MATCHED");
        }
    }

    @Test
    void aTradeSendsTheMakersUpdateAndTheTradeToEachSide() {
        String id = liveOrderOf(sim, ALICE);
        try (TestChannel alice = TestChannel.user(vertx, sim, ALICE); TestChannel bob = TestChannel.user(vertx, sim, BOB)) {
            String taker = sim.submit(OrderRequest.limit(SimulatorFixture.TAKER_ID, BOB.apiKey(), TOKEN, Side.SELL,
                    new BigDecimal("0.5"), new BigDecimal("6"))).orderId();

            List<JsonNode> alices = alice.next(2);
            assertThat(alices.get(0).get("type").asText() + " " + alices.get(0).get("size_matched").asText()).isEqualTo("UPDATE 6");
            JsonNode trade = alices.get(1);
            assertThat(trade.get("event_type").asText()).isEqualTo("trade");
            assertThat(trade.get("type").asText()).isEqualTo("TRADE");
            assertThat(trade.get("taker_order_id").asText()).isEqualTo(taker);
            assertThat(trade.get("owner").asText()).isEqualTo(ALICE.apiKey());
            assertThat(trade.get("trader_side").asText()).isEqualTo("MAKER");
            assertThat(trade.get("maker_orders").get(0).get("order_id").asText()).isEqualTo(id);
            assertThat(trade.get("maker_orders").get(0).get("matched_amount").asText()).isEqualTo("6");
            assertThat(alices.get(0).get("associate_trades")).extracting(JsonNode::asText).containsExactly(trade.get("id").asText());
            JsonNode bobsTrade = bob.next(3).get(2);
            assertThat(bobsTrade.get("trader_side").asText()).isEqualTo("TAKER");
            assertThat(bobsTrade.get("id").asText()).isEqualTo(trade.get("id").asText());
        }
    }

    @Test
    void aSubscriberHearsOnlyItsOwnOrders() {
        try (TestChannel channel = TestChannel.user(vertx, sim, ALICE)) {
            liveOrderOf(sim, BOB);
            String alices = liveOrderOf(sim, ALICE);

            assertThat(channel.next().get("id").asText()).isEqualTo(alices);
        }
    }

    @Test
    void aSubscriberHearsOnlyTheMarketsItNamesAndChangesThemWithOperations() {
        try (TestChannel channel = TestChannel.user(vertx, sim, ALICE, OTHER_MARKET)) {
            liveOrderOf(sim, ALICE);
            channel.roundTrip();
            assertThat(channel.waiting()).isEmpty();

            channel.send("{\"operation\":\"subscribe\",\"markets\":[\"" + MARKET + "\"]}");
            channel.roundTrip();
            String heard = liveOrderOf(sim, ALICE);
            assertThat(channel.next().get("id").asText()).isEqualTo(heard);

            channel.send("{\"operation\":\"unsubscribe\",\"markets\":[\"" + MARKET + "\"]}");
            channel.roundTrip();
            liveOrderOf(sim, ALICE);
            String other = sim.place(order().owner(ALICE.apiKey()).market(OTHER_MARKET).asset("111").sell().price("0.6").size("5")).value();
            assertThat(channel.next().get("id").asText()).isEqualTo(other);
        }
    }

    @Test
    void pingIsAnsweredPong() {
        try (TestChannel channel = TestChannel.open(vertx, sim.userChannelUri())) {
            channel.send("PING");

            assertThat(channel.nextText()).isEqualTo("PONG");
        }
    }

    @Test
    void unknownCredentialsCloseTheConnectionNamingTheCheckAndNoSecret() {
        TestChannel channel = TestChannel.open(vertx, sim.userChannelUri());
        channel.send("{\"auth\":{\"apiKey\":\"" + ALICE.apiKey() + "\",\"secret\":\"" + BOB.secret()
                + "\",\"passphrase\":\"" + ALICE.passphrase() + "\"},\"type\":\"user\"}");

        TestChannel.Closed closed = channel.awaitClose();

        assertThat(closed.code()).isEqualTo((short) 1008);
        assertThat(closed.reason()).isEqualTo("Invalid API key: wrong secret for this API key")
                .doesNotContain(BOB.secret()).doesNotContain(ALICE.secret());
        assertThat(sim.channels().subscriptions()).isZero();
    }

    @Test
    void aMalformedMessageIsAnsweredInvalidOperationAndTheConnectionClosed() {
        TestChannel channel = TestChannel.open(vertx, sim.userChannelUri());
        channel.send("{\"type\":\"user\",\"markets\":\"not an array\"}");

        assertThat(channel.nextText()).isEqualTo("INVALID OPERATION");
        TestChannel.Closed closed = channel.awaitClose();
        assertThat(closed.code()).isEqualTo((short) 1008);
        assertThat(closed.reason()).isEqualTo("INVALID OPERATION: markets must be an array of strings");
    }

    @Test
    void aSecondSubscriptionIsAnInvalidOperation() {
        try (TestChannel channel = TestChannel.user(vertx, sim, ALICE)) {
            channel.send("{\"auth\":{},\"type\":\"user\"}");

            assertThat(channel.nextText()).isEqualTo("INVALID OPERATION");
            assertThat(channel.awaitClose().reason()).contains("already subscribed");
        }
    }

    @Test
    void anOperationBeforeSubscribingIsAnInvalidOperation() {
        TestChannel channel = TestChannel.open(vertx, sim.userChannelUri());
        channel.send("{\"operation\":\"subscribe\",\"markets\":[]}");

        assertThat(channel.nextText()).isEqualTo("INVALID OPERATION");
        assertThat(channel.awaitClose().reason()).contains("subscribe first");
    }

    @Test
    void otherPathsAreNotChannels() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestChannel.open(vertx, sim.baseUri().resolve("/ws/other")))
                .hasMessageContaining("404");
    }
}
