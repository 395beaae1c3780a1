package dev.clobcancel.testcontainers;

import static dev.clobcancel.simulator.OrderSpec.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.adapter.http.ClobHttpClient;
import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.SimulatorOptions;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.testcontainers.SimulatorAdmin.Mode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The image the build made, started through the module as a test would: seeded, with a scenario, on a manual clock. */
@RequiresDocker
class ClobSimulatorContainerIT {

    static final String SCENARIO_ORDER = "0x" + "0".repeat(62) + "aa";

    private static ClobSimulatorContainer sim;

    @BeforeAll
    static void start() {
        sim = new ClobSimulatorContainer().withSeed(42).withManualClock().withScenarioResource("scenario.yaml");
        sim.start();
    }

    @AfterAll
    static void stop() {
        sim.stop();
    }

    @BeforeEach
    void reset() {
        sim.admin().reset();
    }

    @Test
    void answersHealthOnTheMappedLoopbackPort() throws Exception {
        URI health = sim.baseUri().resolve("/_sim/health");

        assertThat(sim.baseUri().getHost()).isEqualTo(sim.getHost());
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(health).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void holdsTheScenarioFromTheStart() {
        assertThat(sim.admin().order(SCENARIO_ORDER)).hasValueSatisfying(order -> {
            assertThat(order.owner()).isEqualTo(Accounts.API_KEY);
            assertThat(order.status()).isEqualTo("LIVE");
        });
    }

    @Test
    void generatesTheIdsTheSameSeedGivesInTheProcess() {
        String inContainer = sim.admin().placeOrder(Accounts.API_KEY, SimulatorAdminTest.MARKET, "123", SimulatorAdmin.Side.BUY, "0.5", "1");

        try (ClobSimulator embedded = ClobSimulator.start(SimulatorOptions.builder().seed(42).build())) {
            embedded.addAccount(new ApiCredentials(Accounts.API_KEY, Accounts.SECRET, Accounts.PASSPHRASE), Address.of(Accounts.ADDRESS));
            assertThat(embedded.place(order().owner(Accounts.API_KEY).market(SimulatorAdminTest.MARKET).asset("123").buy().price("0.5").size("1")).value())
                    .isEqualTo(inContainer);
        }
    }

    @Test
    void aRealClientCancelsAnOrderInTheContainer() {
        try (ClobHttpClient client = ClobHttpClient.builder().host(sim.baseUri())
                .credentials(new ApiCredentials(Accounts.API_KEY, Accounts.SECRET, Accounts.PASSPHRASE))
                .address(Address.of(Accounts.ADDRESS)).build()) {

            CancelResult result = client.cancelOrder(OrderId.of(SCENARIO_ORDER)).toCompletableFuture().join();

            assertThat(result.wasCanceled(OrderId.of(SCENARIO_ORDER))).isTrue();
        }
        assertThat(sim.admin().order(SCENARIO_ORDER)).map(SimulatorAdmin.Order::status).contains("CANCELED");
        assertThat(sim.admin().requests("DELETE", "/order")).singleElement()
                .satisfies(request -> assertThat(request.auth()).isEqualTo("ok"));
    }

    @Test
    void timeMovesOnlyWhenTheTestMovesIt() {
        var before = sim.admin().now();

        assertThat(sim.admin().now()).isEqualTo(before);
        assertThat(sim.admin().advanceClock(Duration.ofSeconds(5))).isEqualTo(before.plusSeconds(5));
    }

    @Test
    void theModeAndFaultsReachTheContainer() throws Exception {
        sim.admin().setMode(Mode.DISABLED);
        assertThat(sim.admin().mode()).isEqualTo(Mode.DISABLED);

        sim.admin().addFault("{\"path\": \"/time\", \"status\": 503, \"times\": 1}");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest time = HttpRequest.newBuilder(sim.baseUri().resolve("/time")).build();
        assertThat(http.send(time, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
        assertThat(http.send(time, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
}
