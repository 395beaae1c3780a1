package dev.clobcancel.domain.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clobcancel.domain.model.RateLimitState;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The family's own rules; how the exchange's statuses map onto it is the HTTP adapter's (its {@code FailuresTest}). */
class ClobExceptionTest {

    @Test
    void aTransportFailureHasNoStatusAndMayBeRetriedWhenItCanHeal() {
        TransportException e = new TransportException(TransportException.Kind.TIMEOUT, "no answer in 5s", null, null, 1);

        assertThat(e.status()).isEmpty();
        assertThat(e.serverMessage()).isEmpty();
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT);
    }

    @Test
    void aCertificateAHostNameOrAnUnknownHostNeverHeals() {
        EnumSet<TransportException.Kind> never = EnumSet.of(TransportException.Kind.CERTIFICATE,
                TransportException.Kind.HOST_NAME_MISMATCH, TransportException.Kind.UNKNOWN_HOST);

        for (TransportException.Kind kind : TransportException.Kind.values()) {
            TransportException e = new TransportException(kind, "failed", null, null, 1);

            assertThat(e.isRetryable()).as(kind.name()).isEqualTo(!never.contains(kind));
            assertThat(kind.mayHeal()).as(kind.name()).isEqualTo(!never.contains(kind));
        }
    }

    @Test
    void everyFieldIsGivenToThePublicConstructor() {
        RateLimitState state = new RateLimitState(java.util.OptionalLong.of(3), java.util.Optional.empty(),
                java.util.Optional.of("gold"), true, java.util.Optional.of(java.time.Instant.EPOCH));

        RateLimitedException e = new RateLimitedException("Too Many Requests", "DELETE /orders answered HTTP 429",
                Duration.ofSeconds(2), state, 3);

        assertThat(e.status()).hasValue(429);
        assertThat(e.serverMessage()).contains("Too Many Requests");
        assertThat(e.rateLimit()).isEqualTo(state);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(e.attempts()).isEqualTo(3);
    }

    @Test
    void aFailureWithoutARateLimitCarriesNone() {
        assertThat(new ServerErrorException(500, null, "x", null, null, 1).rateLimit()).isEqualTo(RateLimitState.NONE);
    }

    @Test
    void theFamilyIsImmutable() {
        for (Class<?> type : ClobException.class.getPermittedSubclasses()) {
            Class<?> at = type;
            while (at != RuntimeException.class) {
                assertThat(Arrays.stream(at.getDeclaredFields()).filter(f -> !f.isSynthetic()))
                        .as(at.getSimpleName()).allMatch(ClobExceptionTest::isFinal);
                at = at.getSuperclass();
            }
        }
    }

    private static boolean isFinal(Field field) {
        return Modifier.isFinal(field.getModifiers());
    }

    @Test
    void aClosedClientIsOneOfTheFamilyAndNotRetried() {
        ClobException closed = new ClientClosedException("the client is closed: DELETE /order was not sent", 0);

        assertThat(closed.isRetryable()).isFalse();
        assertThat(closed.attempts()).isZero();
        assertThat(closed.status()).isEmpty();
    }

    @Test
    void anInterruptedWaitSaysSoAndKeepsTheInterrupt() {
        InterruptedException interrupt = new InterruptedException();

        WaitInterruptedException e = new WaitInterruptedException("interrupted while waiting for DELETE /order", interrupt);

        assertThat(e).isInstanceOf(ClobException.class).hasCause(interrupt).hasMessageContaining("interrupted");
    }

    @Test
    void negativeAttemptsAndWaitsAreRefused() {
        assertThatThrownBy(() -> new ServerErrorException(500, null, "x", null, null, -1))
                .hasMessage("attempts must not be negative, not -1");
        assertThatThrownBy(() -> new NotReadyException(null, "x", Duration.ofSeconds(-1), null, 1))
                .hasMessageContaining("retryAfter must not be negative");
        assertThatThrownBy(() -> new ServerErrorException(404, null, "x", null, null, 1))
                .hasMessage("a server error has a 5xx status, not 404");
    }
}
