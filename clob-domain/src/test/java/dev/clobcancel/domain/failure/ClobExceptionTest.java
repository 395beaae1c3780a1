package dev.clobcancel.domain.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.model.RateLimitState;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClobExceptionTest {

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
        ClobException e = ClobException.forStatus(status, "why", "DELETE /order");

        assertThat(e.getClass().getSimpleName()).isEqualTo(type);
        assertThat(e.status()).hasValue(status);
        assertThat(e.serverMessage()).contains("why");
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).isEqualTo("DELETE /order answered HTTP " + status + ": why");
    }

    @Test
    void aTransportFailureHasNoStatusAndMayBeRetried() {
        TransportException e = new TransportException(TransportException.Kind.TIMEOUT, "no answer in 5s", null);

        assertThat(e.status()).isEmpty();
        assertThat(e.serverMessage()).isEmpty();
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT);
    }

    @Test
    void rateLimitedCarriesTheWaitAskedFor() {
        RateLimitedException e = (RateLimitedException) ClobException.forStatus(429, "Too Many Requests", "DELETE /order");

        assertThat(e.retryAfter()).isEmpty();
        assertThat(e.withRetryAfter(Duration.ofSeconds(3)).retryAfter()).contains(Duration.ofSeconds(3));
    }

    @ParameterizedTest(name = "503 code {0} and error \"{1}\" is {2}")
    @CsvSource({
            "post_only_mode, 'post-only mode: only post-only orders and cancels are allowed', POST_ONLY",
            ", 'Trading is currently cancel-only. New orders are not accepted, but cancels are allowed.', CANCEL_ONLY",
            "cancel_only, 'Trading is currently cancel-only. New orders are not accepted, but cancels are allowed.', CANCEL_ONLY",
            ", 'Trading is currently disabled. Check polymarket.com for updates', TRADING_DISABLED",
            "something_new, 'Trading is paused', TRADING_DISABLED"})
    void a503NamesItsRestrictionByCodeOrElseByText(String code, String error, TradingRestriction restriction) {
        ClobException e = ClobException.forStatus(503, error, code, "DELETE /order");

        assertThat(e).isInstanceOf(TradingDisabledException.class).isInstanceOf(TradingRestricted.class);
        assertThat(((TradingRestricted) e).restriction()).isEqualTo(restriction);
        assertThat(((TradingDisabledException) e).code()).isEqualTo(java.util.Optional.ofNullable(code));
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void a425IsTheRestartRestrictionWithItsWait() {
        ClobException e = ClobException.forStatus(425, "service not ready", "DELETE /order").withRetryAfter(Duration.ofSeconds(9));

        assertThat(e).isInstanceOf(NotReadyException.class);
        assertThat(((TradingRestricted) e).restriction()).isEqualTo(TradingRestriction.RESTARTING);
        assertThat(((TradingRestricted) e).retryAfter()).contains(Duration.ofSeconds(9));
    }

    @Test
    void everyCopyKeepsTheRateLimitTheWaitAndTheAttempts() {
        RateLimitState state = new RateLimitState(java.util.OptionalLong.of(3), java.util.Optional.empty(),
                java.util.Optional.of("gold"), true, java.util.Optional.of(java.time.Instant.EPOCH));

        ClobException e = ClobException.forStatus(429, "Too Many Requests", "DELETE /orders")
                .withRateLimit(state).withRetryAfter(Duration.ofSeconds(2)).withAttempts(3, "no more");

        assertThat(e).isInstanceOf(RateLimitedException.class);
        assertThat(e.rateLimit()).isEqualTo(state);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.getMessage()).isEqualTo("DELETE /orders answered HTTP 429: Too Many Requests (gave up after 3 attempts: no more)");
    }

    @Test
    void aFailureBeforeAnyReportCarriesNoRateLimit() {
        assertThat(ClobException.forStatus(500, null, "DELETE /order").rateLimit()).isEqualTo(RateLimitState.NONE);
    }

    @Test
    void aStaleHeartbeatIdRefusalNamesTheIdExpected() {
        BadRequestException e = (BadRequestException) ClobException.forStatus(400, "Invalid Heartbeat ID", "POST /v1/heartbeats");

        assertThat(e.expectedHeartbeatId()).isEmpty();
        assertThat(e.withExpectedHeartbeatId("hb-9").expectedHeartbeatId()).contains("hb-9");
        assertThat(((BadRequestException) e.withExpectedHeartbeatId("hb-9").withAttempts(2, "x")).expectedHeartbeatId())
                .contains("hb-9");
    }

    @Test
    void noServerMessageLeavesTheMessageShort() {
        assertThat(ClobException.forStatus(500, null, "DELETE /order").getMessage())
                .isEqualTo("DELETE /order answered HTTP 500");
    }

    @Test
    void aSingleAttemptIsTheDefault() {
        assertThat(ClobException.forStatus(400, "Invalid orderID", "DELETE /order").attempts()).isEqualTo(1);
    }

    @Test
    void withAttemptsIsACopyOfTheSameTypeThatSaysHowManyAndWhyItStopped() {
        ClobException original = ClobException.forStatus(425, "service not ready", "DELETE /order");

        ClobException after = original.withAttempts(3, "the retry policy allows 3 attempts");

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
    void withAttemptsOfOneKeepsTheMessageAsItWas() {
        ClobException original = ClobException.forStatus(401, "Invalid API key", "DELETE /order");

        assertThat(original.withAttempts(1, "HTTP 401 is not retried")).hasMessage(original.getMessage());
    }

    @Test
    void withAttemptsTwiceDoesNotStackTheNotes() {
        ClobException twice = ClobException.forStatus(500, null, "DELETE /order").withAttempts(2, "first").withAttempts(4, "second");

        assertThat(twice).hasMessage("DELETE /order answered HTTP 500 (gave up after 4 attempts: second)");
    }

    @Test
    void withAttemptsKeepsEachTypesOwnFields() {
        java.io.IOException reset = new java.io.IOException("Connection reset");
        TransportException transport = (TransportException) new TransportException(TransportException.Kind.CLOSED, "closed", reset)
                .withAttempts(2, "deadline");
        RateLimitedException limited = (RateLimitedException) ((RateLimitedException) ClobException.forStatus(429, null, "x"))
                .withRetryAfter(Duration.ofSeconds(2)).withAttempts(2, "deadline");
        ServerErrorException badGateway = (ServerErrorException) ClobException.forStatus(502, null, "x").withAttempts(2, "d");

        assertThat(transport.kind()).isEqualTo(TransportException.Kind.CLOSED);
        assertThat(transport).hasCause(reset);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(badGateway.status()).hasValue(502);
    }

    @Test
    void withAttemptsKeepsTheEarlierFailuresRecordedOnIt() {
        ClobException last = ClobException.forStatus(500, null, "DELETE /order");
        ClobException earlier = ClobException.forStatus(425, null, "DELETE /order");
        last.addSuppressed(earlier);

        assertThat(last.withAttempts(2, "why").getSuppressed()).containsExactly(earlier);
    }

    @Test
    void withAttemptsRefusesFewerThanOne() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClobException.forStatus(500, null, "x").withAttempts(0, "why"))
                .hasMessage("attempts must be at least 1, not 0");
    }
}
