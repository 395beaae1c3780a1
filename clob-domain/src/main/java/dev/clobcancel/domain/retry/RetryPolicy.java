package dev.clobcancel.domain.retry;

import dev.clobcancel.domain.failure.ClobException;
import dev.clobcancel.domain.failure.NotReadyException;
import dev.clobcancel.domain.failure.RateLimitedException;
import dev.clobcancel.domain.failure.TradingDisabledException;
import dev.clobcancel.domain.failure.TransportException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * When a failed cancel is sent again, and after how long. Pure: given the number of the attempt
 * that failed, its failure and the random source, the decision is always the same; the adapter
 * does the waiting and the sending. Immutable; the withers return changed copies.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.defaults()
 *         .withMaxAttempts(5)
 *         .withRetryTradingDisabled(true)
 *         .withRandom(new SplittableRandom(42)); // jitter that repeats, for tests
 * }</pre>
 *
 * <p>What is retried, by default:
 * <ul>
 *   <li>500, 502, 504 and transport failures (refused, reset, no answer in time): passing faults,
 *       sent again soon, after {@link #baseDelay()} doubling each time;</li>
 *   <li>425 (the matching engine restarts): the exchange advises backing off, so after the wait
 *       it asked for, if it did, else after {@link #backOffBaseDelay()} doubling each time, up
 *       to {@link #maxDelay()};</li>
 *   <li>429: after exactly the wait the exchange asked for ({@code Retry-After},
 *       {@code retry_after_seconds}, or until {@code Poly-RateLimit-Reset}), never sooner;
 *       without one, as a 425;</li>
 *   <li>503, any restriction (trading disabled, cancel-only, post-only): only when
 *       {@link #withRetryTradingDisabled} says so, as a 425;</li>
 *   <li>a wait asked for that is longer than {@link #maxDelay()} stops the call instead of
 *       hammering;</li>
 *   <li>never 400, 401, another status, or an answer that could not be read.</li>
 * </ul>
 * Exponential delays are jittered so that many clients failing together do not come back
 * together: attempt n waits between half and all of {@code min(maxDelay, base * 2^(n-1))}.
 */
public final class RetryPolicy {

    /** Enough for a restart or a burst of faults; the client's deadline bounds the call anyway. */
    public static final int DEFAULT_MAX_ATTEMPTS = 8;
    /** For passing faults: a reset connection or a 502 is usually gone a moment later. */
    public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(200);
    /** The first wait is 1 to 2 s, as the exchange advises for a 425. */
    public static final Duration DEFAULT_BACK_OFF_BASE_DELAY = Duration.ofSeconds(2);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);

    /** Draws from the calling thread's generator: no contention, and no state to share. */
    private static final RandomGenerator THREAD_LOCAL = () -> ThreadLocalRandom.current().nextLong();

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration backOffBaseDelay;
    private final Duration maxDelay;
    private final boolean retryTradingDisabled;
    private final RandomGenerator random;

    private RetryPolicy(int maxAttempts, Duration baseDelay, Duration backOffBaseDelay, Duration maxDelay,
                        boolean retryTradingDisabled, RandomGenerator random) {
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.backOffBaseDelay = backOffBaseDelay;
        this.maxDelay = maxDelay;
        this.retryTradingDisabled = retryTradingDisabled;
        this.random = random;
    }

    /** The defaults above: 8 attempts, 200 ms and 2 s bases, 30 s at most, 503 not retried. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_BASE_DELAY, DEFAULT_BACK_OFF_BASE_DELAY,
                DEFAULT_MAX_DELAY, false, THREAD_LOCAL);
    }

    /** One attempt: every failure is the answer at once. */
    public static RetryPolicy none() {
        return defaults().withMaxAttempts(1);
    }

    /** The most times a request is sent, the first included (at least 1). */
    public RetryPolicy withMaxAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        return new RetryPolicy(maxAttempts, baseDelay, backOffBaseDelay, maxDelay, retryTradingDisabled, random);
    }

    /** The first wait's ceiling after a passing fault (500, 502, 504, transport). */
    public RetryPolicy withBaseDelay(Duration baseDelay) {
        return new RetryPolicy(maxAttempts, positive(baseDelay, "baseDelay"), backOffBaseDelay, maxDelay,
                retryTradingDisabled, random);
    }

    /** The first wait's ceiling when the exchange asks to back off (425, 429 without a wait, 503). */
    public RetryPolicy withBackOffBaseDelay(Duration backOffBaseDelay) {
        return new RetryPolicy(maxAttempts, baseDelay, positive(backOffBaseDelay, "backOffBaseDelay"), maxDelay,
                retryTradingDisabled, random);
    }

    /** The longest wait between two attempts; a 429 asking for longer stops the call. */
    public RetryPolicy withMaxDelay(Duration maxDelay) {
        return new RetryPolicy(maxAttempts, baseDelay, backOffBaseDelay, positive(maxDelay, "maxDelay"),
                retryTradingDisabled, random);
    }

    /**
     * Whether a 503 "trading disabled" is retried. Off by default: trading stays off for minutes
     * to hours, and a caller usually wants to know at once; a caller whose cancels must get
     * through as soon as it comes back turns it on, with a deadline long enough.
     */
    public RetryPolicy withRetryTradingDisabled(boolean retry) {
        return new RetryPolicy(maxAttempts, baseDelay, backOffBaseDelay, maxDelay, retry, random);
    }

    /** Where the jitter comes from; a seeded generator makes every delay repeat exactly. */
    public RetryPolicy withRandom(RandomGenerator random) {
        return new RetryPolicy(maxAttempts, baseDelay, backOffBaseDelay, maxDelay, retryTradingDisabled,
                Objects.requireNonNull(random, "random"));
    }

    /**
     * Whether to send again after attempt number {@code attempt} (1 for the first) failed with
     * {@code failure}, and after how long.
     */
    public RetryDecision decide(int attempt, ClobException failure) {
        Objects.requireNonNull(failure, "failure");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, not " + attempt);
        }
        boolean retryable = failure.isRetryable() || failure instanceof TradingDisabledException && retryTradingDisabled;
        if (!retryable) {
            return new RetryDecision.Stop(describe(failure) + " is not retried");
        }
        if (attempt >= maxAttempts) {
            return new RetryDecision.Stop(maxAttempts == 1 ? "the retry policy allows one attempt"
                    : "the retry policy allows " + maxAttempts + " attempts");
        }
        if (failure.retryAfter().isPresent()) {
            Duration asked = failure.retryAfter().get();
            if (asked.compareTo(maxDelay) > 0) {
                return new RetryDecision.Stop("the exchange asked to wait " + Durations.show(asked)
                        + ", longer than the retry policy's longest wait of " + Durations.show(maxDelay));
            }
            return new RetryDecision.Retry(asked);
        }
        boolean backOff = failure instanceof NotReadyException || failure instanceof RateLimitedException
                || failure instanceof TradingDisabledException;
        return new RetryDecision.Retry(jittered(backOff ? backOffBaseDelay : baseDelay, attempt));
    }

    /** Between half and all of {@code min(maxDelay, base * 2^(attempt-1))}, to the millisecond. */
    private Duration jittered(Duration base, int attempt) {
        double ceiling = Math.min(maxDelay.toMillis(), base.toMillis() * Math.pow(2, Math.min(attempt - 1, 62)));
        return Duration.ofMillis(Math.round(ceiling / 2 + random.nextDouble() * ceiling / 2));
    }

    private static String describe(ClobException failure) {
        if (failure instanceof TransportException transport) {
            return "a transport failure of kind " + transport.kind();
        }
        return failure.status().isPresent() ? "HTTP " + failure.status().getAsInt() : failure.getClass().getSimpleName();
    }

    private static Duration positive(Duration value, String name) {
        return Durations.requirePositive(value, name);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration baseDelay() {
        return baseDelay;
    }

    public Duration backOffBaseDelay() {
        return backOffBaseDelay;
    }

    public Duration maxDelay() {
        return maxDelay;
    }

    public boolean retriesTradingDisabled() {
        return retryTradingDisabled;
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", baseDelay=" + Durations.show(baseDelay)
                + ", backOffBaseDelay=" + Durations.show(backOffBaseDelay) + ", maxDelay=" + Durations.show(maxDelay)
                + ", retryTradingDisabled=" + retryTradingDisabled + "]";
    }
}
