package dev.clobcancel.simulator.assertj;

import static dev.clobcancel.simulator.OrderSpec.order;
import static dev.clobcancel.simulator.assertj.SimulatorAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.junit.ClobSimulatorTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ClobSimulatorTest
class SimulatorAssertTest {

    OrderId id;

    @BeforeEach
    void anOrder(ClobSimulator sim) {
        sim.addAccount(new ApiCredentials("k", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "p"),
                Address.of("0x1111111111111111111111111111111111111111"));
        id = sim.place(order().owner("k").market("0xm").asset("1").buy().price("0.5").size("1"));
    }

    private static void getTime(ClobSimulator sim) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/time")).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void passesOnWhatTheSimulatorHolds(ClobSimulator sim) {
        assertThat(sim).hasOrderLive(id).receivedNoRequests();
        sim.orders().cancel("k", List.of(id));
        assertThat(sim).hasOrderCanceled(id).hasOrder(id, OrderStatus.CANCELED);
    }

    @Test
    void failsSayingWhatItFound(ClobSimulator sim) throws Exception {
        getTime(sim);

        assertThatThrownBy(() -> assertThat(sim).hasOrderCanceled(id)).hasMessageContaining("to be CANCELED, but it is LIVE");
        assertThatThrownBy(() -> assertThat(sim).hasOrderLive(OrderId.of("0x" + "00".repeat(32)))).hasMessageContaining("holds no such order");
        assertThatThrownBy(() -> assertThat(sim).receivedNoRequests()).hasMessageContaining("received 1, the first GET /time answered 200");
    }

    @Test
    void listsTheRequestsOfAnEndpoint(ClobSimulator sim) throws Exception {
        getTime(sim);
        getTime(sim);

        assertThat(sim).receivedRequests("GET", "/time").hasSize(2).allMatch(entry -> entry.status() == 200);
        assertThat(sim).receivedRequests("DELETE", "/order").isEmpty();
    }
}
