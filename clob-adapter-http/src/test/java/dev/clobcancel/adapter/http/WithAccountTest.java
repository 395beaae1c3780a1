package dev.clobcancel.adapter.http;

import static dev.clobcancel.adapter.http.TestSupport.ADDRESS;
import static dev.clobcancel.adapter.http.TestSupport.ASSET;
import static dev.clobcancel.adapter.http.TestSupport.CREDS;
import static dev.clobcancel.adapter.http.TestSupport.MARKET;
import static dev.clobcancel.adapter.http.TestSupport.OTHER_ADDRESS;
import static dev.clobcancel.adapter.http.TestSupport.OTHER_CREDS;
import static dev.clobcancel.adapter.http.TestSupport.failure;
import static dev.clobcancel.adapter.http.TestSupport.liveOrder;
import static dev.clobcancel.adapter.http.TestSupport.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clobcancel.domain.failure.ClientClosedException;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.junit.ClobSimulatorTest;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ClobHttpClient#withAccount}: another account over the same transport, closed on its own or with its root. */
@ClobSimulatorTest
class WithAccountTest {

    ClobSimulator sim;

    @BeforeEach
    void fresh(ClobSimulator sim) {
        this.sim = sim;
        sim.addAccount(CREDS, ADDRESS);
        sim.addAccount(OTHER_CREDS, OTHER_ADDRESS);
    }

    @Test
    void aClientOfAnotherAccountCancelsThatAccountsOrders() throws Exception {
        try (ClobHttpClient alice = TestSupport.clientOf(sim).build();
             ClobHttpClient bob = alice.withAccount(OTHER_CREDS, OTHER_ADDRESS)) {
            OrderId bobs = liveOrder(sim, OTHER_CREDS, MARKET, ASSET);
            OrderId alices = liveOrder(sim, CREDS, MARKET, ASSET);

            assertThat(result(bob.cancelOrder(bobs)).wasCanceled(bobs)).isTrue();
            assertThat(result(alice.cancelAll()).canceled()).containsExactly(alices);
        }
    }

    @Test
    void bothAccountsSendOverTheSameConnection() throws Exception {
        try (HeldServer server = HeldServer.plain();
             ClobHttpClient alice = ClobHttpClient.builder().host(server.uri()).credentials(CREDS).address(ADDRESS)
                     .maxConnections(1).build();
             ClobHttpClient bob = alice.withAccount(OTHER_CREDS, OTHER_ADDRESS)) {
            CompletionStage<?> first = alice.cancelOrder(OrderId.of("0x" + "ab".repeat(32)));
            HttpServerRequest fromAlice = server.next();
            fromAlice.response().end(HeldServer.CANCELED);
            first.toCompletableFuture().get(10, TimeUnit.SECONDS);

            CompletionStage<?> second = bob.cancelOrder(OrderId.of("0x" + "ab".repeat(32)));
            HttpServerRequest fromBob = server.next();
            fromBob.response().end(HeldServer.CANCELED);
            second.toCompletableFuture().get(10, TimeUnit.SECONDS);

            assertThat(fromBob.connection()).as("one pool: the kept-alive connection is reused").isSameAs(fromAlice.connection());
            assertThat(fromAlice.getHeader("POLY_ADDRESS")).isEqualTo(ADDRESS.value());
            assertThat(fromBob.getHeader("POLY_ADDRESS")).isEqualTo(OTHER_ADDRESS.value());
        }
    }

    @Test
    void closingTheDerivedClientLeavesTheRootWorking() throws Exception {
        try (ClobHttpClient alice = TestSupport.clientOf(sim).build()) {
            ClobHttpClient bob = alice.withAccount(OTHER_CREDS, OTHER_ADDRESS);
            bob.close();
            OrderId id = liveOrder(sim);

            assertThat(result(alice.cancelOrder(id)).wasCanceled(id)).isTrue();
            assertThat(failure(bob.cancelOrder(id))).isInstanceOf(ClientClosedException.class);
            assertThat(result(alice.withAccount(OTHER_CREDS, OTHER_ADDRESS).cancelAll()).canceled()).isEmpty();
        }
    }

    @Test
    void closingTheRootClosesEveryClientDerivedFromIt() throws Exception {
        ClobHttpClient alice = TestSupport.clientOf(sim).build();
        ClobHttpClient bob = alice.withAccount(OTHER_CREDS, OTHER_ADDRESS);
        ClobHttpClient bobAgain = bob.withAccount(OTHER_CREDS, OTHER_ADDRESS);

        alice.close();

        assertThat(failure(bob.cancelAll())).isInstanceOf(ClientClosedException.class);
        assertThat(failure(bobAgain.cancelAll())).isInstanceOf(ClientClosedException.class);
        assertThatThrownBy(() -> alice.withAccount(OTHER_CREDS, OTHER_ADDRESS)).isInstanceOf(ClientClosedException.class);
    }
}
