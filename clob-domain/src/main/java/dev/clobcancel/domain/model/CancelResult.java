package dev.clobcancel.domain.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the exchange did with a cancel: the ids it canceled, and for each id it did not cancel, its
 * reason in the exchange's words (for example {@code "Order not found or already canceled"} or
 * {@code "Order already matched"}); how the cancel was carried out; the exchange's per-signer
 * rate limit as its last answer stated it; and how many times the request was sent.
 *
 * <p>A request sent more than once ({@link #attempts()} above 1) had an earlier attempt that got no
 * answer, and that attempt may have reached the exchange: an id the answer lists as not found or
 * already canceled may have been canceled by this very call. A {@code CancelConfirmer} settles
 * such an id by reading the order.
 *
 * <pre>{@code
 * if (!result.wasCanceled(id)) log.warn("not canceled: {}", result.reasonNotCanceled(id).orElse("?"));
 * if (result.method() == CancelMethod.LISTED_ORDERS) log.info("canceled order by order: the tier's burst is too small");
 * if (result.attempts() > 1) settleByReading(result.notCanceled().keySet()); // an earlier attempt may have canceled them
 * }</pre>
 *
 * The ids are {@link OrderId}s, held in a set and a map that keep the exchange's order for
 * output: {@link #wasCanceled} and {@link #reasonNotCanceled} answer at once however many ids a
 * batch named. Immutable.
 */
public final class CancelResult {

    private static final CancelResult EMPTY = new CancelResult(Set.of(), Map.of(), CancelMethod.DIRECT, RateLimitState.NONE,
            1);

    private final Set<OrderId> canceled;
    private final Map<OrderId, String> notCanceled;
    private final CancelMethod method;
    private final RateLimitState rateLimit;
    private final int attempts;

    /**
     * @param canceled    the ids canceled, in the exchange's order (a repeated id counts once)
     * @param notCanceled each id not canceled with the exchange's reason, in the exchange's order
     * @param method      {@link CancelMethod#DIRECT} unless the call fell back to listing the orders
     * @param rateLimit   the {@code Poly-RateLimit-*} state of the last answer seen, {@link RateLimitState#NONE} if none
     */
    public CancelResult(Collection<OrderId> canceled, Map<OrderId, String> notCanceled, CancelMethod method,
                        RateLimitState rateLimit) {
        this(frozen(new LinkedHashSet<>(Objects.requireNonNull(canceled, "canceled"))),
                frozen(new LinkedHashMap<>(Objects.requireNonNull(notCanceled, "notCanceled"))), method, rateLimit, 1);
        this.canceled.forEach(id -> Objects.requireNonNull(id, "canceled holds null"));
        this.notCanceled.keySet().forEach(id -> Objects.requireNonNull(id, "notCanceled holds a null id"));
    }

    /** The exchange's answer alone: canceled directly, no rate limit reported. */
    public CancelResult(Collection<OrderId> canceled, Map<OrderId, String> notCanceled) {
        this(canceled, notCanceled, CancelMethod.DIRECT, RateLimitState.NONE);
    }

    /** Collections already copied and frozen by this class: shared, not copied again. */
    private CancelResult(Set<OrderId> canceled, Map<OrderId, String> notCanceled, CancelMethod method,
                         RateLimitState rateLimit, int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be 1 or more, not " + attempts);
        }
        this.canceled = canceled;
        this.notCanceled = notCanceled;
        this.method = Objects.requireNonNull(method, "method");
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
        this.attempts = attempts;
    }

    /** The ids the exchange canceled, in its order; unmodifiable. */
    public Set<OrderId> canceled() {
        return canceled;
    }

    /** Each id the exchange did not cancel, with its reason, in its order; unmodifiable. */
    public Map<OrderId, String> notCanceled() {
        return notCanceled;
    }

    public CancelMethod method() {
        return method;
    }

    public RateLimitState rateLimit() {
        return rateLimit;
    }

    /**
     * How many times the request that brought this answer was sent (for a cancel made of several
     * requests, the most any of them was): 1 unless an attempt went unanswered and was retried.
     */
    public int attempts() {
        return attempts;
    }

    /** The same answer, with the rate limit as {@code state} says. */
    public CancelResult withRateLimit(RateLimitState state) {
        return new CancelResult(canceled, notCanceled, method, state, attempts);
    }

    /** The same answer, carried out as {@code how} says. */
    public CancelResult withMethod(CancelMethod how) {
        return new CancelResult(canceled, notCanceled, how, rateLimit, attempts);
    }

    /** The same answer, its request sent {@code times} times (1 or more). */
    public CancelResult withAttempts(int times) {
        return new CancelResult(canceled, notCanceled, method, rateLimit, times);
    }

    /** No order canceled, none refused: what a cancel of nothing answers. */
    public static CancelResult empty() {
        return EMPTY;
    }

    /**
     * One result of the answers to several requests of one cancel (a batch too large for one
     * request), in the order given: the canceled ids one after the other, the reasons likewise;
     * {@link #attempts()} is the most any of them took.
     */
    public static CancelResult merge(Collection<CancelResult> results) {
        if (results.size() == 1) {
            return results.iterator().next();
        }
        Set<OrderId> canceled = new LinkedHashSet<>();
        Map<OrderId, String> notCanceled = new LinkedHashMap<>();
        CancelMethod method = CancelMethod.DIRECT;
        RateLimitState rateLimit = RateLimitState.NONE;
        int attempts = 1;
        for (CancelResult result : results) {
            attempts = Math.max(attempts, result.attempts());
            canceled.addAll(result.canceled());
            notCanceled.putAll(result.notCanceled());
            method = result.method() == CancelMethod.DIRECT ? method : result.method();
            rateLimit = result.rateLimit().reported() ? result.rateLimit() : rateLimit;
        }
        return new CancelResult(frozen(canceled), frozen(notCanceled), method, rateLimit, attempts);
    }

    /**
     * This answer, amended by a later cancel of some of its ids not canceled: those the later one
     * canceled move to {@link #canceled()}, and those it refused again take its reason;
     * {@link #attempts()} is the more of the two.
     */
    public CancelResult amendedBy(CancelResult later) {
        Set<OrderId> allCanceled = new LinkedHashSet<>(canceled);
        allCanceled.addAll(later.canceled());
        Map<OrderId, String> stillNot = new LinkedHashMap<>(notCanceled);
        stillNot.keySet().removeAll(later.canceled());
        later.notCanceled().forEach((id, reason) -> {
            // Moved to the end, as the later answer gave it.
            stillNot.remove(id);
            stillNot.put(id, reason);
        });
        return new CancelResult(frozen(allCanceled), frozen(stillNot), method,
                later.rateLimit().reported() ? later.rateLimit() : rateLimit, Math.max(attempts, later.attempts()));
    }

    /** Whether the exchange canceled {@code id}; at once, a set look-up. */
    public boolean wasCanceled(OrderId id) {
        return canceled.contains(id);
    }

    /** The exchange's reason for not canceling {@code id}, if it named one; at once, a map look-up. */
    public Optional<String> reasonNotCanceled(OrderId id) {
        return Optional.ofNullable(notCanceled.get(id));
    }

    private static <T> Set<T> frozen(Set<T> copy) {
        return copy.isEmpty() ? Set.of() : Collections.unmodifiableSet(copy);
    }

    private static <K, V> Map<K, V> frozen(Map<K, V> copy) {
        return copy.isEmpty() ? Map.of() : Collections.unmodifiableMap(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CancelResult that && canceled.equals(that.canceled) && notCanceled.equals(that.notCanceled)
                && method == that.method && rateLimit.equals(that.rateLimit) && attempts == that.attempts;
    }

    @Override
    public int hashCode() {
        return Objects.hash(canceled, notCanceled, method, rateLimit, attempts);
    }

    @Override
    public String toString() {
        return "CancelResult[canceled=" + canceled + ", notCanceled=" + notCanceled + ", method=" + method
                + ", rateLimit=" + rateLimit + ", attempts=" + attempts + "]";
    }
}
