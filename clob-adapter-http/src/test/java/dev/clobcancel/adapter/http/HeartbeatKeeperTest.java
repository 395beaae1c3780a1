package dev.clobcancel.adapter.http;

import static dev.clobcancel.adapter.http.TestSupport.CREDS;
import static dev.clobcancel.adapter.http.TestSupport.failure;
import static dev.clobcancel.adapter.http.TestSupport.liveOrder;
import static dev.clobcancel.adapter.http.TestSupport.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.failure.BadRequestException;
import dev.clobcancel.domain.heartbeat.HeartbeatHealth;
import dev.clobcancel.domain.heartbeat.HeartbeatHealth.State;
import dev.clobcancel.domain.heartbeat.HeartbeatKeeper;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.SimulatorOptions;
import dev.clobcancel.simulator.assertj.SimulatorAssert;
import dev.clobcancel.simulator.faults.FaultAction;
import dev.clobcancel.simulator.faults.FaultRule;
import dev.clobcancel.simulator.journal.JournalEntry;
import dev.clobcancel.simulator.journal.SimEvent;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import dev.clobcancel.simulator.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The keeper against the simulator's dead man's switch. Keeper, client and simulator share one
 * manual clock: the keeper's scheduler moves it on to each heartbeat, the client's moves it on by
 * each retry's delay, and the simulator trips the switch when it passes a chain's deadline.
 */
class HeartbeatKeeperTest {

    private static final ManualClock CLOCK = ManualClock.at(Instant.parse("2026-01-05T12:00:00Z"));
    private static final Duration WINDOW = Duration.ofSeconds(10);

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(
            SimulatorOptions.builder().clock(CLOCK).heartbeatWindow(WINDOW).build());

    private ClobSimulator sim;
    private InstantScheduler retries;
    private StepScheduler steps;
    private ClobHttpClient client;
    private HeartbeatKeeper keeper;
    private final List<HeartbeatHealth> told = new CopyOnWriteArrayList<>();

    @BeforeEach
    void fresh(ClobSimulator sim) {
        this.sim = sim;
        sim.addAccount(CREDS, TestSupport.ADDRESS);
        retries = new InstantScheduler(CLOCK);
        steps = new StepScheduler(CLOCK);
        client = TestSupport.clientOnManualTime(sim, CLOCK, retries).build();
        keeper = HeartbeatKeeper.builder(client).clock(CLOCK).scheduler(steps).listener(told::add).build();
    }

    @AfterEach
    void stop() {
        keeper.stop();
        client.close();
    }

    /** Starts the keeper and waits until its first heartbeat has ended. */
    private void started() throws InterruptedException {
        keeper.start();
        steps.awaitScheduled();
    }

    private List<JournalEntry> heartbeats() {
        return sim.journal().entries(e -> e.path().equals(HeartbeatRequests.PATH));
    }

    @Test
    void keepsTheSwitchArmedAndTheOrdersLiveAcrossManyIntervals() throws Exception {
        OrderId order = liveOrder(sim);
        started();

        for (int i = 0; i < 10; i++) {
            steps.step();
        }

        SimulatorAssert.assertThat(sim).hasOrderLive(order);
        assertThat(steps.delays()).hasSize(10).containsOnly(Duration.ofSeconds(5));
        assertThat(heartbeats()).hasSize(11).extracting(JournalEntry::status).containsOnly(200);
        assertThat(keeper.health().state()).isEqualTo(State.ARMED);
        assertThat(keeper.health().timeLeft()).isEqualTo(WINDOW);
    }

    @Test
    void eachHeartbeatNamesTheIdTheOneBeforeWasAnsweredWith() throws Exception {
        started();
        steps.step();
        steps.step();

        List<String> bodies = heartbeats().stream().map(JournalEntry::body).toList();

        assertThat(bodies.get(0)).isEqualTo("{\"heartbeat_id\":\"\"}");
        assertThat(bodies.subList(1, 3)).allMatch(body -> body.matches("\\{\"heartbeat_id\":\"[0-9a-f]+\"}"));
        assertThat(bodies).doesNotHaveDuplicates();
        assertThat(keeper.health().chainsStarted()).isEqualTo(1);
    }

    static Stream<FaultRule> droppedHeartbeats() {
        return Stream.of(FaultRule.respond(500).build(), FaultRule.of(FaultAction.RESET).build());
    }

    @ParameterizedTest
    @MethodSource("droppedHeartbeats")
    void aDroppedHeartbeatIsSentAgainAndTheSwitchStaysArmed(FaultRule drop) throws Exception {
        OrderId order = liveOrder(sim);
        started();
        sim.faults().add(drop.toBuilder().path(HeartbeatRequests.PATH).times(1).build());

        steps.step();
        steps.step();

        assertThat(retries.delays()).containsExactly(Duration.ofMillis(150));
        assertThat(heartbeats()).extracting(JournalEntry::status).containsExactly(200, drop.status() == null ? 0 : 500, 200, 200);
        assertThat(told).noneMatch(health -> health.consecutiveFailures() > 0);
        assertThat(keeper.health().state()).isEqualTo(State.ARMED);
        SimulatorAssert.assertThat(sim).hasOrderLive(order);
    }

    @Test
    void aRestartOfTheMatchingEngineIsRiddenOut() throws Exception {
        OrderId order = liveOrder(sim);
        started();
        sim.restartFor(Duration.ofSeconds(8));

        steps.step();

        // 425 at 5 s, saying 3 s are left of the restart; answered at 8 s, inside the window of the heartbeat at 0 s.
        assertThat(retries.delays()).containsExactly(Duration.ofSeconds(3));
        assertThat(heartbeats()).extracting(JournalEntry::status).containsExactly(200, 425, 200);
        assertThat(keeper.health().state()).isEqualTo(State.ARMED);
        SimulatorAssert.assertThat(sim).hasOrderLive(order);
    }

