package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.OrderSpec.order;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE;
import static dev.clobcancel.simulator.SimulatorFixture.MARKET;
import static dev.clobcancel.simulator.SimulatorFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.exchange.OrderView;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Orders placed from a fluent spec, by {@link OrderId}; a spec that could not be an order names its bad field. */
class OrderSpecTest {

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClock());

    private final OrderSpec alices = order().owner(ALICE.apiKey()).market(MARKET).asset(TOKEN);
    private ClobSimulator sim;

    @BeforeEach
    void accounts(ClobSimulator sim) {
        this.sim = sim;
        SimulatorFixture.addAccounts(sim);
    }

    @Test
    void placesALiveOrderAsSpecifiedAndReturnsItsId() {
        OrderId id = sim.place(alices.buy().price("0.45").size("10"));

        OrderView placed = sim.order(id).orElseThrow();
        assertThat(placed.id()).isEqualTo(id.value());
        assertThat(placed.owner()).isEqualTo(ALICE.apiKey());
        assertThat(placed.side()).isEqualTo(Side.BUY);
        assertThat(placed.price()).isEqualTo(new BigDecimal("0.45"));
        assertThat(placed.size()).isEqualTo(new BigDecimal("10"));
        assertThat(placed.status()).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void aSpecIsImmutableSoOneBaseMakesManyOrders() {
        OrderSpec base = alices.sell().price("0.6");

        List<OrderId> ids = sim.orders().placeAll(List.of(base.size("1"), base.size("2")));

        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        assertThat(sim.orders().open(ALICE.apiKey())).extracting(OrderView::size)
                .containsExactly(new BigDecimal("1"), new BigDecimal("2"));
    }

    @Test
    void aGivenIdIsKeptAndADelayedOrderWaitsByTheSimulatorsClock() {
        OrderId given = OrderId.of("0x" + "ab".repeat(32));

        OrderId id = sim.place(alices.id(given).buy().price("0.5").size("1").delayed(Duration.ofSeconds(5)));

        assertThat(id).isEqualTo(given);
        assertThat(sim.order(id)).map(OrderView::status).contains(OrderStatus.DELAYED);
    }

    @Test
    void fillAndCancelTakeTheTypedId() {
        OrderId filled = sim.place(alices.buy().price("0.5").size("10"));
        OrderId canceled = sim.place(alices.buy().price("0.4").size("10"));

        sim.orders().fill(filled, new BigDecimal("4"));
        sim.orders().cancel(ALICE.apiKey(), List.of(canceled));

        assertThat(sim.order(filled)).map(OrderView::sizeMatched).contains(new BigDecimal("4"));
        assertThat(sim.order(canceled)).map(OrderView::status).contains(OrderStatus.CANCELED);
    }

    @Test
    void aMalformedSpecNamesTheField() {
        assertThatThrownBy(() -> alices.price("cheap")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("price must be a decimal, not \"cheap\"");
        assertThatThrownBy(() -> alices.price("1.5")).hasMessage("price must be above 0 and below 1, not 1.5");
        assertThatThrownBy(() -> alices.size("0")).hasMessage("size must be above 0, not 0");
        assertThatThrownBy(() -> alices.size("ten")).hasMessage("size must be a decimal, not \"ten\"");
        assertThatThrownBy(() -> alices.market(" ")).hasMessage("market must not be blank");
        assertThatThrownBy(() -> alices.delayed(Duration.ZERO)).hasMessage("delay must be positive, not PT0S");
        assertThatThrownBy(() -> sim.place(alices.price("0.5").size("1"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("side (buy() or sell()) is required in an order spec");
        assertThatThrownBy(() -> sim.place(order().owner(ALICE.apiKey()).market(MARKET).buy().price("0.5").size("1")))
                .hasMessage("asset is required in an order spec");
        assertThat(sim.orders().open(ALICE.apiKey())).isEmpty();
    }
}
