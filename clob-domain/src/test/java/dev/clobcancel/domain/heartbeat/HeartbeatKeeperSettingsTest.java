package dev.clobcancel.domain.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.port.CancelOrderPort;
import dev.clobcancel.domain.port.HeartbeatPort;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a keeper accepts as settings: each bad one refused at build, saying what is wrong. */
class HeartbeatKeeperSettingsTest {

    /** Never called: these tests only build keepers. */
    private static final CancelOrderPort NO_CANCELS = (CancelOrderPort) Proxy.newProxyInstance(
            CancelOrderPort.class.getClassLoader(), new Class<?>[] {CancelOrderPort.class}, (proxy, method, args) -> {
                throw new AssertionError("a test of settings canceled: " + method);
            });
    private static final HeartbeatPort NO_HEARTBEATS = (previousId, within) -> {
        throw new AssertionError("a test of settings sent a heartbeat");
    };

    private static HeartbeatKeeper.Builder builder() {
        return HeartbeatKeeper.builder(NO_HEARTBEATS, NO_CANCELS);
    }

    @Test
    void theDefaultsAreAHeartbeatEveryFiveSecondsInsideTheExchangesTenSecondWindow() {
        assertThat(HeartbeatKeeper.DEFAULT_INTERVAL).isEqualTo(Duration.ofSeconds(5));
        assertThat(HeartbeatPort.EXCHANGE_WINDOW).isEqualTo(Duration.ofSeconds(10));
        assertThat(builder().build().health().state()).isEqualTo(HeartbeatHealth.State.NOT_STARTED);
    }

    @Test
    void anIntervalAsLongAsTheWindowIsRefused() {
        assertThatThrownBy(() -> builder().interval(Duration.ofSeconds(10)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval (10 s) must be shorter than the window (10 s), "
                        + "or the exchange cancels every order between two heartbeats");
    }

    @Test
    void anIntervalThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> builder().interval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval must be positive, not PT0S");
    }

    @Test
    void aWindowThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> builder().window(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window must be positive, not PT-1S");
    }

    @Test
    void aShorterWindowTakesAShorterInterval() {
        HeartbeatKeeper keeper = builder().window(Duration.ofSeconds(2)).interval(Duration.ofSeconds(1)).build();

        assertThat(keeper).hasToString("HeartbeatKeeper[every 1 s, window 2 s, NOT_STARTED]");
    }

    @Test
    void aStopBeforeAnyStartSendsNothingAndCancelsNothingUnlessAsked() {
        HeartbeatKeeper keeper = builder().build();

        assertThat(keeper.stop(false).toCompletableFuture().join()).isEqualTo(CancelResult.empty());
        assertThat(keeper.health().state()).isEqualTo(HeartbeatHealth.State.STOPPED);
    }
}
