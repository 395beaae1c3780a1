package dev.clobcancel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clobcancel.simulator.time.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

    private static void refused(UnaryOperator<SimulatorOptions.Builder> setting, String message) {
        assertThatThrownBy(() -> setting.apply(SimulatorOptions.builder()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void theDefaultsAreLoopbackAnyPortSeedOneAndTheSystemClock() {
        SimulatorOptions options = SimulatorOptions.defaults();

        assertThat(options.host()).isEqualTo(SimulatorOptions.LOOPBACK);
        assertThat(options.port()).isZero();
        assertThat(options.seed()).isEqualTo(1);
        assertThat(options.clock()).isEqualTo(Clock.systemUTC());
        assertThat(options.authWindow()).isEqualTo(SimulatorOptions.DEFAULT_AUTH_WINDOW);
        assertThat(options.idleTimeout()).isEqualTo(SimulatorOptions.DEFAULT_IDLE_TIMEOUT);
        assertThat(options.tls()).isFalse();
        assertThat(options.chainId()).isEqualTo(137);
    }

    @Test
    void theBuilderSetsEachSettingAndToBuilderChangesOnlyWhatItIsTold() {
        ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        SimulatorOptions options = SimulatorOptions.builder().port(8080).seed(42).clock(clock).authWindow(Duration.ofSeconds(30))
                .journalCapacity(7).tls(true).heartbeatWindow(Duration.ofMillis(2500)).idleTimeout(Duration.ofSeconds(5))
                .chainId(80002).build();

        SimulatorOptions changed = options.toBuilder().seed(43).build();

        assertThat(changed.seed()).isEqualTo(43);
        assertThat(changed.port()).isEqualTo(8080);
        assertThat(changed.clock()).isSameAs(clock);
        assertThat(changed.authWindow()).isEqualTo(Duration.ofSeconds(30));
        assertThat(changed.journalCapacity()).isEqualTo(7);
        assertThat(changed.tls()).isTrue();
        assertThat(changed.heartbeatWindow()).isEqualTo(Duration.ofMillis(2500));
        assertThat(changed.idleTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(changed.chainId()).isEqualTo(80002);
    }

    @Test
    void aBadSettingIsRefusedByName() {
        refused(b -> b.port(70000), "port must be 0 to 65535, not 70000");
        refused(b -> b.authWindow(Duration.ofSeconds(-1)), "authWindow must not be negative");
        refused(b -> b.journalCapacity(0), "journalCapacity must be at least 1, not 0");
        refused(b -> b.heartbeatWindow(Duration.ZERO), "heartbeatWindow must be positive");
        refused(b -> b.idleTimeout(Duration.ofMillis(500)), "idleTimeout must be at least a second");
        refused(b -> b.chainId(1), "chainId must be 137 (Polygon) or 80002 (Amoy), not 1");
        assertThatThrownBy(() -> SimulatorOptions.builder().clock(null).build()).hasMessage("clock must not be null");
    }
}
