package dev.clobcancel.domain.failure;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void noServerMessageLeavesTheMessageShort() {
        assertThat(ClobException.forStatus(500, null, "DELETE /order").getMessage())
                .isEqualTo("DELETE /order answered HTTP 500");
    }
}
