package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.SimulatorFixture.ALICE;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.BOB_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import dev.clobcancel.simulator.ratelimit.Tier;
import dev.clobcancel.simulator.time.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The exchange's per-endpoint limits, off by default, counted per account on the simulator's
 * clock. Alice is Elite here, so that her per-signer buckets never stand in the windows' way.
 */
class RateLimitTest extends ExchangeTestBase {

    static final ManualClock CLOCK = ManualClock.at(Instant.ofEpochSecond(NOW));

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClockBuilder().clock(CLOCK).build());

    private HttpResponse<String> cancelAll(dev.clobcancel.domain.auth.L2Signer who) {
        return http.signed(who, CLOCK.instant().getEpochSecond(), "DELETE", "/cancel-all", null);
    }

    private int cancelAllTimes(int times) {
        int last = 0;
        for (int i = 0; i < times; i++) {
            last = cancelAll(ALICE_SIGNS).statusCode();
        }
        return last;
    }

    @BeforeEach
    void aliceIsElite() {
        sim.setTier(ALICE.apiKey(), Tier.ELITE);
    }

    @Test
    void limitsAreOffUntilEnabled() {
        assertThat(cancelAllTimes(300)).isEqualTo(200);
        assertThat(TestHttp.json(http.get("/_sim/rate-limits")).get("enabled").asBoolean()).isFalse();
        assertThat(cancelAll(ALICE_SIGNS).headers().firstValue("Poly-RateLimit-Remaining")).isEmpty();
    }

    @Test
    void theWindowsAreTheExchangesOfToday() {
        sim.enforceRateLimits(true);

        JsonNode limits = TestHttp.json(http.get("/_sim/rate-limits")).get("limits");

        List<String> windows = new ArrayList<>();
        limits.forEach(l -> windows.add(l.get("method").asText() + " " + l.get("path").asText() + " "
                + l.get("limit").asInt() + "/" + l.get("windowSeconds").asInt()));
        assertThat(windows).containsExactly("DELETE /order 5000/10", "DELETE /order 120000/600", "DELETE /orders 2000/10",
                "DELETE /orders 15000/600", "DELETE /cancel-all 250/10", "DELETE /cancel-all 6000/600",
                "DELETE /cancel-market-orders 1500/10", "DELETE /cancel-market-orders 21000/600");
    }

    @Test
    void theBurstLimitAnswers429WithTheWaitUntilItsWindowCloses() {
        http.send("PUT", "/_sim/rate-limits", "{\"enabled\":true}", java.util.Map.of());
        assertThat(cancelAllTimes(250)).isEqualTo(200);
        CLOCK.advance(Duration.ofSeconds(4));

        HttpResponse<String> limited = cancelAll(ALICE_SIGNS);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("6");
        assertThat(TestHttp.json(limited).get("retry_after_seconds").asInt()).isEqualTo(6);
        assertThat(TestHttp.json(limited).get("error").asText()).isEqualTo("Too Many Requests");
        assertThat(cancelAll(BOB_SIGNS).statusCode()).as("another account has its own count").isEqualTo(200);
        CLOCK.advance(Duration.ofSeconds(6));
        assertThat(cancelAll(ALICE_SIGNS).statusCode()).isEqualTo(200);
    }

    @Test
    void theSustainedLimitHoldsAcrossBursts() {
        sim.enforceRateLimits(true);
        int answered = 0;
        for (int burst = 0; burst < 30; burst++) {
            for (int i = 0; i < 250; i++) {
                if (cancelAll(ALICE_SIGNS).statusCode() == 200) {
                    answered++;
                }
            }
            CLOCK.advance(Duration.ofSeconds(10));
            if (answered >= 6000) {
                break;
            }
        }

        assertThat(answered).isEqualTo(6000);
        assertThat(cancelAll(ALICE_SIGNS).statusCode()).isEqualTo(429);
    }
}
