package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.OrderSpec.order;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.BOB;
import static dev.clobcancel.simulator.SimulatorFixture.MARKET;
import static dev.clobcancel.simulator.SimulatorFixture.NOW;
import static dev.clobcancel.simulator.SimulatorFixture.TOKEN;
import static dev.clobcancel.simulator.SimulatorFixture.liveOrderOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.simulator.exchange.OrderRequest;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /ws/market}: the book on subscribing, a price change per change of a level, trade prices and books after fills. */
class MarketChannelTest extends ChannelTestBase {

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClock());

    @Test
    void subscribingSendsTheBookOfEachListedAsset() {
        liveOrderOf(sim, ALICE);
        sim.place(order().owner(ALICE.apiKey()).market(MARKET).asset(TOKEN).sell().price("0.6").size("3"));
        try (TestChannel channel = TestChannel.market(vertx, sim, TOKEN, "999")) {
            JsonNode book = channel.next();

            assertThat(book.get("event_type").asText()).isEqualTo("book");
            assertThat(book.get("asset_id").asText()).isEqualTo(TOKEN);
            assertThat(book.get("market").asText()).isEqualTo(MARKET);
            assertThat(book.get("bids")).extracting(l -> l.get("price").asText() + "x" + l.get("size").asText()).containsExactly("0.5x10");
            assertThat(book.get("asks")).extracting(l -> l.get("price").asText() + "x" + l.get("size").asText()).containsExactly("0.6x3");
            assertThat(book.get("hash").asText()).isEqualTo(sim.markets().book(TOKEN).orElseThrow().hash());
            assertThat(book.get("timestamp").asText()).isEqualTo(Long.toString(NOW * 1000));
            assertThat(channel.waiting()).as("no book for an asset not listed").isEmpty();
        }
    }

    @Test
    void aPlacementAndACancelEachSendAPriceChangeWithTheBestPrices() {
        sim.place(order().owner(ALICE.apiKey()).market(MARKET).asset(TOKEN).sell().price("0.6").size("3"));
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
    void aTradeSendsTheLastTradePriceAndThenTheBook() {
        liveOrderOf(sim, ALICE);
        try (TestChannel channel = TestChannel.market(vertx, sim, TOKEN)) {
            channel.next();
            sim.submit(OrderRequest.limit(SimulatorFixture.TAKER_ID, BOB.apiKey(), TOKEN, Side.SELL, new BigDecimal("0.5"), new BigDecimal("6")));

            List<JsonNode> events = new ArrayList<>();
            do {
                events.add(channel.next());
            } while (!events.get(events.size() - 1).get("event_type").asText().equals("book"));

            JsonNode price = events.get(events.size() - 2);
            assertThat(price.get("event_type").asText()).isEqualTo("last_trade_price");
            assertThat(List.of(price.get("price").asText(), price.get("size").asText(), price.get("side").asText()))
                    .containsExactly("0.5", "6", "SELL");
            assertThat(events.get(events.size() - 1).get("bids")).extracting(l -> l.get("size").asText()).containsExactly("4");
            assertThat(events.subList(0, events.size() - 2)).extracting(e -> e.get("event_type").asText()).containsOnly("price_change");
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
