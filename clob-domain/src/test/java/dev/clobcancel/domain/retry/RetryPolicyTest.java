package dev.clobcancel.domain.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clobcancel.domain.failure.ClobException;
import dev.clobcancel.domain.failure.RateLimitedException;
import dev.clobcancel.domain.failure.Refusals;
import dev.clobcancel.domain.failure.TradingDisabledException;
import dev.clobcancel.domain.failure.TradingRestriction;
import dev.clobcancel.domain.failure.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

    /** Jitter in the middle of its range: each delay is three quarters of its ceiling. */
    private static final RetryPolicy MID_JITTER = RetryPolicy.defaults().withRandom(fixed(0.5));

    private static ClobException status(int status) {
        return Refusals.status(status, null, null);
    }

    private static Duration delay(RetryDecision decision) {
        assertThat(decision).isInstanceOf(RetryDecision.Retry.class);
        return ((RetryDecision.Retry) decision).delay();
    }

    private static String stopReason(RetryDecision decision) {
        assertThat(decision).isInstanceOf(RetryDecision.Stop.class);
        return ((RetryDecision.Stop) decision).reason();
    }

    /** A generator whose every double is {@code value}. */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only doubles are drawn");
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void aNotReadyAnswerIsFirstRetriedAfterOneToTwoSeconds() {
        RetryPolicy policy = RetryPolicy.defaults();

        assertThat(delay(policy.withRandom(fixed(0.0)).decide(1, status(425)))).isEqualTo(Duration.ofSeconds(1));
        assertThat(delay(policy.withRandom(fixed(0.999)).decide(1, status(425)))).isEqualTo(Duration.ofMillis(1999));
    }

    @Test
    void backingOffDoublesEachAttemptUpToTheLongestWait() {
        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; attempt <= 6; attempt++) {
            delays.add(delay(MID_JITTER.decide(attempt, status(425))));
        }

        // Ceilings 2, 4, 8, 16 s, then 32 s held to 30 s; each delay three quarters of its ceiling.
        assertThat(delays).containsExactly(Duration.ofMillis(1500), Duration.ofSeconds(3), Duration.ofSeconds(6),
                Duration.ofSeconds(12), Duration.ofMillis(22_500), Duration.ofMillis(22_500));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 504})
    void passingServerFaultsAreRetriedSoonAfterTheBaseDelay(int status) {
        assertThat(delay(MID_JITTER.decide(1, status(status)))).isEqualTo(Duration.ofMillis(150));
        assertThat(delay(MID_JITTER.decide(2, status(status)))).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void transportFailuresThatMayHealAreRetriedSoonAfterTheBaseDelay() {
        for (TransportException.Kind kind : TransportException.Kind.values()) {
            if (kind.mayHeal()) {
                TransportException failure = new TransportException(kind, "no answer", null, null, 1);

                assertThat(delay(MID_JITTER.decide(1, failure))).as(kind.name()).isEqualTo(Duration.ofMillis(150));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = TransportException.Kind.class, names = {"CERTIFICATE", "HOST_NAME_MISMATCH", "UNKNOWN_HOST"})
    void aCertificateAHostNameOrAnUnknownHostIsNotRetriedForItCannotHeal(TransportException.Kind kind) {
        TransportException failure = new TransportException(kind, "refused", null, null, 1);

        assertThat(stopReason(MID_JITTER.decide(1, failure))).isEqualTo("a transport failure of kind " + kind + " is not retried");
    }

    @Test
    void aRateLimitIsWaitedOutExactlyAsTheExchangeAsked() {
        RateLimitedException limited = (RateLimitedException) Refusals.status(429, null, Duration.ofSeconds(7));

        assertThat(delay(RetryPolicy.defaults().decide(1, limited))).isEqualTo(Duration.ofSeconds(7));
        assertThat(delay(RetryPolicy.defaults().decide(5, limited))).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aRateLimitAskingForMoreThanTheLongestWaitStopsRatherThanComingBackEarly() {
        RateLimitedException limited = (RateLimitedException) Refusals.status(429, null, Duration.ofSeconds(90));

        assertThat(stopReason(MID_JITTER.decide(1, limited)))
                .isEqualTo("the exchange asked to wait 90 s, longer than the retry policy's longest wait of 30 s");
    }

    @Test
    void aRateLimitWithoutAWaitBacksOffLikeANotReadyAnswer() {
        assertThat(delay(MID_JITTER.decide(1, status(429)))).isEqualTo(Duration.ofMillis(1500));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 404, 501, 503})
    void failuresThatSendingAgainCannotMendAreNeverRetried(int status) {
        assertThat(stopReason(MID_JITTER.decide(1, status(status)))).isEqualTo("HTTP " + status + " is not retried");
    }

    @Test
    void anAnswerThatCouldNotBeReadIsNeverRetried() {
        ClobException unreadable = dev.clobcancel.domain.failure.UnexpectedResponseException
                .unreadableBody(200, "OK", "DELETE /order", "not JSON");

        assertThat(MID_JITTER.decide(1, unreadable)).isInstanceOf(RetryDecision.Stop.class);
    }

    @Test
    void tradingDisabledIsRetriedOnlyWhenAskedForAndThenBacksOff() {
        RetryPolicy retrying = MID_JITTER.withRetryTradingDisabled(true);

        assertThat(RetryPolicy.defaults().retriesTradingDisabled()).isFalse();
        assertThat(delay(retrying.decide(1, status(503)))).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void aRestartIsWaitedOutAsTheExchangeAskedWhenItSaysHowLong() {
        ClobException restarting = Refusals.status(425, null, Duration.ofSeconds(7));

        assertThat(delay(MID_JITTER.decide(1, restarting))).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aRestrictionIsStillRetriedOnlyWhenAskedForAndThenAfterTheWaitItNamed() {
        ClobException postOnly = new TradingDisabledException("post-only mode", "POST /v1/heartbeats answered HTTP 503",
                "post_only_mode", TradingRestriction.POST_ONLY, Duration.ofSeconds(4), null, 1);

        assertThat(stopReason(MID_JITTER.decide(1, postOnly))).isEqualTo("HTTP 503 is not retried");
        assertThat(delay(MID_JITTER.withRetryTradingDisabled(true).decide(1, postOnly))).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void aRestrictionAskingForMoreThanTheLongestWaitStops() {
        ClobException disabled = Refusals.status(503, null, Duration.ofMinutes(2));

        assertThat(stopReason(MID_JITTER.withRetryTradingDisabled(true).decide(1, disabled)))
                .isEqualTo("the exchange asked to wait 120 s, longer than the retry policy's longest wait of 30 s");
    }

    @Test
    void stopsOnceTheMostAttemptsHaveBeenMade() {
        RetryPolicy three = MID_JITTER.withMaxAttempts(3);

        assertThat(three.decide(2, status(425))).isInstanceOf(RetryDecision.Retry.class);
        assertThat(stopReason(three.decide(3, status(425)))).isEqualTo("the retry policy allows 3 attempts");
    }

    @Test
    void noneMakesOneAttempt() {
        assertThat(stopReason(RetryPolicy.none().decide(1, status(502)))).isEqualTo("the retry policy allows one attempt");
    }

    @Test
    void theSameSeedGivesTheSameDelaysEachWithinItsRange() {
        RetryPolicy seeded = RetryPolicy.defaults().withMaxAttempts(20);
        List<Duration> first = new ArrayList<>();
        List<Duration> second = new ArrayList<>();
        RetryPolicy a = seeded.withRandom(new SplittableRandom(42));
        RetryPolicy b = seeded.withRandom(new SplittableRandom(42));
        for (int attempt = 1; attempt < 20; attempt++) {
            first.add(delay(a.decide(attempt, status(425))));
            second.add(delay(b.decide(attempt, status(425))));
        }

        assertThat(first).isEqualTo(second);
        for (int i = 0; i < first.size(); i++) {
            long ceiling = Math.min(30_000, 2_000L << i);
            assertThat(first.get(i).toMillis()).as("attempt %d", i + 1).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void aVeryLateAttemptStillWaitsNoLongerThanTheLongestWait() {
        RetryPolicy many = MID_JITTER.withMaxAttempts(Integer.MAX_VALUE);

        assertThat(delay(many.decide(1_000_000, status(500)))).isEqualTo(Duration.ofMillis(22_500));
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> RetryPolicy.defaults().withMaxAttempts(0)).hasMessage("maxAttempts must be at least 1, not 0");
        assertThatThrownBy(() -> RetryPolicy.defaults().withBaseDelay(Duration.ZERO)).hasMessageContaining("baseDelay must be positive");
        assertThatThrownBy(() -> RetryPolicy.defaults().withBackOffBaseDelay(Duration.ofSeconds(-1)))
                .hasMessageContaining("backOffBaseDelay must be positive");
        assertThatThrownBy(() -> RetryPolicy.defaults().withMaxDelay(null)).hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> RetryPolicy.defaults().decide(0, status(500))).hasMessageContaining("attempt must be at least 1");
    }

    @Test
    void toStringShowsTheSettings() {
        assertThat(RetryPolicy.defaults()).hasToString(
                "RetryPolicy[maxAttempts=8, baseDelay=200 ms, backOffBaseDelay=2 s, maxDelay=30 s, retryTradingDisabled=false]");
    }
}
