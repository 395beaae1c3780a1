package dev.clobcancel.adapter.http;

import dev.clobcancel.domain.failure.ClobException;
import dev.clobcancel.domain.failure.RateLimitedException;
import dev.clobcancel.domain.model.CancelMethod;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.MarketCancel;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.model.RateLimitState;
import dev.clobcancel.domain.retry.RetryDecision;
import dev.clobcancel.domain.retry.RetryPolicy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code DELETE /cancel-all} and {@code DELETE /cancel-market-orders} cost 1 plus the number of
 * orders canceled, and the exchange refuses a request whole when the signer's bucket cannot pay
 * for it: with more live orders than the tier's burst, such a cancel can never get through. It
 * is sent as usual; when a 429 shows it never will, the account's live orders are listed
 * ({@code GET /data/orders}, every page) and canceled with {@code DELETE /orders} in batches
 * that fit the burst, and the result says {@link CancelMethod#LISTED_ORDERS}.
 *
 * <p>A 429 shows the cost can never fit when the bucket was full as it refused
 * ({@code Poly-RateLimit-Remaining} at least the burst of the tier), or when a 429 comes again
 * after the wait the first asked for: the bucket has refilled as far as the exchange said it
 * would, and still cannot pay. A 429 whose wait the retry policy will not wait (longer than its
 * longest delay, or past the deadline) is the answer, as for any call.
 */
final class CancelAllFallback {

    private static final Logger LOG = LoggerFactory.getLogger(CancelAllFallback.class);

    /** Cancels {@code ids} in batches that fit, by {@code deadlineAt}. */
    @FunctionalInterface
    interface Batches {
        CompletableFuture<CancelResult> cancel(List<OrderId> ids, Instant deadlineAt);
    }

    /** Sends one cancel request with its own retry rules. */
    @FunctionalInterface
    interface Sender {
        CompletableFuture<CancelResult> send(String path, byte[] body, RetryingCalls.Decider decider);
    }

    private final RetryPolicy policy;
    private final Sender sender;
    private final OpenOrders orders;
    private final Batches batches;

    CancelAllFallback(RetryPolicy policy, Sender sender, OpenOrders orders, Batches batches) {
        this.policy = policy;
        this.sender = sender;
        this.orders = orders;
        this.batches = batches;
    }

    /**
     * {@code path} with {@code body}; when refused as never fitting, the live orders ({@code which}
     * only, or all for null) canceled in batches. All by {@code deadlineAt}.
     */
    CompletableFuture<CancelResult> cancel(String path, byte[] body, MarketCancel which, Instant deadlineAt) {
        NeverFits rules = new NeverFits(policy);
        CompletableFuture<CancelResult> done = new CompletableFuture<>();
        sender.send(path, body, rules).whenComplete((result, failure) -> {
            if (failure == null) {
                done.complete(result);
                return;
            }
            Throwable refusal = CancelRequests.unwrap(failure);
            if (!rules.found()) {
                done.completeExceptionally(refusal);
                return;
            }
            LOG.info("{} can never fit the signer's rate limit ({}); listing the orders to cancel them in batches",
                    path, refusal.getMessage());
            orders.list(which, deadlineAt)
                    .thenCompose(ids -> batches.cancel(ids, deadlineAt))
                    .whenComplete((listed, e) -> {
                        if (e == null) {
                            done.complete(listed.withMethod(CancelMethod.LISTED_ORDERS));
                        } else {
                            Throwable cause = CancelRequests.unwrap(e);
                            cause.addSuppressed(refusal);
                            done.completeExceptionally(cause);
                        }
                    });
        });
        return done;
    }

    /** The retry policy, but a 429 that shows the cost can never fit stops the call, and says so. */
    static final class NeverFits implements RetryingCalls.Decider {

        private final RetryPolicy policy;
        private volatile boolean waitedOutOne;
        private volatile boolean found;

        NeverFits(RetryPolicy policy) {
            this.policy = policy;
        }

        @Override
        public RetryDecision decide(int attempt, ClobException failure) {
            if (!(failure instanceof RateLimitedException)) {
                return policy.decide(attempt, failure);
            }
            RateLimitState state = failure.rateLimit();
            boolean fullBucket = state.remaining().isPresent() && state.remaining().getAsLong() >= state.cancelBurst();
            if (fullBucket || waitedOutOne) {
                found = true;
                return new RetryDecision.Stop(fullBucket
                        ? "refused with the bucket full: it costs more than the burst of " + state.cancelBurst()
                        : "refused again after the wait the exchange asked for: it costs more than the bucket holds");
            }
            RetryDecision decision = policy.decide(attempt, failure);
            waitedOutOne = decision instanceof RetryDecision.Retry;
            return decision;
        }

        /** Whether a 429 showed the cancel can never fit. */
        boolean found() {
            return found;
        }
    }
}
