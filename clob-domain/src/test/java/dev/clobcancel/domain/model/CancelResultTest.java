package dev.clobcancel.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CancelResultTest {

    private static final OrderId A = OrderId.of("0x" + "a".repeat(64));
    private static final OrderId B = OrderId.of("0x" + "b".repeat(64));
    private static final OrderId C = OrderId.of("0x" + "c".repeat(64));
    private static final OrderId D = OrderId.of("0x" + "d".repeat(64));

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
        CancelResult later = new CancelResult(List.of(OrderId.of(B.value().toUpperCase().replace("0X", "0x"))), Map.of(C, "Order already matched"));

        CancelResult amended = first.amendedBy(later);

        assertThat(amended.canceled()).containsExactly(A, OrderId.of(B.value().toUpperCase().replace("0X", "0x")));
        assertThat(amended.notCanceled()).containsExactly(entry(C, "Order already matched"));
    }

    @Test
    void idsThatDifferOnlyInCaseAreOneInEveryLookUp() {
        OrderId upper = OrderId.of("0x" + "AB".repeat(32));
        OrderId lower = OrderId.of("0x" + "ab".repeat(32));

        CancelResult result = new CancelResult(List.of(upper, lower), Map.of(OrderId.of("0x" + "CD".repeat(32)), "matched"));

        assertThat(result.canceled()).containsExactly(lower);
        assertThat(result.wasCanceled(upper)).isTrue();
        assertThat(result.reasonNotCanceled(OrderId.of("0x" + "cd".repeat(32)))).contains("matched");
    }

    @Test
    void aThousandIdResultAnswersEveryLookUpFromItsSetAndMap() {
        List<OrderId> canceled = new ArrayList<>();
        Map<OrderId, String> refused = new LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) {
            OrderId id = OrderId.of(String.format("0x%064x", i));
            if (i % 2 == 0) {
                canceled.add(id);
            } else {
                refused.put(id, "Order already matched " + i);
            }
        }

        CancelResult result = new CancelResult(canceled, refused);

        // Held as a set and a map (look-ups by hash, not by scanning a list), the exchange's order kept for output.
        assertThat(result.canceled()).isInstanceOf(Set.class).containsExactlyElementsOf(canceled);
        assertThat(result.notCanceled().keySet()).containsExactlyElementsOf(refused.keySet());
        for (int i = 0; i < 1000; i++) {
            OrderId asked = OrderId.of(String.format("0x%064X", i).replace("0X", "0x"));
            assertThat(result.wasCanceled(asked)).as("id %d", i).isEqualTo(i % 2 == 0);
            assertThat(result.reasonNotCanceled(asked)).as("id %d", i)
                    .isEqualTo(i % 2 == 0 ? Optional.empty() : Optional.of("Order already matched " + i));
        }
    }

    @Test
    void theCollectionsCannotBeChangedFromOutside() {
        List<OrderId> ids = new ArrayList<>(List.of(A));
        CancelResult result = new CancelResult(ids, Map.of());

        ids.add(B);

        assertThat(result.canceled()).containsExactly(A);
        assertThatThrownBy(() -> result.canceled().add(C)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> result.notCanceled().put(C, "x")).isInstanceOf(UnsupportedOperationException.class);
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

    @Test
    void aResultSaysHowManyTimesItsRequestWasSentTheMostOfAnyItWasMadeOf() {
        CancelResult once = new CancelResult(List.of(A), Map.of());
        CancelResult twice = new CancelResult(List.of(), Map.of(B, "Order not found or already canceled")).withAttempts(2);

        assertThat(once.attempts()).isEqualTo(1);
        assertThat(CancelResult.empty().attempts()).isEqualTo(1);
        assertThat(twice.attempts()).isEqualTo(2);
        assertThat(twice.withRateLimit(RateLimitState.NONE).withMethod(CancelMethod.LISTED_ORDERS).attempts()).isEqualTo(2);
        assertThat(CancelResult.merge(List.of(once, twice)).attempts()).isEqualTo(2);
        assertThat(once.amendedBy(twice).attempts()).isEqualTo(2);
        assertThat(twice.amendedBy(once).attempts()).isEqualTo(2);
        assertThat(twice).isNotEqualTo(twice.withAttempts(1)).isEqualTo(twice.withAttempts(2));
        assertThat(twice.toString()).contains("attempts=2");
        assertThatThrownBy(() -> once.withAttempts(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 or more");
    }
}
