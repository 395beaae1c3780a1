package dev.clobcancel.adapter.http;

import static dev.clobcancel.adapter.http.TestSupport.ADDRESS;
import static dev.clobcancel.adapter.http.TestSupport.ASSET;
import static dev.clobcancel.adapter.http.TestSupport.CREDS;
import static dev.clobcancel.adapter.http.TestSupport.MARKET;
import static dev.clobcancel.adapter.http.TestSupport.liveOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clobcancel.domain.failure.AuthenticationException;
import dev.clobcancel.domain.failure.ClientClosedException;
import dev.clobcancel.domain.failure.WaitInterruptedException;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.model.MarketCancel;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.retry.RetryPolicy;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.junit.ClobSimulatorTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ClobHttpClient#blocking()}: each call's answer returned, each failure thrown as the ClobException itself. */
@ClobSimulatorTest
class BlockingClientTest {

    private static final OrderId UNKNOWN = OrderId.of("0x" + "ee".repeat(32));

    ClobSimulator sim;
    ClobHttpClient client;
    BlockingClobHttpClient blocking;

    @BeforeEach
    void fresh(ClobSimulator sim) {
        this.sim = sim;
        sim.addAccount(CREDS, ADDRESS);
        client = TestSupport.clientOf(sim).retryPolicy(RetryPolicy.none()).build();
        blocking = client.blocking();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void cancelOrderReturnsTheResult() {
        OrderId id = liveOrder(sim);

        assertThat(blocking.cancelOrder(id).wasCanceled(id)).isTrue();
    }

    @Test
    void cancelOrdersReturnsTheResult() {
        OrderId a = liveOrder(sim);
        OrderId b = liveOrder(sim);

        assertThat(blocking.cancelOrders(List.of(a, b)).canceled()).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void cancelAllReturnsTheResult() {
        OrderId id = liveOrder(sim);

        assertThat(blocking.cancelAll().wasCanceled(id)).isTrue();
    }

    @Test
    void cancelMarketOrdersReturnsTheResult() {
        OrderId id = liveOrder(sim);

        assertThat(blocking.cancelMarketOrders(MarketCancel.market(MARKET)).wasCanceled(id)).isTrue();
    }

    @Test
    void sendHeartbeatReturnsTheNextId() {
        String first = blocking.sendHeartbeat(null);

        assertThat(first).isNotEmpty();
        assertThat(blocking.sendHeartbeat(first, Duration.ofSeconds(5))).isNotEmpty().isNotEqualTo(first);
    }

    @Test
    void readOrderReturnsTheOrderOrNone() {
        OrderId id = liveOrder(sim);

        assertThat(blocking.readOrder(id)).hasValueSatisfying(order -> assertThat(order.id()).isEqualTo(id.value()));
        assertThat(blocking.readOrder(UNKNOWN)).isEmpty();
    }

    /** Every call of the view, on a client whose secret the exchange refuses. */
    static List<Map.Entry<String, Consumer<BlockingClobHttpClient>>> calls() {
        OrderId id = OrderId.of("0x" + "ab".repeat(32));
        return List.of(
                Map.entry("cancelOrder", view -> view.cancelOrder(id)),
                Map.entry("cancelOrders", view -> view.cancelOrders(List.of(id))),
                Map.entry("cancelAll", BlockingClobHttpClient::cancelAll),
                Map.entry("cancelMarketOrders", view -> view.cancelMarketOrders(MarketCancel.of(MARKET, ASSET))),
                Map.entry("sendHeartbeat", view -> view.sendHeartbeat(null)),
                Map.entry("sendHeartbeat within", view -> view.sendHeartbeat(null, Duration.ofSeconds(5))),
                Map.entry("readOrder", view -> view.readOrder(id)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void eachCallThrowsTheClobExceptionItself(Map.Entry<String, Consumer<BlockingClobHttpClient>> call) {
        ApiCredentials wrong = new ApiCredentials(CREDS.apiKey(), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", CREDS.passphrase());
        try (ClobHttpClient refused = client.withAccount(wrong, ADDRESS)) {
            assertThatThrownBy(() -> call.getValue().accept(refused.blocking()))
                    .isExactlyInstanceOf(AuthenticationException.class).hasMessageContaining("answered HTTP 401");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void eachCallOfAClosedClientThrowsClientClosed(Map.Entry<String, Consumer<BlockingClobHttpClient>> call) {
        client.close();

        assertThatThrownBy(() -> call.getValue().accept(blocking)).isExactlyInstanceOf(ClientClosedException.class);
    }

    @Test
    void anInterruptedWaitThrowsWaitInterruptedAndKeepsTheInterrupt() throws Exception {
        try (HeldServer server = HeldServer.plain();
             ClobHttpClient held = ClobHttpClient.builder().host(server.uri()).credentials(CREDS).address(ADDRESS).build()) {
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> held.blocking().cancelOrder(UNKNOWN))
                        .isExactlyInstanceOf(WaitInterruptedException.class)
                        .hasMessageContaining("interrupted while waiting for the answer to DELETE /order")
                        .hasCauseInstanceOf(InterruptedException.class);
                assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is set again").isTrue();
            } finally {
                Thread.interrupted();
            }
            // The call went on: the request still reaches the exchange.
            server.answerNext(HeldServer.CANCELED);
        }
    }
}
