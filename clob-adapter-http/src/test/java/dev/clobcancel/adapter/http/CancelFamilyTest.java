package dev.clobcancel.adapter.http;

import static dev.clobcancel.adapter.http.TestSupport.ASSET;
import static dev.clobcancel.adapter.http.TestSupport.CREDS;
import static dev.clobcancel.adapter.http.TestSupport.MARKET;
import static dev.clobcancel.adapter.http.TestSupport.OTHER_CREDS;
import static dev.clobcancel.adapter.http.TestSupport.failure;
import static dev.clobcancel.adapter.http.TestSupport.liveOrder;
import static dev.clobcancel.adapter.http.TestSupport.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.clobcancel.domain.failure.TradingDisabledException;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.MarketCancel;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.exchange.ExchangeMode;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.junit.ClobSimulatorTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every cancel the exchange offers, through the client, against the simulator over real HTTP. */
@ClobSimulatorTest
class CancelFamilyTest {

    private static final String OTHER_MARKET = "0x" + "7a".repeat(32);
    private static final String OTHER_ASSET = "456";

    private ClobSimulator sim;
    private ClobHttpClient client;

    @BeforeEach
    void fresh(ClobSimulator sim) {
        this.sim = sim;
        sim.addAccount(CREDS, TestSupport.ADDRESS);
        sim.addAccount(OTHER_CREDS, TestSupport.OTHER_ADDRESS);
        client = TestSupport.clientOf(sim).build();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private OrderStatus status(OrderId id) {
        return sim.order(id).orElseThrow().status();
    }

    @Test
    void aBatchCancelsEachLiveOrder() throws Exception {
        OrderId a = liveOrder(sim);
        OrderId b = liveOrder(sim);
        OrderId c = liveOrder(sim);

        CancelResult result = result(client.cancelOrders(List.of(a, b, c)));

        assertThat(TestSupport.ids(result.canceled())).containsExactly(a.value(), b.value(), c.value());
        assertThat(TestSupport.reasons(result.notCanceled())).isEmpty();
        assertThat(List.of(status(a), status(b), status(c))).containsOnly(OrderStatus.CANCELED);
    }

    @Test
    void aBatchSaysWhyForEachOrderItDidNotCancel() throws Exception {
        OrderId live = liveOrder(sim);
        OrderId matched = liveOrder(sim);
        sim.orders().fill(matched);
        OrderId theirs = liveOrder(sim, OTHER_CREDS, MARKET, ASSET);

        CancelResult result = result(client.cancelOrders(List.of(live, matched, theirs)));

        assertThat(TestSupport.ids(result.canceled())).containsExactly(live.value());
        assertThat(TestSupport.reasons(result.notCanceled())).containsExactly(entry(matched.value(), "Order already matched"),
                entry(theirs.value(), "Order not found or already canceled"));
        assertThat(status(theirs)).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void aBatchListingAnOrderTwiceCancelsItOnce() throws Exception {
        OrderId id = liveOrder(sim);
        OrderId upperCase = OrderId.of("0x" + id.value().substring(2).toUpperCase());

        CancelResult result = result(client.cancelOrders(List.of(id, upperCase, id)));

        assertThat(TestSupport.ids(result.canceled())).containsExactly(id.value());
    }

    @Test
    void aBatchOfMoreThanOneRequestTakesGoesInSeveralRequestsWhoseAnswersAreMerged() throws Exception {
        List<OrderId> ids = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            ids.add(liveOrder(sim));
        }

        CancelResult result = result(client.cancelOrders(ids));

        // The simulator, as the exchange, refuses more than 1000 ids in one request; before any
        // rate-limit report, the client sends no more than the lowest tier's burst of 120.
        assertThat(TestSupport.ids(result.canceled())).containsExactlyElementsOf(ids.stream().map(OrderId::value).toList());
        assertThat(TestSupport.reasons(result.notCanceled())).isEmpty();
    }

    @Test
    void anEmptyBatchSendsNothing() throws Exception {
        assertThat(result(client.cancelOrders(List.of()))).isEqualTo(CancelResult.empty());
        assertThat(sim.journal().entries()).isEmpty();
    }

    @Test
    void aBatchHoldingNullIsRefusedBeforeAnythingIsSent() {
        List<OrderId> withNull = Arrays.asList(OrderId.of("0x" + "ab".repeat(32)), null);

        assertThatThrownBy(() -> client.cancelOrders(withNull))
                .isInstanceOf(NullPointerException.class).hasMessage("orderIds holds null at position 1");
        assertThat(sim.journal().entries()).isEmpty();
    }

    @Test
    void cancelAllCancelsEveryOrderOfTheAccountAndNoOtherAccounts() throws Exception {
        OrderId here = liveOrder(sim);
        OrderId there = liveOrder(sim, CREDS, OTHER_MARKET, OTHER_ASSET);
        OrderId theirs = liveOrder(sim, OTHER_CREDS, MARKET, ASSET);

        CancelResult result = result(client.cancelAll());

        assertThat(TestSupport.ids(result.canceled())).containsExactlyInAnyOrder(here.value(), there.value());
        assertThat(status(theirs)).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void aMarketCancelTakesOnlyThatMarketsOrders() throws Exception {
        OrderId inMarket = liveOrder(sim);
        OrderId elsewhere = liveOrder(sim, CREDS, OTHER_MARKET, OTHER_ASSET);
        OrderId theirs = liveOrder(sim, OTHER_CREDS, MARKET, ASSET);

        CancelResult result = result(client.cancelMarketOrders(MarketCancel.market(MARKET)));

        assertThat(TestSupport.ids(result.canceled())).containsExactly(inMarket.value());
        assertThat(List.of(status(elsewhere), status(theirs))).containsOnly(OrderStatus.LIVE);
    }

    @Test
    void aMarketCancelByAssetTakesOnlyThatTokensOrders() throws Exception {
        OrderId onAsset = liveOrder(sim);
        OrderId otherAsset = liveOrder(sim, CREDS, MARKET, OTHER_ASSET);

        CancelResult result = result(client.cancelMarketOrders(MarketCancel.asset(ASSET)));

        assertThat(TestSupport.ids(result.canceled())).containsExactly(onAsset.value());
        assertThat(status(otherAsset)).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void aMarketCancelByMarketAndAssetTakesOrdersMatchingBoth() throws Exception {
        OrderId both = liveOrder(sim);
        OrderId otherAsset = liveOrder(sim, CREDS, MARKET, OTHER_ASSET);

        CancelResult result = result(client.cancelMarketOrders(MarketCancel.of(MARKET, ASSET)));

        assertThat(TestSupport.ids(result.canceled())).containsExactly(both.value());
        assertThat(status(otherAsset)).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void everyCancelWorksInCancelOnlyMode() throws Exception {
        sim.setMode(ExchangeMode.CANCEL_ONLY);
        OrderId one = liveOrder(sim);
        OrderId batched = liveOrder(sim);
        OrderId inMarket = liveOrder(sim);
        OrderId rest = liveOrder(sim, CREDS, OTHER_MARKET, OTHER_ASSET);

        assertThat(result(client.cancelOrder(one)).wasCanceled(one)).isTrue();
        assertThat(result(client.cancelOrders(List.of(batched))).wasCanceled(batched)).isTrue();
        assertThat(result(client.cancelMarketOrders(MarketCancel.market(MARKET))).wasCanceled(inMarket)).isTrue();
        assertThat(result(client.cancelAll()).wasCanceled(rest)).isTrue();
    }

    @Test
    void everyCancelIsRefusedWhenTradingIsDisabled() throws Exception {
        sim.setMode(ExchangeMode.DISABLED);
        OrderId id = liveOrder(sim);
        List<Function<ClobHttpClient, CompletionStage<CancelResult>>> cancels = List.of(
                c -> c.cancelOrder(id), c -> c.cancelOrders(List.of(id)), ClobHttpClient::cancelAll,
                c -> c.cancelMarketOrders(MarketCancel.market(MARKET)));

        for (Function<ClobHttpClient, CompletionStage<CancelResult>> cancel : cancels) {
            assertThat(failure(cancel.apply(client))).isInstanceOf(TradingDisabledException.class)
                    .hasMessageContaining("Trading is currently disabled. Check polymarket.com for updates");
        }
        assertThat(status(id)).isEqualTo(OrderStatus.LIVE);
    }
}
