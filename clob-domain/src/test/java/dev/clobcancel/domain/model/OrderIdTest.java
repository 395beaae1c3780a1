package dev.clobcancel.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderIdTest {

    private static final String HASH = "0x0fa2941acac70699d17cd83363bf92ed5d8d0743a06d9f34f9a58de696a0b791";

    @Test
    void acceptsAnOrderHash() {
        assertThat(OrderId.of(HASH).value()).isEqualTo(HASH);
    }

    @Test
    void acceptsTheShortIdOfTheDocsAndUpperCaseHex() {
        assertThat(OrderId.of("0xabcdef1234567890abcdef1234567890abcdef12").value()).hasSize(42);
        assertThat(OrderId.isValid("0xABCDEF1234567890ABCDEF1234567890ABCDEF12")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void refusesBlank(String blank) {
        assertThatThrownBy(() -> OrderId.of(blank)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> OrderId.of(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("null");
    }

    @Test
    void refusesWhitespaceAndSaysWhere() {
        assertThatThrownBy(() -> OrderId.of(" " + HASH)).hasMessageContaining("position 0");
        assertThatThrownBy(() -> OrderId.of(HASH + "\n")).hasMessageContaining("position 66").hasMessageContaining("\\u000a");
    }

    @Test
    void refusesAMissingPrefix() {
        assertThatThrownBy(() -> OrderId.of(HASH.substring(2))).hasMessageContaining("must start with 0x");
    }

    @Test
    void refusesANonHexDigitAndNamesIt() {
        String bad = HASH.substring(0, 10) + "g" + HASH.substring(11);

        assertThatThrownBy(() -> OrderId.of(bad)).hasMessageContaining("'g' at position 10 is not a hex digit");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 39, 41, 63, 65, 128})
    void refusesAnyOtherLength(int digits) {
        String id = "0x" + "a".repeat(digits);

        assertThatThrownBy(() -> OrderId.of(id)).hasMessageContaining(digits + " hex digits");
    }

    @Test
    void aHugeIdIsQuotedShortInTheMessage() {
        String huge = "0x" + "a".repeat(100_000);

        assertThatThrownBy(() -> OrderId.of(huge)).message().hasSizeLessThan(300).contains("100002 chars");
    }

    @Test
    void idsThatDifferOnlyInTheCaseOfTheirHexAreOneId() {
        OrderId upper = OrderId.of("0x" + "AB".repeat(32));
        OrderId lower = OrderId.of("0x" + "ab".repeat(32));

        assertThat(upper).isEqualTo(lower).hasSameHashCodeAs(lower);
        assertThat(upper.value()).isEqualTo("0x" + "ab".repeat(32));
        assertThat(java.util.Set.of(lower)).contains(upper);
    }

    @Test
    void refusesDigitsOfOtherScriptsThatAreNotHex() {
        String fullwidth = "0x" + "a".repeat(63) + "\uFF11";

        assertThatThrownBy(() -> OrderId.of(fullwidth)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a hex digit");
    }
}
