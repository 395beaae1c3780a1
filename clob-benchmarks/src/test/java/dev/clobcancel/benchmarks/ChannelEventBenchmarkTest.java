package dev.clobcancel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The benchmark's phases, run small and not timed: every subscriber hears what it must, and nothing else. */
class ChannelEventBenchmarkTest {

    @Test
    void everyPhaseRunsAndEverySubscriberHearsExactlyItsAccountsEvents() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ChannelEventBenchmark.run(40, 8, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("warm-up: 40 cancels, 8 in flight, with 1 subscribers:")
                .contains("warm-up: event delay, 4 sequential cancels:")
                .containsPattern("the JIT compilers took \\d+% of that phase")
                .contains("40 cancels, 8 in flight, with 0 subscribers:", "0 events heard, none lost")
                .contains("with 1 subscribers:", "40 events heard")
                .contains("with 100 subscribers:", "4000 events heard")
                .containsPattern("µs of CPU per cancel \\(\\d+ µs of it on the simulator's event loop")
                .contains("with 100 subscribers of another account:")
                .contains("event delay, 4 sequential cancels:", "event delay, 10 sequential cancels:")
                .containsPattern("cancel rate: 0 subscribers \\d+/s, 1 subscriber \\d+/s .*100 subscribers of another account \\d+/s .*"
                        + "the mean of the first phase's \\d+/s and the last's \\d+/s");
    }

    @Test
    void refusesAPhaseOfNoCancels() {
        assertThatThrownBy(() -> ChannelEventBenchmark.run(0, 8, System.out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
