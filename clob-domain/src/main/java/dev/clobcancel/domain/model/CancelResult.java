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
 * {@code "Order already matched"}); how the cancel was carried out; and the exchange's per-signer
 * rate limit as its last answer stated it.
 *
 * <pre>{@code
 * if (!result.wasCanceled(id)) log.warn("not canceled: {}", result.reasonNotCanceled(id).orElse("?"));
 * if (result.method() == CancelMethod.LISTED_ORDERS) log.info("canceled order by order: the tier's burst is too small");
 * }</pre>
 *
 * @param method    {@link CancelMethod#DIRECT} unless the call fell back to listing the orders
 * @param rateLimit the {@code Poly-RateLimit-*} state of the last answer seen, {@link RateLimitState#NONE} if none
 */
public record CancelResult(List<String> canceled, Map<String, String> notCanceled, CancelMethod method,
                           RateLimitState rateLimit) {

    public CancelResult {
        canceled = List.copyOf(Objects.requireNonNull(canceled, "canceled"));
        // In the exchange's order, which a plain copy would lose.
        notCanceled = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(notCanceled, "notCanceled")));
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rateLimit, "rateLimit");
    }

    /** The exchange's answer alone: canceled directly, no rate limit reported. */
    public CancelResult(List<String> canceled, Map<String, String> notCanceled) {
        this(canceled, notCanceled, CancelMethod.DIRECT, RateLimitState.NONE);
    }

    /** The same answer, with the rate limit as {@code state} says. */
    public CancelResult withRateLimit(RateLimitState state) {
        return new CancelResult(canceled, notCanceled, method, state);
    }

    /** The same answer, carried out as {@code how} says. */
    public CancelResult withMethod(CancelMethod how) {
        return new CancelResult(canceled, notCanceled, how, rateLimit);
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
        CancelMethod method = CancelMethod.DIRECT;
        RateLimitState rateLimit = RateLimitState.NONE;
        for (CancelResult result : results) {
            canceled.addAll(result.canceled());
            notCanceled.putAll(result.notCanceled());
            method = result.method() == CancelMethod.DIRECT ? method : result.method();
            rateLimit = result.rateLimit().reported() ? result.rateLimit() : rateLimit;
        }
        return new CancelResult(canceled, notCanceled, method, rateLimit);
    }

    /**
     * This answer, amended by a later cancel of some of its ids not canceled: those the later one
     * canceled move to {@link #canceled()}, and those it refused again take its reason.
     */
    public CancelResult amendedBy(CancelResult later) {
        List<String> allCanceled = new ArrayList<>(canceled);
        allCanceled.addAll(later.canceled());
        Map<String, String> stillNot = new LinkedHashMap<>(notCanceled);
        later.canceled().forEach(id -> stillNot.keySet().removeIf(id::equalsIgnoreCase));
        later.notCanceled().forEach((id, reason) -> {
            stillNot.keySet().removeIf(id::equalsIgnoreCase);
            stillNot.put(id, reason);
        });
        return new CancelResult(allCanceled, stillNot, method, later.rateLimit().reported() ? later.rateLimit() : rateLimit);
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
