package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.SimulatorFixture.ALICE;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.MARKET;
import static dev.clobcancel.simulator.SimulatorFixture.NOW;
import static dev.clobcancel.simulator.SimulatorFixture.TOKEN;
import static dev.clobcancel.simulator.SimulatorFixture.liveOrderOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /ws/market}: the book on subscribing, a price change per change of a level, trade prices and books after fills. */
class MarketChannelTest extends ExchangeTestBase {

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClock());

    static Vertx vertx;

    @BeforeAll
    static void startClient() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopClient() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void subscribingSendsTheBookOfEachListedAsset() {
        liveOrderOf(sim, ALICE);
        sim.placeOrder(ALICE.apiKey(), MARKET, TOKEN, Side.SELL, "0.6", "3");
        try (TestChannel channel = TestChannel.market(vertx, sim, TOKEN, "999")) {
            JsonNode book = channel.next();

            assertThat(book.get("event_type").asText()).isEqualTo("book");
            assertThat(book.get("asset_id").asText()).isEqualTo(TOKEN);
            assertThat(book.get("market").asText()).isEqualTo(MARKET);
            assertThat(book.get("bids")).extracting(l -> l.get("price").asText() + "x" + l.get("size").asText()).containsExactly("0.5x10");
            assertThat(book.get("asks")).extracting(l -> l.get("price").asText() + "x" + l.get("size").asText()).containsExactly("0.6x3");
            assertThat(book.get("hash").asText()).isEqualTo(sim.exchange().book(TOKEN).orElseThrow().hash());
            assertThat(book.get("timestamp").asText()).isEqualTo(Long.toString(NOW * 1000));
            assertThat(channel.waiting()).as("no book for an asset not listed").isEmpty();
        }
    }

    @Test
    void aPlacementAndACancelEachSendAPriceChangeWithTheBestPrices() {
        sim.placeOrder(ALICE.apiKey(), MARKET, TOKEN, Side.SELL, "0.6", "3");
        try (TestChannel channel = TestChannel.market(vertx, sim, TOKEN)) {
            channel.next();
            String id = liveOrderOf(sim, ALICE);
            http.signed(ALICE_SIGNS, NOW, "DELETE", "/order", SimulatorFixture.cancelBody(id));

            List<JsonNode> changes = channel.next(2);

            assertThat(changes).extracting(e -> e.get("event_type").asText()).containsOnly("price_change");
            JsonNode placed = changes.get(0).get("price_changes").get(0);
            assertThat(List.of(placed.get("asset_id").asText(), placed.get("side").asText(), placed.get("price").asText(),
                    placed.get("size").asText(), placed.get("best_bid").asText(), placed.get("best_ask").asText()))
                    .containsExactly(TOKEN, "BUY", "0.5", "10", "0.5", "0.6");
            JsonNode canceled = changes.get(1).get("price_changes").get(0);
            assertThat(List.of(canceled.get("size").asText(), canceled.get("best_bid").asText(), canceled.get("best_ask").asText()))
                    .as("the level is gone; no bid is shown as 0").containsExactly("0", "0", "0.6");
            assertThat(changes.get(0).get("market").asText()).isEqualTo(MARKET);
        }
    }

    @Test
    void aFillSendsTheLastTradePriceAndThenTheBook() {
        String id = liveOrderOf(sim, ALICE);
        try (TestChannel channel = TestChannel.market(vertx, sim, TOKEN)) {
            channel.next();
            sim.exchange().match(id, new BigDecimal("4"));

            List<JsonNode> events = channel.next(3);

            assertThat(events).extracting(e -> e.get("event_type").asText()).containsExactly("price_change", "last_trade_price", "book");
            assertThat(List.of(events.get(1).get("price").asText(), events.get(1).get("size").asText(), events.get(1).get("side").asText()))
                    .containsExactly("0.5", "4", "BUY");
            assertThat(events.get(2).get("bids")).extracting(l -> l.get("size").asText()).containsExactly("6");
        }
    }

    @Test
    void operationsAddAndRemoveAssets() {
        try (TestChannel channel = TestChannel.market(vertx, sim)) {
            liveOrderOf(sim, ALICE);
            channel.send("{\"operation\":\"subscribe\",\"assets_ids\":[\"" + TOKEN + "\"]}");
            assertThat(channel.next().get("event_type").asText()).isEqualTo("book");

            channel.send("{\"operation\":\"unsubscribe\",\"assets_ids\":[\"" + TOKEN + "\"]}");
            channel.roundTrip();
            liveOrderOf(sim, ALICE);
            channel.roundTrip();

            assertThat(channel.waiting()).isEmpty();
            assertThat(sim.channels().subscriptions()).isZero();
        }
    }
}
