package dev.clobcancel.domain.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the exchange did with a cancel: the ids it canceled, and for each id it did not cancel, its
 * reason in the exchange's words (for example {@code "Order not found or already canceled"} or
 * {@code "Order already matched"}).
 *
 * <pre>{@code
 * if (!result.wasCanceled(id)) log.warn("not canceled: {}", result.reasonNotCanceled(id).orElse("?"));
 * }</pre>
 */
public record CancelResult(List<String> canceled, Map<String, String> notCanceled) {

    public CancelResult {
        canceled = List.copyOf(Objects.requireNonNull(canceled, "canceled"));
        // In the exchange's order, which a plain copy would lose.
        notCanceled = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(notCanceled, "notCanceled")));
    }

    /** No order canceled, none refused: what a cancel of nothing answers. */
    public static CancelResult empty() {
        return new CancelResult(List.of(), Map.of());
    }

    /**
     * One result of the answers to several requests of one cancel (a batch too large for one
     * request), in the order given: the canceled ids one after the other, the reasons likewise.
     */
    public static CancelResult merge(Collection<CancelResult> results) {
        List<String> canceled = new ArrayList<>();
        Map<String, String> notCanceled = new LinkedHashMap<>();
        for (CancelResult result : results) {
            canceled.addAll(result.canceled());
            notCanceled.putAll(result.notCanceled());
        }
        return new CancelResult(canceled, notCanceled);
    }

    public boolean wasCanceled(OrderId id) {
        return canceled.stream().anyMatch(id.value()::equalsIgnoreCase);
    }

    /** The exchange's reason for not canceling {@code id}, if it named one. */
    public Optional<String> reasonNotCanceled(OrderId id) {
        return notCanceled.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(id.value()))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
