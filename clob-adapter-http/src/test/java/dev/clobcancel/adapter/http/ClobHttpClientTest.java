package dev.clobcancel.adapter.http;

import static dev.clobcancel.adapter.http.TestSupport.ADDRESS;
import static dev.clobcancel.adapter.http.TestSupport.CREDS;
import static dev.clobcancel.adapter.http.TestSupport.closedLoopbackPort;
import static dev.clobcancel.adapter.http.TestSupport.failure;
import static dev.clobcancel.adapter.http.TestSupport.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clobcancel.domain.failure.AuthenticationException;
import dev.clobcancel.domain.failure.BadRequestException;
import dev.clobcancel.domain.failure.ClientClosedException;
import dev.clobcancel.domain.failure.ClobException;
import dev.clobcancel.domain.failure.NotReadyException;
import dev.clobcancel.domain.failure.RateLimitedException;
import dev.clobcancel.domain.failure.ServerErrorException;
import dev.clobcancel.domain.failure.TradingDisabledException;
import dev.clobcancel.domain.failure.TransportException;
import dev.clobcancel.domain.failure.UnexpectedResponseException;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.retry.RetryPolicy;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.faults.FaultAction;
import dev.clobcancel.simulator.faults.FaultRule;
import dev.clobcancel.simulator.junit.ClobSimulatorTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against the simulator over real HTTP on a loopback port: each answer of
 * {@code DELETE /order}, one attempt each (retries are {@link RetryTest}'s).
 */
@ClobSimulatorTest
class ClobHttpClientTest {

    ClobSimulator sim;
    ClobHttpClient client;

    @BeforeEach
    void fresh(ClobSimulator sim) {
        this.sim = sim;
        sim.addAccount(CREDS, ADDRESS);
        client = clientFor(sim.baseUri().toString(), CREDS, Duration.ofSeconds(5));
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    static ClobHttpClient clientFor(String host, ApiCredentials creds, Duration timeout) {
        return ClobHttpClient.builder().host(host).credentials(creds).address(ADDRESS).attemptTimeout(timeout)
                .retryPolicy(RetryPolicy.none()).build();
    }

    private OrderId liveOrder() {
        return TestSupport.liveOrder(sim);
    }

    @Test
    void cancelsALiveOrder() throws Exception {
        OrderId id = liveOrder();

        CancelResult result = result(client.cancelOrder(id));

        assertThat(TestSupport.ids(result.canceled())).containsExactly(id.value());
        assertThat(TestSupport.reasons(result.notCanceled())).isEmpty();
        assertThat(sim.order(id).orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void reportsAnOrderNotCanceledWithTheExchangesReason() throws Exception {
        OrderId id = liveOrder();
        result(client.cancelOrder(id));

        CancelResult again = result(client.cancelOrder(id));

        assertThat(again.wasCanceled(id)).isFalse();
        assertThat(again.reasonNotCanceled(id)).contains("Order not found or already canceled");
    }

    @Test
    void reportsAMatchedOrder() throws Exception {
        OrderId id = liveOrder();
        sim.orders().fill(id);

        assertThat(result(client.cancelOrder(id)).reasonNotCanceled(id)).contains("Order already matched");
    }

    @Test
    void aWrongSecretIsAnAuthenticationFailureThatNamesNoSecret() throws Exception {
        ApiCredentials wrong = new ApiCredentials(CREDS.apiKey(), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", CREDS.passphrase());
        try (ClobHttpClient wrongClient = clientFor(sim.baseUri().toString(), wrong, Duration.ofSeconds(5))) {
            Throwable failure = failure(wrongClient.cancelOrder(liveOrder()));

            assertThat(failure).isInstanceOf(AuthenticationException.class)
                    .hasMessage("DELETE /order answered HTTP 401: Invalid API key")
                    .hasMessageNotContaining(wrong.secret()).hasMessageNotContaining(wrong.passphrase());
            assertThat(((ClobException) failure).status()).hasValue(401);
            assertThat(((ClobException) failure).serverMessage()).contains("Invalid API key");
        }
    }

    @Test
    void eachErrorStatusIsItsOwnFailure() throws Exception {
        Map<Integer, Class<? extends ClobException>> expected = Map.of(
                400, BadRequestException.class,
                425, NotReadyException.class,
                429, RateLimitedException.class,
                500, ServerErrorException.class,
                502, ServerErrorException.class,
                503, TradingDisabledException.class,
                404, UnexpectedResponseException.class);
        for (var entry : expected.entrySet()) {
            sim.faults().add(FaultRule.respond(entry.getKey()).path("/order").times(1).build());

            Throwable failure = failure(client.cancelOrder(liveOrder()));

            assertThat(failure).as("HTTP %d", entry.getKey()).isInstanceOf(entry.getValue());
            assertThat(((ClobException) failure).status()).hasValue(entry.getKey());
        }
    }

    @Test
    void theExchangesErrorTextIsCarried() throws Exception {
        sim.faults().add(FaultRule.respond(503).path("/order").build());

        ClobException failure = (ClobException) failure(client.cancelOrder(liveOrder()));

        assertThat(failure.serverMessage()).contains("Trading is currently disabled. Check polymarket.com for updates");
        assertThat(failure.isRetryable()).isFalse();
    }

    @Test
    void rateLimitedCarriesRetryAfter() throws Exception {
        sim.faults().add(FaultRule.respond(429).path("/order").headers(Map.of("Retry-After", "7")).build());

        RateLimitedException failure = (RateLimitedException) failure(client.cancelOrder(liveOrder()));

        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void anErrorBodyThatIsNotJsonStillSaysSomething() throws Exception {
        sim.faults().add(FaultRule.respond(502, "<html><body>\n  Bad gateway\n</body></html>").path("/order").build());

        ClobException failure = (ClobException) failure(client.cancelOrder(liveOrder()));

        assertThat(failure).isInstanceOf(ServerErrorException.class).hasMessageContaining("Bad gateway");
        assertThat(failure.serverMessage()).contains("<html><body> Bad gateway </body></html>");
    }

    @Test
    void aSuccessWhoseBodyIsNotTheDocumentedJsonIsUnexpected() throws Exception {
        sim.faults().add(FaultRule.respond(200, "OK").path("/order").build());

        assertThat(failure(client.cancelOrder(liveOrder())))
                .isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("not the documented JSON");
    }

    @Test
    void noAnswerWithinTheTimeoutIsATransportTimeout() throws Exception {
        sim.faults().add(FaultRule.of(FaultAction.HANG).path("/order").build());
        try (ClobHttpClient impatient = clientFor(sim.baseUri().toString(), CREDS, Duration.ofMillis(200))) {
            Throwable failure = failure(impatient.cancelOrder(liveOrder()));

            assertThat(failure).isInstanceOf(TransportException.class).hasMessageContaining("no answer within 200 ms");
            assertThat(((TransportException) failure).kind()).isEqualTo(TransportException.Kind.TIMEOUT);
        }
    }

    @Test
    void aRefusedConnectionIsATransportConnectFailure() throws Exception {
        try (ClobHttpClient nowhere = clientFor("http://127.0.0.1:" + closedLoopbackPort(), CREDS, Duration.ofSeconds(5))) {
            Throwable failure = failure(nowhere.cancelOrder(liveOrder()));

            assertThat(failure).isInstanceOf(TransportException.class);
            assertThat(((TransportException) failure).kind()).isEqualTo(TransportException.Kind.CONNECT_REFUSED);
            assertThat(((TransportException) failure).status()).isEmpty();
        }
    }

    @Test
    void aResetOrEmptyAnswerIsATransportClosedFailure() throws Exception {
        for (FaultAction action : new FaultAction[] {FaultAction.RESET, FaultAction.EMPTY}) {
            sim.faults().add(FaultRule.of(action).path("/order").times(1).build());

            Throwable failure = failure(client.cancelOrder(liveOrder()));

            assertThat(failure).as(action.name()).isInstanceOf(TransportException.class);
            assertThat(((TransportException) failure).kind()).as(action.name()).isEqualTo(TransportException.Kind.CONNECTION_RESET);
        }
    }

    @Test
    void callsAfterCloseFailClearly() throws Exception {
        client.close();

        assertThat(failure(client.cancelOrder(liveOrder()))).isInstanceOf(ClientClosedException.class).hasMessageContaining("closed");
        assertThat(failure(client.cancelOrders(List.of()))).isInstanceOf(ClientClosedException.class);
        assertThat(failure(client.sendHeartbeat(null))).isInstanceOf(ClientClosedException.class);
        assertThat(((ClobException) failure(client.cancelAll())).attempts()).as("nothing was sent").isZero();
    }

    @Test
    void aSharedVertxIsLeftOpenOnClose() throws Exception {
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            ClobHttpClient shared = ClobHttpClient.builder().host(sim.baseUri().toString()).credentials(CREDS).address(ADDRESS)
                    .vertx(vertx).build();
            assertThat(TestSupport.ids(result(shared.cancelOrder(liveOrder())).canceled())).hasSize(1);
            shared.close();

            assertThat(vertx.setTimer(1, id -> { })).isNotNegative();
            assertThat(result(vertx.<String>executeBlocking(() -> "still running").toCompletionStage())).isEqualTo("still running");
        } finally {
            vertx.close();
        }
    }

    @Test
    void toStringShowsNoSecret() {
        assertThat(client.toString()).contains(CREDS.apiKey()).doesNotContain(CREDS.secret()).doesNotContain(CREDS.passphrase());
    }

    @Test
    void theBuilderSaysWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> ClobHttpClient.builder().credentials(CREDS).address(ADDRESS).build())
                .hasMessageContaining("host is required");
        assertThatThrownBy(() -> ClobHttpClient.builder().host("ftp://x")).hasMessageContaining("http or https");
        assertThatThrownBy(() -> ClobHttpClient.builder().host("http://x/api")).hasMessageContaining("no path");
        assertThatThrownBy(() -> ClobHttpClient.builder().attemptTimeout(Duration.ZERO)).hasMessageContaining("attemptTimeout must be positive");
        assertThatThrownBy(() -> ClobHttpClient.builder().deadline(Duration.ofSeconds(-1))).hasMessageContaining("deadline must be positive");
        assertThatThrownBy(() -> ClobHttpClient.builder().useServerTimeRefreshedEvery(Duration.ZERO)).hasMessageContaining("refreshEvery must be positive");
        assertThatThrownBy(() -> ClobHttpClient.builder().retryPolicy(null)).hasMessageContaining("retryPolicy");
    }
}
