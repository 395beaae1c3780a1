package dev.clobcancel.domain.retry;

import java.time.Duration;
import java.util.Objects;

/** What a {@link RetryPolicy} says after a failed attempt: send again after a delay, or stop. */
public sealed interface RetryDecision permits RetryDecision.Retry, RetryDecision.Stop {

    /** Send the request again, signed afresh, once {@code delay} has passed. */
    record Retry(Duration delay) implements RetryDecision {
        public Retry {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative, not " + delay);
            }
        }
    }

    /** Give up: the failure is the answer; {@code reason} says why no more attempts are made. */
    record Stop(String reason) implements RetryDecision {
        public Stop {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
