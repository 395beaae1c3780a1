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

    @Test
    void aLaterCancelOfRefusedIdsAmendsTheAnswer() {
        CancelResult first = new CancelResult(List.of(A), Map.of(B, "delayed", C, "delayed"));
        CancelResult later = new CancelResult(List.of(B.toUpperCase().replace("0X", "0x")), Map.of(C, "Order already matched"));

        CancelResult amended = first.amendedBy(later);

        assertThat(amended.canceled()).containsExactly(A, B.toUpperCase().replace("0X", "0x"));
        assertThat(amended.notCanceled()).containsExactly(entry(C, "Order already matched"));
    }

    @Test
    void aResultSaysHowItWasCarriedOutAndTheRateLimitLastSeen() {
        RateLimitState state = new RateLimitState(java.util.OptionalLong.of(5), java.util.Optional.empty(),
                java.util.Optional.of("silver"), false, java.util.Optional.of(java.time.Instant.EPOCH));

        CancelResult result = new CancelResult(List.of(A), Map.of()).withMethod(CancelMethod.LISTED_ORDERS).withRateLimit(state);

        assertThat(new CancelResult(List.of(A), Map.of()).method()).isEqualTo(CancelMethod.DIRECT);
        assertThat(result.method()).isEqualTo(CancelMethod.LISTED_ORDERS);
        assertThat(result.rateLimit()).isEqualTo(state);
        assertThat(CancelResult.merge(List.of(result, CancelResult.empty())).rateLimit()).isEqualTo(state);
    }
}
