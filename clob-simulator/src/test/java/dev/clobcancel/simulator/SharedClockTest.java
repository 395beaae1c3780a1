package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.SimulatorFixture.ALICE;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.NOW;
import static dev.clobcancel.simulator.assertj.SimulatorAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.time.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A manual clock shared by several simulators: each tells it when it moves, until closed. A
 * closed simulator lets go of the clock, so a long-lived clock neither keeps it alive nor wakes it.
 */
class SharedClockTest {

    /** Alice's order, with her heartbeat armed: a move past the window cancels it, if the simulator hears the move. */
    private static OrderId armedOrderOf(ClobSimulator sim, ManualClock clock) {
        SimulatorFixture.addAccounts(sim);
        OrderId id = OrderId.of(SimulatorFixture.liveOrderOf(sim, ALICE));
        HttpResponse<String> beat = new TestHttp(sim.baseUri())
                .signed(ALICE_SIGNS, clock.instant().getEpochSecond(), "POST", "/v1/heartbeats", "{\"heartbeat_id\":\"\"}");
        assertThat(beat.statusCode()).as(beat.body()).isEqualTo(200);
        return id;
    }

    @Test
    void aClosedSimulatorIsNoLongerToldOfTheClockAndOnlyTheLiveOneActs() {
        ManualClock clock = ManualClock.at(Instant.ofEpochSecond(NOW));
        SimulatorOptions options = SimulatorFixture.stoppedClockBuilder().clock(clock).build();
        try (ClobSimulator live = ClobSimulator.start(options); ClobSimulator closed = ClobSimulator.start(options)) {
            OrderId livesOrder = armedOrderOf(live, clock);
            OrderId closedsOrder = armedOrderOf(closed, clock);
            assertThat(clock.listenerCount()).as("one listener per simulator").isEqualTo(2);

            closed.close();
            clock.advance(Duration.ofSeconds(11));

            assertThat(clock.listenerCount()).as("the closed simulator's listener is gone").isEqualTo(1);
            assertThat(live).hasOrderCanceled(livesOrder);
            assertThat(closed).as("the closed simulator heard nothing").hasOrderLive(closedsOrder);
        }
        assertThat(clock.listenerCount()).isZero();
    }
}
