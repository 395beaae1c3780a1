package dev.clobcancel.domain.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.failure.ClobException;
import dev.clobcancel.domain.failure.Refusals;
import dev.clobcancel.domain.heartbeat.HeartbeatHealth.State;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of a keeper's chain, at instants given: which id goes next, within how long, and the health. */
class HeartbeatChainTest {

    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");

    private HeartbeatChain chain;

    @BeforeEach
    void started() {
        chain = new HeartbeatChain(WINDOW);
        chain.start(T0);
    }

    private static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    /** Sends the next heartbeat at {@code seconds} and has it answered with {@code id} then. */
    private void answered(double seconds, String id) {
        chain.succeeded(chain.next(at(seconds)), id, at(seconds));
    }

    @Test
    void theFirstHeartbeatStartsAChainAndMayTakeAWholeWindow() {
        assertThat(chain.next(T0)).isEqualTo(new HeartbeatChain.Beat(null, WINDOW, false));
    }

    @Test
    void eachHeartbeatNamesTheLastIdWithinWhatIsLeftOfTheWindow() {
        answered(0, "hb-1");

        assertThat(chain.next(at(5))).isEqualTo(new HeartbeatChain.Beat("hb-1", Duration.ofSeconds(5), false));
    }

    @Test
    void onceTheWindowHasRunOutTheNextHeartbeatStartsANewChain() {
        answered(0, "hb-1");

        assertThat(chain.next(at(10))).isEqualTo(new HeartbeatChain.Beat(null, WINDOW, false));
    }

    @Test
    void aRefusedIdStartsANewChainAtOnce() {
        answered(0, "hb-1");
        HeartbeatChain.Beat beat = chain.next(at(5));

        boolean newChainNow = chain.failed(beat, Refusals.toHeartbeat(400, "Invalid heartbeat id"));

        assertThat(newChainNow).isTrue();
        assertThat(chain.next(at(5)).previousId()).isNull();
    }

    /** The exchange's stale-id answer, naming the id it expects. */
    private static ClobException staleId(String expected) {
        return Refusals.staleHeartbeatId(expected);
    }

    @Test
    void aRefusedIdThatNamesTheExpectedOneResumesTheChainFromItAtOnce() {
        answered(0, "hb-1");

        boolean now = chain.failed(chain.next(at(5)), staleId("hb-2"));

        assertThat(now).isTrue();
        assertThat(chain.next(at(5))).isEqualTo(new HeartbeatChain.Beat("hb-2", Duration.ofSeconds(5), true));
    }

    @Test
    void aResumedChainCountsAsResumedNotStarted() {
        answered(0, "hb-1");
        chain.failed(chain.next(at(5)), staleId("hb-2"));

        answered(5, "hb-3");

        HeartbeatHealth health = chain.health(at(5));
        assertThat(health.chainsResumed()).isEqualTo(1);
        assertThat(health.chainsStarted()).isEqualTo(1);
        assertThat(health.state()).isEqualTo(State.ARMED);
    }

    @Test
    void aResumeRefusedAgainWaitsForTheNextIntervalRatherThanSpin() {
        answered(0, "hb-1");
        chain.failed(chain.next(at(5)), staleId("hb-2"));

        boolean now = chain.failed(chain.next(at(5)), staleId("hb-3"));

        assertThat(now).isFalse();
        assertThat(chain.next(at(6)).previousId()).isEqualTo("hb-3");
    }

    @Test
    void anExpectedEmptyIdStartsANewChain() {
        answered(0, "hb-1");

        boolean now = chain.failed(chain.next(at(5)), staleId(""));

        assertThat(now).isTrue();
        assertThat(chain.next(at(5)).previousId()).isNull();
    }

    @Test
    void aFirstHeartbeatRefusedWithAnExpectedIdResumesTheChainItNames() {
        boolean now = chain.failed(chain.next(T0), staleId("hb-7"));

        assertThat(now).isTrue();
        assertThat(chain.next(T0)).isEqualTo(new HeartbeatChain.Beat("hb-7", WINDOW, true));
    }

    @Test
    void aRefusedFirstHeartbeatIsAFailureLikeAnyOther() {
        boolean newChainNow = chain.failed(chain.next(T0), Refusals.toHeartbeat(400, "Invalid heartbeat payload"));

        assertThat(newChainNow).isFalse();
    }

    @Test
    void anotherFailureKeepsTheChain() {
        answered(0, "hb-1");

        boolean newChainNow = chain.failed(chain.next(at(5)), Refusals.toHeartbeat(503, "Trading is disabled"));

        assertThat(newChainNow).isFalse();
        assertThat(chain.next(at(6)).previousId()).isEqualTo("hb-1");
    }

    @Test
    void healthIsArmedWithTheWindowLeftAfterAnAnswer() {
        answered(1, "hb-1");

        HeartbeatHealth health = chain.health(at(4));

        assertThat(health.state()).isEqualTo(State.ARMED);
        assertThat(health.armed()).isTrue();
        assertThat(health.lastSuccess()).contains(at(1));
        assertThat(health.timeLeft()).isEqualTo(Duration.ofSeconds(7));
        assertThat(health.chainsStarted()).isEqualTo(1);
    }

    @Test
    void healthCountsFailuresAndKeepsTheLastError() {
        answered(0, "hb-1");
        chain.failed(chain.next(at(5)), Refusals.toHeartbeat(503, "Trading is disabled"));
        chain.failed(chain.next(at(6)), Refusals.toHeartbeat(500, "boom"));

        HeartbeatHealth health = chain.health(at(7));

        assertThat(health.state()).isEqualTo(State.FAILING);
        assertThat(health.armed()).isTrue();
        assertThat(health.consecutiveFailures()).isEqualTo(2);
        assertThat(health.timeLeft()).isEqualTo(Duration.ofSeconds(3));
        assertThat(health.lastError()).contains("POST /v1/heartbeats answered HTTP 500: boom");
    }

    @Test
    void healthHasLapsedOnceAWindowPassedWithoutAnAnswer() {
        answered(0, "hb-1");
        chain.failed(chain.next(at(5)), Refusals.toHeartbeat(500, null));

        HeartbeatHealth health = chain.health(at(10));

        assertThat(health.state()).isEqualTo(State.LAPSED);
        assertThat(health.armed()).isFalse();
        assertThat(health.timeLeft()).isZero();
    }

    @Test
    void aKeeperThatNeverGotThroughForAWindowHasLapsedToo() {
        chain.failed(chain.next(T0), Refusals.toHeartbeat(500, null));

        assertThat(chain.health(at(9.999)).state()).isEqualTo(State.STARTING);
        assertThat(chain.health(at(10)).state()).isEqualTo(State.LAPSED);
    }

    @Test
    void aSuccessAfterFailuresClearsThemAndCountsTheNewChain() {
        answered(0, "hb-1");
        chain.failed(chain.next(at(5)), Refusals.toHeartbeat(400, "Invalid heartbeat id"));
        answered(5, "hb-2");

        HeartbeatHealth health = chain.health(at(5));

        assertThat(health.state()).isEqualTo(State.ARMED);
        assertThat(health.consecutiveFailures()).isZero();
        assertThat(health.lastError()).isEmpty();
        assertThat(health.chainsStarted()).isEqualTo(2);
    }

    @Test
    void aStoppedChainSaysSoButStillCountsTheTimeLeftOnTheExchange() {
        answered(0, "hb-1");
        chain.stop();

        HeartbeatHealth health = chain.health(at(2));

        assertThat(health.state()).isEqualTo(State.STOPPED);
        assertThat(health.timeLeft()).isEqualTo(Duration.ofSeconds(8));
    }
}
