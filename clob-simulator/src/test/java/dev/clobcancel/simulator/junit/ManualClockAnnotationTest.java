package dev.clobcancel.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.time.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@ClobSimulatorTest(clock = "2026-05-01T12:00:00Z")
class ManualClockAnnotationTest {

    private static String serverTime(ClobSimulator sim) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/time")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void injectsTheSimulatorsManualClockStandingAtTheGivenInstant(ClobSimulator sim, ManualClock clock) throws Exception {
        assertThat(sim.clock()).isSameAs(clock);
        assertThat(clock.instant()).isAfterOrEqualTo(Instant.parse("2026-05-01T12:00:00Z"));
        assertThat(serverTime(sim)).isEqualTo(String.valueOf(clock.instant().getEpochSecond()));
    }

    @Test
    void theSimulatorTellsTheTimeTheTestSets(ClobSimulator sim, ManualClock clock) throws Exception {
        Instant moved = clock.advance(Duration.ofMinutes(10));

        assertThat(serverTime(sim)).isEqualTo(String.valueOf(moved.getEpochSecond()));
    }
}
