package dev.clobcancel.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CancelResultTest {

    private static final String A = "0x" + "a".repeat(64);
    private static final String B = "0x" + "b".repeat(64);
    private static final String C = "0x" + "c".repeat(64);
    private static final String D = "0x" + "d".repeat(64);

    @Test
    void mergingKeepsEveryAnswerInTheOrderOfTheRequests() {
        CancelResult first = new CancelResult(List.of(A), Map.of(B, "Order already matched"));
        CancelResult second = new CancelResult(List.of(C), Map.of(D, "Order not found or already canceled"));

        CancelResult merged = CancelResult.merge(List.of(first, second));

        assertThat(merged.canceled()).containsExactly(A, C);
        assertThat(merged.notCanceled()).containsExactly(entry(B, "Order already matched"),
                entry(D, "Order not found or already canceled"));
    }

    @Test
    void theEmptyResultCancelsNothing() {
        assertThat(CancelResult.empty().canceled()).isEmpty();
        assertThat(CancelResult.empty().notCanceled()).isEmpty();
        assertThat(CancelResult.merge(List.of())).isEqualTo(CancelResult.empty());
    }
}
