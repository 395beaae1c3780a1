package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.SimulatorFixture.ALICE;
import static dev.clobcancel.simulator.SimulatorFixture.BOB;
import static dev.clobcancel.simulator.SimulatorFixture.MARKET;
import static dev.clobcancel.simulator.SimulatorFixture.NOW;
import static dev.clobcancel.simulator.SimulatorFixture.TOKEN;
import static dev.clobcancel.simulator.assertj.SimulatorAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.exchange.OrderRequest;
import dev.clobcancel.simulator.exchange.OrderType;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.simulator.journal.SimEvent;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import dev.clobcancel.simulator.time.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A GTD order that reaches its expiration leaves the book by the simulator's own doing: an event, not a request. */
class GtdExpiryEventTest extends ExchangeTestBase {

    static final ManualClock CLOCK = ManualClock.at(Instant.ofEpochSecond(NOW));

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClockBuilder().clock(CLOCK).build());

    private int ids;

    @BeforeEach
    void listTheMarket() {
        sim.markets().add(MARKET, List.of(TOKEN));
    }

    /** A resting GTD buy of {@code owner} expiring {@code inSeconds} from now; its id. */
    private String gtd(String owner, long inSeconds) {
        String id = "0x" + String.format("%064x", ++ids + 0xabc0);
        sim.orders().submit(OrderRequest.limit(id, owner, TOKEN, Side.BUY, new BigDecimal("0.40"), BigDecimal.TEN)
                .withType(OrderType.GTD).withExpiration(CLOCK.instant().getEpochSecond() + inSeconds));
        return id;
    }

    @Test
    void expiredOrdersAreLoggedPerAccountAmongTheSimulatorsEventsNotItsRequests() {
        String alicesFirst = gtd(ALICE.apiKey(), 600);
        String alicesSecond = gtd(ALICE.apiKey(), 601);
        String bobs = gtd(BOB.apiKey(), 600);
        String alicesLater = gtd(ALICE.apiKey(), 3600);
        sim.clearJournal();

        CLOCK.advance(Duration.ofSeconds(545)); // both of the 600 s ones and the 601 s one are within the exchange's minute
        assertThat(sim).hasOrderCanceled(OrderId.of(alicesFirst)).hasOrderCanceled(OrderId.of(bobs))
                .hasOrderCanceled(OrderId.of(alicesSecond)).hasOrderLive(OrderId.of(alicesLater));

        assertThat(sim.events()).extracting(SimEvent::kind).containsOnly(SimEvent.Kind.GTD_EXPIRY);
        assertThat(sim.events()).filteredOn(e -> e.apiKey().equals(ALICE.apiKey())).singleElement().satisfies(event -> {
            assertThat(event.orderIds()).containsExactly(alicesFirst, alicesSecond);
            assertThat(event.description()).isEqualTo("GTD orders expired: 2 left the book");
            assertThat(event.time()).isEqualTo(CLOCK.instant());
        });
        assertThat(sim.events()).filteredOn(e -> e.apiKey().equals(BOB.apiKey())).singleElement()
                .satisfies(event -> assertThat(event.orderIds()).containsExactly(bobs));
        assertThat(sim).receivedNoRequests();
    }

    @Test
    void theAdminApiNamesTheKindAndTheIdsWithoutASecret() {
        String alices = gtd(ALICE.apiKey(), 600);
        CLOCK.advance(Duration.ofSeconds(600));
        assertThat(sim).hasOrderCanceled(OrderId.of(alices));

        JsonNode expiry = TestHttp.json(http.get("/_sim/events")).get(0);

        assertThat(expiry.get("kind").asText()).isEqualTo("gtd-expiry");
        assertThat(expiry.get("apiKey").asText()).isEqualTo(ALICE.apiKey());
        assertThat(expiry.get("orderIds")).extracting(JsonNode::asText).containsExactly(alices);
        assertThat(http.get("/_sim/events").body()).doesNotContain(ALICE.secret(), ALICE.passphrase());
    }
}
