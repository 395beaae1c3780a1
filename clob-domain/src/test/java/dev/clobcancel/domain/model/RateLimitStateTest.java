package dev.clobcancel.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RateLimitStateTest {

    private static RateLimitState tier(String name) {
        return new RateLimitState(OptionalLong.of(10), Optional.empty(), Optional.ofNullable(name), false,
                Optional.of(Instant.EPOCH));
    }

    @Test
    void beforeAnyReportABatchMayCostTheLowestTiersBurst() {
        assertThat(RateLimitState.NONE.reported()).isFalse();
        assertThat(RateLimitState.NONE.cancelBurst()).isEqualTo(120);
    }

    @ParameterizedTest(name = "{0}: burst {1}")
    @CsvSource({"standard, 120", "Copper, 180", "BRONZE, 240", "silver, 600", "gold, 1200", "platinum, 1350",
            "diamond, 1575", "elite, 1800"})
    void theBurstIsTheReportedTiers(String name, int burst) {
        assertThat(tier(name).tier()).isPresent();
        assertThat(tier(name).cancelBurst()).isEqualTo(burst);
    }

    @Test
    void aTierNotKnownCountsAsTheLowest() {
        assertThat(tier("titanium").tier()).isEmpty();
        assertThat(tier("titanium").tierName()).contains("titanium");
        assertThat(tier("titanium").cancelBurst()).isEqualTo(120);
    }

    @Test
    void theTiersRatesAreTheExchanges() {
        assertThat(RateLimitTier.STANDARD.cancelsPerSecond()).isEqualTo(80);
        assertThat(RateLimitTier.ELITE.cancelsPerSecond()).isEqualTo(1_200);
        assertThat(RateLimitTier.GOLD.wireName()).isEqualTo("gold");
    }
}
