package dev.clobcancel.simulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultRuleTest {

    @Test
    void theBuilderSetsEverySettingWithTimesAsDurations() {
        FaultRule rule = FaultRule.respond(429, "{\"error\":\"slow\"}").method("DELETE").path("/order").times(2)
                .headers(Map.of("Retry-After", "1")).delay(Duration.ofMillis(30)).probability(0.5).build();

        assertThat(rule).isEqualTo(new FaultRule("DELETE", "/order", 2, 429, "{\"error\":\"slow\"}",
                Map.of("Retry-After", "1"), Duration.ofMillis(30), FaultAction.RESPOND, 0.5));
        assertThat(rule.toBuilder().times(1).build()).isEqualTo(new FaultRule("DELETE", "/order", 1, 429,
                "{\"error\":\"slow\"}", Map.of("Retry-After", "1"), Duration.ofMillis(30), FaultAction.RESPOND, 0.5));
    }

    @Test
    void anActionRuleMatchesAnyRequestAtOnceAndAlwaysUnlessToldOtherwise() {
        FaultRule rule = FaultRule.of(FaultAction.RESET).build();

        assertThat(rule.delay()).isZero();
        assertThat(rule.times()).isNull();
        assertThat(rule.probability()).isNull();
        assertThat(rule.matches("GET", "/time")).isTrue();
    }

    @Test
    void aBadSettingIsRefusedByName() {
        assertThatThrownBy(() -> FaultRule.respond(503).times(0).build()).hasMessage("times must be at least 1, not 0");
        assertThatThrownBy(() -> FaultRule.respond(99).build()).hasMessage("status must be 100 to 599, not 99");
        assertThatThrownBy(() -> FaultRule.builder().delay(Duration.ofMillis(-1)).build())
                .hasMessage("delay must be 0 to PT10M, not PT-0.001S");
        assertThatThrownBy(() -> FaultRule.builder().delay(Duration.ofMinutes(11)).build())
                .hasMessage("delay must be 0 to PT10M, not PT11M");
        assertThatThrownBy(() -> FaultRule.builder().probability(1.5).build()).hasMessage("probability must be 0 to 1, not 1.5");
        assertThatThrownBy(() -> FaultRule.of(FaultAction.HANG).status(500).build())
                .hasMessage("status, body and headers go with action respond, not hang");
    }
}
