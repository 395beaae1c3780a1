package dev.clobcancel.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.SimulatorOptions;
import dev.clobcancel.simulator.exchange.ExchangeMode;
import dev.clobcancel.simulator.time.ManualClock;
import dev.clobcancel.testcontainers.SimulatorAdmin.Mode;
import dev.clobcancel.testcontainers.SimulatorAdmin.Side;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin calls the container offers, against the same simulator in the process: they need no
 * Docker, so they hold on every machine. The container tests show the same calls reach the image.
 */
class SimulatorAdminTest {

    static final String MARKET = "0x5f5f000000000000000000000000000000000000000000000000000000000001";

    private static ClobSimulator sim;
    private static SimulatorAdmin admin;

    @BeforeAll
    static void start() {
        sim = ClobSimulator.start(SimulatorOptions.builder().seed(42).clock(ManualClock.at(Instant.parse("2026-05-01T12:00:00Z"))).build());
        admin = new SimulatorAdmin(sim.baseUri());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        admin.reset();
        admin.addAccount(Accounts.API_KEY, Accounts.SECRET, Accounts.PASSPHRASE, Accounts.ADDRESS);
    }

    @Test
    void placesAnOrderAndReadsItBack() {
        String id = admin.placeOrder(Accounts.API_KEY, MARKET, "123", Side.BUY, "0.5", "10");

        assertThat(admin.order(id)).hasValueSatisfying(order -> {
            assertThat(order.owner()).isEqualTo(Accounts.API_KEY);
            assertThat(order.side()).isEqualTo(Side.BUY);
            assertThat(order.status()).isEqualTo("LIVE");
            assertThat(order.size()).isEqualTo("10");
        });
        assertThat(sim.order(OrderId.of(id))).isPresent();
    }

    @Test
    void generatesTheSameIdsFromTheSameSeed() {
        admin.reseed(7);
        String first = admin.placeOrder(Accounts.API_KEY, MARKET, "123", Side.SELL, "0.5", "10");
        admin.reset();
        admin.addAccount(Accounts.API_KEY, Accounts.SECRET, Accounts.PASSPHRASE, Accounts.ADDRESS);
        admin.reseed(7);

        assertThat(admin.placeOrder(Accounts.API_KEY, MARKET, "123", Side.SELL, "0.5", "10")).isEqualTo(first);
    }

    @Test
    void listsAMarketWithItsAssets() {
        admin.addMarket(MARKET, List.of("123", "456"));

        assertThat(sim.markets().all()).containsEntry(MARKET, List.of("123", "456"));
    }

    @Test
    void matchesAnOrderPartly() {
        String id = admin.placeOrder(Accounts.API_KEY, MARKET, "123", Side.BUY, "0.5", "10");

        assertThat(admin.match(id, "4").sizeMatched()).isEqualTo("4");
        assertThat(admin.match(id, null).status()).isEqualTo("MATCHED");
    }

    @Test
    void anUnknownOrderIsEmpty() {
        assertThat(admin.order("0x" + "ab".repeat(32))).isEmpty();
    }

    @Test
    void switchesTheModeAndTheRestartEndsByItself() {
        admin.setMode(Mode.CANCEL_ONLY);
        assertThat(sim.mode()).isEqualTo(ExchangeMode.CANCEL_ONLY);

        admin.setMode(Mode.RESTARTING, Duration.ofSeconds(90));
        assertThat(admin.mode()).isEqualTo(Mode.RESTARTING);
        admin.advanceClock(Duration.ofSeconds(90));
        assertThat(admin.mode()).isEqualTo(Mode.POST_ONLY);
        admin.advanceClock(Duration.ofMinutes(2));
        assertThat(admin.mode()).isEqualTo(Mode.NORMAL);
    }

    @Test
    void aRestartCanBeFollowedByAPostOnlySpellOfAnyLength() {
        admin.restartFor(Duration.ofSeconds(10), Duration.ofSeconds(5));
        admin.advanceClock(Duration.ofSeconds(10));
        assertThat(admin.mode()).isEqualTo(Mode.POST_ONLY);
        admin.advanceClock(Duration.ofSeconds(5));
        assertThat(admin.mode()).isEqualTo(Mode.NORMAL);

        admin.restartFor(Duration.ofSeconds(10), Duration.ZERO);
        admin.advanceClock(Duration.ofSeconds(10));
        assertThat(admin.mode()).isEqualTo(Mode.NORMAL);
    }

    @Test
    void movesTheManualClock() {
        Instant before = admin.now();

        assertThat(admin.advanceClock(Duration.ofMillis(1500))).isEqualTo(before.plusMillis(1500));
    }

    @Test
    void aFaultPlaysOnTheExchangeEndpointsAndIsGoneWhenCleared() throws Exception {
        admin.addFault("{\"path\": \"/order\", \"status\": 425}");

        assertThat(cancelWithoutCredentials().statusCode()).isEqualTo(425);
        admin.clearFaults();
        assertThat(cancelWithoutCredentials().statusCode()).isEqualTo(401);
    }

    @Test
    void readsTheJournal() throws Exception {
        cancelWithoutCredentials();

        assertThat(admin.requests("DELETE", "/order")).singleElement().satisfies(request -> {
            assertThat(request.status()).isEqualTo(401);
            assertThat(request.auth()).startsWith("missing header POLY_");
        });
        admin.clearRequests();
        assertThat(admin.requests(null, null)).isEmpty();
    }

    @Test
    void enforcesTheRateLimits() throws Exception {
        admin.enforceRateLimits(true);

        assertThat(get("/_sim/rate-limits")).contains("\"enabled\":true");
        admin.enforceRateLimits(false);
        assertThat(get("/_sim/rate-limits")).contains("\"enabled\":false");
    }

    @Test
    void aRefusalCarriesTheSimulatorsStatusAndError() {
        assertThatThrownBy(() -> admin.addAccount(Accounts.API_KEY, Accounts.SECRET, Accounts.PASSPHRASE, Accounts.ADDRESS))
                .isInstanceOfSatisfying(SimulatorAdminException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("POST /_sim/accounts answered 409").hasMessageContaining("already exists");
    }

    @Test
    void aBadFaultRuleNeverLeavesTheTest() {
        assertThatThrownBy(() -> admin.addFault("{path: /order")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void aSimulatorThatIsGoneIsStatusZero() {
        SimulatorAdmin nowhere = new SimulatorAdmin(URI.create("http://127.0.0.1:1"));

        assertThatThrownBy(nowhere::reset).isInstanceOfSatisfying(SimulatorAdminException.class,
                e -> assertThat(e.status()).isZero()).hasMessageContaining("no answer from http://127.0.0.1:1");
    }

    private static HttpResponse<String> cancelWithoutCredentials() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(sim.baseUri().resolve("/order"))
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"orderID\":\"0x" + "ab".repeat(32) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(sim.baseUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
