package dev.clobcancel.adapter.http;

import static dev.clobcancel.adapter.http.TestSupport.ADDRESS;
import static dev.clobcancel.adapter.http.TestSupport.CREDS;
import static dev.clobcancel.adapter.http.TestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.failure.TransportException;
import dev.clobcancel.domain.model.OrderId;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.dns.AddressResolverOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A transport failure says its kind; what cannot heal (a certificate not trusted or not naming
 * the host, a host name that does not resolve) is not retried, with the default policy and its
 * 30 s deadline: one attempt, and the answer at once.
 */
class TransportKindsTest {

    private static final OrderId ID = OrderId.of("0x" + "ab".repeat(32));

    @Test
    void anUntrustedCertificateIsACertificateFailureTriedOnce() throws Exception {
        try (HeldServer server = HeldServer.tls();
             ClobHttpClient client = ClobHttpClient.builder().host(server.uri()).credentials(CREDS).address(ADDRESS).build()) {
            Throwable failure = failure(client.cancelOrder(ID));

            assertThat(failure).isInstanceOf(TransportException.class).hasMessageContaining("certificate is not trusted");
            assertThat(((TransportException) failure).kind()).isEqualTo(TransportException.Kind.CERTIFICATE);
            assertThat(((TransportException) failure).attempts()).isEqualTo(1);
            assertThat(((TransportException) failure).isRetryable()).isFalse();
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostIsAHostNameMismatchTriedOnce() throws Exception {
        try (HeldServer server = HeldServer.tls();
             ClobHttpClient client = ClobHttpClient.builder().host(server.uri()).credentials(CREDS).address(ADDRESS)
                     .trustCertificate(server.certificatePem()).build()) {
            // The certificate names localhost; the client asks for 127.0.0.1.
            Throwable failure = failure(client.cancelOrder(ID));

            assertThat(failure).isInstanceOf(TransportException.class).hasMessageContaining("does not name 127.0.0.1");
            assertThat(((TransportException) failure).kind()).isEqualTo(TransportException.Kind.HOST_NAME_MISMATCH);
            assertThat(((TransportException) failure).attempts()).isEqualTo(1);
        }
    }

    @Test
    void aHostNameThatDoesNotResolveIsAnUnknownHostTriedOnce() throws Exception {
        // The resolver asks a loopback port nobody answers on: the look-up never leaves the machine.
        Vertx vertx = Vertx.vertx(new VertxOptions().setAddressResolverOptions(new AddressResolverOptions()
                .setServers(List.of("127.0.0.1:" + TestSupport.closedLoopbackPort()))
                .setHostsValue(io.vertx.core.buffer.Buffer.buffer("127.0.0.1 localhost\n"))
                .setQueryTimeout(500).setMaxQueries(1)));
        try (ClobHttpClient client = ClobHttpClient.builder().host("https://no-such-host.invalid").credentials(CREDS)
                .address(ADDRESS).vertx(vertx).build()) {
            Throwable failure = failure(client.cancelOrder(ID));

            assertThat(failure).isInstanceOf(TransportException.class).hasMessageContaining("does not resolve");
            assertThat(((TransportException) failure).kind()).isEqualTo(TransportException.Kind.UNKNOWN_HOST);
            assertThat(((TransportException) failure).attempts()).isEqualTo(1);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
