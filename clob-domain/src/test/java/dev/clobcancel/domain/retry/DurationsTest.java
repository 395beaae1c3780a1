package dev.clobcancel.domain.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void showsMillisecondsBelowASecondAndSecondsAbove() {
        assertThat(Durations.show(Duration.ofMillis(250))).isEqualTo("250 ms");
        assertThat(Durations.show(Duration.ofSeconds(30))).isEqualTo("30 s");
        assertThat(Durations.show(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        assertThat(Durations.show(Duration.ofMillis(1001))).isEqualTo("1.001 s");
    }
}
