package dev.clobcancel.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clobcancel.domain.failure.BadRequestException;
import dev.clobcancel.domain.failure.ClobException;
import dev.clobcancel.domain.failure.NotReadyException;
import dev.clobcancel.domain.failure.RateLimitedException;
import dev.clobcancel.domain.failure.ServerErrorException;
import dev.clobcancel.domain.failure.TradingDisabledException;
import dev.clobcancel.domain.failure.TradingRestricted;
import dev.clobcancel.domain.failure.TradingRestriction;
import dev.clobcancel.domain.failure.TransportException;
import dev.clobcancel.domain.model.RateLimitState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exchange's statuses as the domain's failures, and a failure restated with what a call learnt: the adapter's alone. */
class FailuresTest {

    private static final RateLimitState GOLD = new RateLimitState(OptionalLong.of(3), Optional.empty(), Optional.of("gold"),
            true, Optional.of(Instant.EPOCH));

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource({
            "400, BadRequestException, false",
            "401, AuthenticationException, false",
            "425, NotReadyException, true",
            "429, RateLimitedException, true",
            "503, TradingDisabledException, false",
            "500, ServerErrorException, true",
            "502, ServerErrorException, true",
            "504, ServerErrorException, true",
            "501, ServerErrorException, false",
            "404, UnexpectedResponseException, false",
            "302, UnexpectedResponseException, false"})
    void eachStatusHasItsType(int status, String type, boolean retryable) {
        ClobException e = Failures.forStatus(status, "why", "DELETE /order");

        assertThat(e.getClass().getSimpleName()).isEqualTo(type);
        assertThat(e.status()).hasValue(status);
        assertThat(e.serverMessage()).contains("why");
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).isEqualTo("DELETE /order answered HTTP " + status + ": why");
    }

    @Test
    void rateLimitedCarriesTheWaitAskedFor() {
        RateLimitedException e = (RateLimitedException) Failures.forStatus(429, "Too Many Requests", "DELETE /order");
        ClobException waiting = Failures.forStatus(429, "Too Many Requests", null, "DELETE /order", null,
                Duration.ofSeconds(3), RateLimitState.NONE);

        assertThat(e.retryAfter()).isEmpty();
        assertThat(waiting.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @ParameterizedTest(name = "503 code {0} and error \"{1}\" is {2}")
    @CsvSource({
            "post_only_mode, 'post-only mode: only post-only orders and cancels are allowed', POST_ONLY",
            ", 'Trading is currently cancel-only. New orders are not accepted, but cancels are allowed.', CANCEL_ONLY",
            "cancel_only, 'Trading is currently cancel-only. New orders are not accepted, but cancels are allowed.', CANCEL_ONLY",
            ", 'Trading is currently disabled. Check polymarket.com for updates', TRADING_DISABLED",
            "something_new, 'Trading is paused', TRADING_DISABLED"})
    void a503NamesItsRestrictionByCodeOrElseByText(String code, String error, TradingRestriction restriction) {
        ClobException e = Failures.forStatus(503, error, code, "DELETE /order", null, null, RateLimitState.NONE);

        assertThat(e).isInstanceOf(TradingDisabledException.class).isInstanceOf(TradingRestricted.class);
        assertThat(((TradingRestricted) e).restriction()).isEqualTo(restriction);
        assertThat(((TradingDisabledException) e).code()).isEqualTo(Optional.ofNullable(code));
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void a425IsTheRestartRestrictionWithItsWait() {
        ClobException e = Failures.forStatus(425, "service not ready", null, "DELETE /order", null, Duration.ofSeconds(9),
                RateLimitState.NONE);

        assertThat(e).isInstanceOf(NotReadyException.class);
        assertThat(((TradingRestricted) e).restriction()).isEqualTo(TradingRestriction.RESTARTING);
        assertThat(((TradingRestricted) e).retryAfter()).contains(Duration.ofSeconds(9));
    }

    @Test
    void everyRestatementKeepsTheRateLimitTheWaitAndTheAttempts() {
        ClobException e = Failures.afterAttempts(Failures.forStatus(429, "Too Many Requests", null, "DELETE /orders", null,
                Duration.ofSeconds(2), GOLD), 3, "no more");

        assertThat(e).isInstanceOf(RateLimitedException.class);
        assertThat(e.rateLimit()).isEqualTo(GOLD);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.getMessage()).isEqualTo("DELETE /orders answered HTTP 429: Too Many Requests (gave up after 3 attempts: no more)");
    }

    @Test
    void aFailureBeforeAnyReportCarriesNoRateLimitUntilOneIsKnown() {
        ClobException failure = Failures.forStatus(500, null, "DELETE /order");

        assertThat(failure.rateLimit()).isEqualTo(RateLimitState.NONE);
        assertThat(Failures.withRateLimitIfNone(failure, GOLD).rateLimit()).isEqualTo(GOLD);
        assertThat(Failures.withRateLimitIfNone(failure, GOLD)).isInstanceOf(ServerErrorException.class)
                .hasMessage(failure.getMessage());
        assertThat(failure.rateLimit()).as("the original never changes").isEqualTo(RateLimitState.NONE);
    }

    @Test
    void aStaleHeartbeatIdRefusalNamesTheIdExpected() {
        BadRequestException e = (BadRequestException) Failures.forStatus(400, "Invalid Heartbeat ID", "POST /v1/heartbeats");
        BadRequestException naming = (BadRequestException) Failures.forStatus(400, "Invalid Heartbeat ID", null,
                "POST /v1/heartbeats", "hb-9", null, RateLimitState.NONE);

        assertThat(e.expectedHeartbeatId()).isEmpty();
        assertThat(naming.expectedHeartbeatId()).contains("hb-9");
        assertThat(((BadRequestException) Failures.afterAttempts(naming, 2, "x")).expectedHeartbeatId()).contains("hb-9");
    }

    @Test
    void noServerMessageLeavesTheMessageShort() {
        assertThat(Failures.forStatus(500, null, "DELETE /order").getMessage()).isEqualTo("DELETE /order answered HTTP 500");
    }

    @Test
    void aSingleAttemptIsTheDefault() {
        assertThat(Failures.forStatus(400, "Invalid orderID", "DELETE /order").attempts()).isEqualTo(1);
    }

    @Test
    void afterAttemptsIsANewFailureOfTheSameTypeThatSaysHowManyAndWhyItStopped() {
        ClobException original = Failures.forStatus(425, "service not ready", "DELETE /order");

        ClobException after = Failures.afterAttempts(original, 3, "the retry policy allows 3 attempts");

        assertThat(after).isInstanceOf(NotReadyException.class).isNotSameAs(original);
        assertThat(after.attempts()).isEqualTo(3);
        assertThat(after.status()).hasValue(425);
        assertThat(after.serverMessage()).contains("service not ready");
        assertThat(after).hasMessage("DELETE /order answered HTTP 425: service not ready "
                + "(gave up after 3 attempts: the retry policy allows 3 attempts)");
        assertThat(original.attempts()).isEqualTo(1);
        assertThat(original).hasMessage("DELETE /order answered HTTP 425: service not ready");
    }

    @Test
    void afterOneAttemptTheMessageIsAsItWas() {
        ClobException original = Failures.forStatus(401, "Invalid API key", "DELETE /order");

        assertThat(Failures.afterAttempts(original, 1, "HTTP 401 is not retried")).hasMessage(original.getMessage());
    }

    @Test
    void afterAttemptsTwiceDoesNotStackTheNotes() {
        ClobException twice = Failures.afterAttempts(Failures.afterAttempts(Failures.forStatus(500, null, "DELETE /order"),
                2, "first"), 4, "second");

        assertThat(twice).hasMessage("DELETE /order answered HTTP 500 (gave up after 4 attempts: second)");
    }

    @Test
    void afterAttemptsKeepsEachTypesOwnFields() {
        java.io.IOException reset = new java.io.IOException("Connection reset");
        TransportException transport = (TransportException) Failures.afterAttempts(new TransportException(
                TransportException.Kind.CONNECTION_RESET, "closed", reset, RateLimitState.NONE, 1), 2, "deadline");
        RateLimitedException limited = (RateLimitedException) Failures.afterAttempts(Failures.forStatus(429, null, null, "x",
                null, Duration.ofSeconds(2), RateLimitState.NONE), 2, "deadline");
        ServerErrorException badGateway = (ServerErrorException) Failures.afterAttempts(Failures.forStatus(502, null, "x"), 2, "d");

        assertThat(transport.kind()).isEqualTo(TransportException.Kind.CONNECTION_RESET);
        assertThat(transport).hasCause(reset);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(badGateway.status()).hasValue(502);
    }

    @Test
    void afterAttemptsKeepsTheEarlierFailuresRecordedOnIt() {
        ClobException last = Failures.forStatus(500, null, "DELETE /order");
        ClobException earlier = Failures.forStatus(425, null, "DELETE /order");
        last.addSuppressed(earlier);

        assertThat(Failures.afterAttempts(last, 2, "why").getSuppressed()).containsExactly(earlier);
    }

    @Test
    void afterAttemptsRefusesFewerThanOne() {
        assertThatThrownBy(() -> Failures.afterAttempts(Failures.forStatus(500, null, "x"), 0, "why"))
                .hasMessage("attempts must be at least 1, not 0");
    }
}
