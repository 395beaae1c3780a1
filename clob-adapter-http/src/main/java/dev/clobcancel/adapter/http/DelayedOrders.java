package dev.clobcancel.adapter.http;

import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.retry.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delayed taker orders (crypto and financial up/down markets, since 5 June 2026): a marketable
 * order waits {@value #WINDOW_MS} ms with status {@code delayed}, and a cancel in that window is
 * refused with {@value #REASON}. Those ids are canceled again once the window has passed, within
 * the call's deadline, and are reported as not canceled only when refused again.
 */
final class DelayedOrders {

    /** The exchange's reason for refusing a cancel of an order in its delay window. */
    static final String REASON = "cannot cancel because the order is in pending/delayed status";
    static final long WINDOW_MS = 250;
    /**
     * Waited after a refusal: the window (which started before the refusal, so has surely passed
     * by then) and a little more, for the exchange to turn the order live.
     */
    static final Duration WAIT = Duration.ofMillis(WINDOW_MS + 25);
    /** Rounds of canceling again: an order is delayed once; more rounds only cover a slow exchange. */
    static final int MAX_ROUNDS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(DelayedOrders.class);

    /** Cancels {@code ids} once, within {@code within}. */
    @FunctionalInterface
    interface Canceller {
        CompletableFuture<CancelResult> cancel(List<OrderId> ids, Duration within);
    }

    private final RetryingCalls calls;
    private final Canceller canceller;

    DelayedOrders(RetryingCalls calls, Canceller canceller) {
        this.calls = calls;
        this.canceller = canceller;
    }

    /** {@code result}, its delayed ids canceled again once their window has passed, if that can be before {@code deadlineAt}. */
    CompletableFuture<CancelResult> retry(CancelResult result, Instant deadlineAt) {
        return retry(result, deadlineAt, 1);
    }

    private CompletableFuture<CancelResult> retry(CancelResult result, Instant deadlineAt, int round) {
        List<OrderId> ids = delayedIds(result);
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        if (round > MAX_ROUNDS || !calls.clock().instant().plus(WAIT).isBefore(deadlineAt)) {
            LOG.info("{} orders still delayed, not canceled: {}", ids.size(), round > MAX_ROUNDS
                    ? "refused " + MAX_ROUNDS + " times more" : "their window ends after the deadline");
            return CompletableFuture.completedFuture(result);
        }
        LOG.debug("{} orders refused as delayed; canceling them again in {}", ids.size(), Durations.show(WAIT));
        CompletableFuture<CancelResult> done = new CompletableFuture<>();
        try {
            calls.schedule(WAIT, () -> canceller.cancel(ids, Duration.between(calls.clock().instant(), deadlineAt))
                    .whenComplete((later, failure) -> {
                        if (failure != null) {
                            // The first answer stands: those ids are reported not canceled, with its reason.
                            LOG.info("canceling {} delayed orders again failed: {}", ids.size(),
                                    CancelRequests.unwrap(failure).getMessage());
                            done.complete(result);
                        } else {
                            retry(result.amendedBy(later), deadlineAt, round + 1).whenComplete((last, e) -> done.complete(
                                    e == null ? last : result));
                        }
                    }));
        } catch (RuntimeException e) {
            // A client closed meanwhile: no second try, the first answer is all there is.
            done.complete(result);
        }
        return done;
    }

    /** The ids the exchange refused as delayed. */
    static List<OrderId> delayedIds(CancelResult result) {
        List<OrderId> ids = new ArrayList<>();
        for (Map.Entry<OrderId, String> refused : result.notCanceled().entrySet()) {
            if (refused.getValue() != null && refused.getValue().toLowerCase(Locale.ROOT).contains(REASON)) {
                ids.add(refused.getKey());
            }
        }
        return ids;
    }
}
