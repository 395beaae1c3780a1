package dev.clobcancel.adapter.http;

import dev.clobcancel.domain.failure.ClientClosedException;
import dev.clobcancel.domain.failure.ClobException;
import dev.clobcancel.domain.retry.Durations;
import dev.clobcancel.domain.retry.RetryDecision;
import dev.clobcancel.domain.retry.RetryPolicy;
import dev.clobcancel.domain.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the {@link RetryPolicy}: makes an attempt, asks the policy, waits on the scheduler,
 * and makes the next, each attempt within its own timeout and all of them within the call's
 * deadline. A retry that would start after the deadline is never scheduled. The failure that
 * ends a call says how many attempts were made and why no more; the earlier attempts' failures
 * are suppressed on it. One per client: a client derived with
 * {@link ClobHttpClient#withAccount} has its own calls, which its close ends, and shares the rest.
 */
final class RetryingCalls {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingCalls.class);

    private final RetryPolicy policy;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Duration attemptTimeout;
    private final Duration deadline;
    /** The calls not yet answered, each with what it is and its attempts so far, so that {@link #close()} can end them. */
    private final Map<CompletableFuture<?>, Call<?>> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    RetryingCalls(RetryPolicy policy, Clock clock, Scheduler scheduler, Duration attemptTimeout,
                  Duration deadline) {
        this.policy = policy;
        this.clock = clock;
        this.scheduler = scheduler;
        this.attemptTimeout = attemptTimeout;
        this.deadline = deadline;
    }

    /** Decides after a failed attempt, as {@link RetryPolicy#decide} does: a call may have rules of its own. */
    @FunctionalInterface
    interface Decider {
        RetryDecision decide(int attempt, ClobException failure);
    }

    /** One call: {@code attempt} is given each attempt's timeout, and must sign and send afresh. */
    private record Call<T>(String what, Function<Duration, CompletionStage<T>> attempt, Decider decider, Stamp<T> stamp,
                           Duration deadline, Instant deadlineAt, CompletableFuture<T> result, List<ClobException> earlier,
                           AtomicInteger sent) {
    }

    /** The same settings, with calls of its own: for a client of another account. */
    RetryingCalls sibling() {
        return new RetryingCalls(policy, clock, scheduler, attemptTimeout, deadline);
    }

    RetryPolicy policy() {
        return policy;
    }

    Clock clock() {
        return clock;
    }

    /** Whether {@link #close()} was called: no call starts after it. */
    boolean isClosed() {
        return closed.get();
    }

    /** The longest a whole call may take. */
    Duration deadline() {
        return deadline;
    }

    /** Runs {@code task} once {@code delay} has passed, on the client's scheduler. */
    void schedule(Duration delay, Runnable task) {
        scheduler.schedule(delay, task);
    }

    /**
     * Makes attempts until one is answered, the policy stops, or the deadline comes: the client's,
     * or {@code within} when that is shorter (null: the client's). The future fails with the last
     * {@link ClobException} itself, not wrapped.
     */
    <T> CompletableFuture<T> call(String what, Duration within, Function<Duration, CompletionStage<T>> attempt) {
        return call(what, within, null, attempt);
    }

    /** As {@link #call(String, Duration, Function)}, deciding after each failure with {@code decider} (null: the policy). */
    <T> CompletableFuture<T> call(String what, Duration within, Decider decider, Function<Duration, CompletionStage<T>> attempt) {
        return call(what, within, decider, (answer, attempts) -> answer, attempt);
    }

    /** Gives an answer the number of times its request was sent, as a {@code CancelResult} carries it. */
    @FunctionalInterface
    interface Stamp<T> {
        T with(T answer, int attempts);
    }

    /** As {@link #call(String, Duration, Decider, Function)}, the answer stamped with how many times the request was sent. */
    <T> CompletableFuture<T> call(String what, Duration within, Decider decider, Stamp<T> stamp,
                                  Function<Duration, CompletionStage<T>> attempt) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Instant now = clock.instant();
        Duration limit = within != null && within.compareTo(deadline) < 0 ? within : deadline;
        Call<T> call = new Call<>(what, attempt, decider != null ? decider : policy::decide, stamp, limit, now.plus(limit), result,
                new ArrayList<>(), new AtomicInteger());
        inFlight.put(result, call);
        result.whenComplete((value, failure) -> inFlight.remove(result));
        if (closed.get()) {
            // Checked after registering, so that a close() racing with this call cannot miss it.
            result.completeExceptionally(new ClientClosedException("the client is closed: " + what + " was not sent", 0));
            return result;
        }
        run(call, 1, now);
        return result;
    }

    /** Attempt number {@code attempt}, starting {@code now}: it gets what is left of the deadline, at most. */
    private <T> void run(Call<T> call, int attempt, Instant now) {
        if (call.result().isDone()) {
            return;
        }
        Duration left = Duration.between(now, call.deadlineAt());
        Duration timeout = left.compareTo(attemptTimeout) < 0 ? left : attemptTimeout;
        CompletionStage<T> answer;
        call.sent().incrementAndGet();
        try {
            answer = call.attempt().apply(timeout.isNegative() || timeout.isZero() ? Duration.ofMillis(1) : timeout);
        } catch (RuntimeException e) {
            call.result().completeExceptionally(e);
            return;
        }
        answer.whenComplete((value, failure) -> {
            if (failure == null) {
                call.result().complete(call.stamp().with(value, attempt));
            } else if (unwrap(failure) instanceof ClobException clob) {
                afterFailure(call, attempt, clob);
            } else {
                // Not the exchange's answer (a bug): nothing to retry.
                call.result().completeExceptionally(unwrap(failure));
            }
        });
    }

    private <T> void afterFailure(Call<T> call, int attempt, ClobException failure) {
        RetryDecision decision = call.decider().decide(attempt, failure);
        if (decision instanceof RetryDecision.Stop stop) {
            giveUp(call, attempt, failure, stop.reason());
            return;
        }
        Duration delay = ((RetryDecision.Retry) decision).delay();
        if (!clock.instant().plus(delay).isBefore(call.deadlineAt())) {
            giveUp(call, attempt, failure, "the next attempt, due in " + Durations.show(delay)
                    + ", would start after the deadline of " + Durations.show(call.deadline()));
            return;
        }
        LOG.info("{}: attempt {} failed ({}); trying again in {}", call.what(), attempt, failure.getMessage(),
                Durations.show(delay));
        call.earlier().add(failure);
        try {
            scheduler.schedule(delay, () -> run(call, attempt + 1, clock.instant()));
        } catch (RuntimeException e) {
            giveUp(call, attempt, failure, "the next attempt could not be scheduled (" + e + ")");
        }
    }

    private static <T> void giveUp(Call<T> call, int attempt, ClobException failure, String reason) {
        if (attempt == 1) {
            call.result().completeExceptionally(failure);
            return;
        }
        ClobException last = Failures.afterAttempts(failure, attempt, reason);
        call.earlier().forEach(last::addSuppressed);
        LOG.info("{}: gave up after {} attempts: {}", call.what(), attempt, reason);
        call.result().completeExceptionally(last);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /**
     * Ends every call not yet answered: a call waiting for its next attempt would otherwise wait
     * for ever once the timers of the client's own Vert.x are gone.
     */
    void close() {
        closed.set(true);
        inFlight.forEach((result, call) -> result.completeExceptionally(new ClientClosedException(
                "the client was closed before " + call.what() + " was answered", call.sent().get())));
    }
}