    @Test
    void whenTheKeeperGoesQuietTheExchangeCancelsEveryOrderOnceTheWindowHasRunOut() throws Exception {
        OrderId first = liveOrder(sim);
        OrderId second = liveOrder(sim);
        started();
        steps.step();

        keeper.stop(); // as a crash would: no cancel
        CLOCK.advance(Duration.ofSeconds(9));
        SimulatorAssert.assertThat(sim).hasOrderLive(first).hasOrderLive(second);
        CLOCK.advance(Duration.ofSeconds(2));

        SimulatorAssert.assertThat(sim).hasOrderCanceled(first).hasOrderCanceled(second);
        assertThat(sim.events()).singleElement().extracting(SimEvent::orderIds).asList()
                .containsExactlyInAnyOrder(first.value(), second.value());
    }

    @Test
    void aStoppedKeeperSendsNoMoreHeartbeats() throws Exception {
        started();

        keeper.stop();
        steps.runWaiting();

        assertThat(heartbeats()).hasSize(1);
        assertThat(keeper.health().state()).isEqualTo(State.STOPPED);
        assertThat(told).last().extracting(HeartbeatHealth::state).isEqualTo(State.STOPPED);
    }

    @Test
    void anIdTheExchangeRefusesResumesTheChainFromTheIdItExpectsAtOnce() throws Exception {
        OrderId order = liveOrder(sim);
        started();
        // Another process of the account moves the chain on: the keeper's id is stale now.
        String keepers = ((BadRequestException) failure(client.sendHeartbeat("not-the-chains-id"))).expectedHeartbeatId().orElseThrow();
        String moved = result(client.sendHeartbeat(keepers));

        steps.step();

        assertThat(heartbeats()).extracting(JournalEntry::status).containsExactly(200, 400, 200, 400, 200);
        assertThat(heartbeats().get(4).body()).isEqualTo("{\"heartbeat_id\":\"" + moved + "\"}");
        assertThat(told).anySatisfy(health -> {
            assertThat(health.state()).isEqualTo(State.FAILING);
            assertThat(health.lastError()).hasValueSatisfying(error -> assertThat(error).contains("Invalid Heartbeat ID"));
        });
        assertThat(keeper.health().state()).isEqualTo(State.ARMED);
        assertThat(keeper.health().chainsStarted()).isEqualTo(1);
        assertThat(keeper.health().chainsResumed()).isEqualTo(1);
        SimulatorAssert.assertThat(sim).hasOrderLive(order);
    }

    @Test
    void anIdRefusedWithoutTheExpectedOneStartsANewChainAtOnce() throws Exception {
        started();
        sim.faults().add(FaultRule.respond(400, "{\"error\":\"Invalid Heartbeat ID\"}").path(HeartbeatRequests.PATH).times(1).build());

        steps.step();

        // The new chain's "" is refused in turn while the exchange keeps the old one, naming its id: resumed.
        assertThat(heartbeats()).extracting(JournalEntry::status).containsExactly(200, 400, 400, 200);
        assertThat(heartbeats().get(2).body()).isEqualTo("{\"heartbeat_id\":\"\"}");
        assertThat(keeper.health().state()).isEqualTo(State.ARMED);
        assertThat(keeper.health().chainsResumed()).isEqualTo(1);
    }

    @Test
    void healthReportsAFailedHeartbeatAndTheTimeLeftBeforeTheSwitchTrips() throws Exception {
        started();
        sim.faults().add(FaultRule.respond(503).path(HeartbeatRequests.PATH).times(1).build()); // not retried by default

        steps.step();

        HeartbeatHealth health = keeper.health();
        assertThat(health.state()).isEqualTo(State.FAILING);
        assertThat(health.armed()).isTrue();
        assertThat(health.consecutiveFailures()).isEqualTo(1);
        assertThat(health.timeLeft()).isEqualTo(Duration.ofSeconds(5));
        assertThat(health.lastError()).hasValueSatisfying(error -> assertThat(error).contains("HTTP 503"));
        assertThat(told).last().usingRecursiveComparison().isEqualTo(health);
    }

    @Test
    void aHeartbeatThatCannotGetThroughForAWindowLapsesAndTheNextOneStartsANewChain() throws Exception {
        OrderId order = liveOrder(sim);
        started();
        sim.faults().add(FaultRule.respond(500).path(HeartbeatRequests.PATH).build());

        steps.step(); // retried until no attempt fits in the window any more
        steps.step(); // the window has run out: the switch tripped

        assertThat(keeper.health().state()).isEqualTo(State.LAPSED);
        assertThat(keeper.health().armed()).isFalse();
        SimulatorAssert.assertThat(sim).hasOrderCanceled(order);

        sim.faults().clear();
        steps.step();

        assertThat(keeper.health().state()).isEqualTo(State.ARMED);
        assertThat(keeper.health().chainsStarted()).isEqualTo(2);
        assertThat(heartbeats()).last().extracting(JournalEntry::body).isEqualTo("{\"heartbeat_id\":\"\"}");
    }

    @Test
    void stoppingWithCancelAllCancelsEveryOrderNow() throws Exception {
        OrderId first = liveOrder(sim);
        OrderId second = liveOrder(sim);
        started();

        CancelResult result = result(keeper.stop(true));

        assertThat(result.wasCanceled(first)).isTrue();
        assertThat(result.wasCanceled(second)).isTrue();
        SimulatorAssert.assertThat(sim).hasOrderCanceled(first).hasOrderCanceled(second);
        assertThat(keeper.health().state()).isEqualTo(State.STOPPED);
    }
}
