package dev.clobcancel.simulator.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void tellsEveryListenerOfEachMoveUntilItsRegistrationIsClosed() {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        ManualClock.Registration one = clock.addListener(first::incrementAndGet);
        clock.addListener(second::incrementAndGet);

        clock.advance(Duration.ofSeconds(1));
        one.close();
        clock.advance(Duration.ofSeconds(1));

        assertThat(first).hasValue(1);
        assertThat(second).hasValue(2);
        assertThat(clock.listenerCount()).isEqualTo(1);
    }

    @Test
    void theSameListenerAddedTwiceRunsTwiceAndEachRegistrationRemovesOneAndOnlyOnce() {
        AtomicInteger runs = new AtomicInteger();
        Runnable listener = runs::incrementAndGet;
        ManualClock.Registration a = clock.addListener(listener);
        clock.addListener(listener);

        a.close();
        a.close();
        clock.advance(Duration.ofSeconds(1));

        assertThat(runs).hasValue(1);
        assertThat(clock.listenerCount()).isEqualTo(1);
    }

    @Test
    void aViewInAnotherZoneSharesTheTimeAndTheListeners() {
        AtomicInteger runs = new AtomicInteger();
        ManualClock paris = (ManualClock) clock.withZone(ZoneId.of("Europe/Paris"));
        ManualClock.Registration registration = paris.addListener(runs::incrementAndGet);

        clock.advance(Duration.ofMinutes(1));
        registration.close();

        assertThat(runs).hasValue(1);
        assertThat(paris.instant()).isEqualTo(clock.instant());
        assertThat(clock.listenerCount()).isZero();
    }

    @Test
    void neverMovesBack() {
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only moves forward");
    }
}
