package dev.clobcancel.adapter.http;

import static dev.clobcancel.adapter.http.TestSupport.ASSET;
import static dev.clobcancel.adapter.http.TestSupport.CREDS;
import static dev.clobcancel.adapter.http.TestSupport.MARKET;
import static dev.clobcancel.adapter.http.TestSupport.OTHER_ADDRESS;
import static dev.clobcancel.adapter.http.TestSupport.OTHER_CREDS;
import static dev.clobcancel.adapter.http.TestSupport.failure;
import static dev.clobcancel.adapter.http.TestSupport.liveOrder;
import static dev.clobcancel.adapter.http.TestSupport.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.failure.RateLimitedException;
import dev.clobcancel.domain.model.CancelMethod;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.MarketCancel;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.assertj.SimulatorAssert;
import dev.clobcancel.simulator.faults.FaultRule;
import dev.clobcancel.simulator.journal.JournalEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cancel of everything, or of a market, that the signer's bucket can never pay for (more live
 * orders than the tier's burst): the exchange's 429 is scripted on the simulator; the client
 * lists the orders and cancels them in batches that fit, for real.
 */
class CancelAllFallbackTest extends ManualTimeFixture {

    private static final String OTHER_MARKET = "0x" + "77".repeat(32);
    private static final String OTHER_ASSET = "456";

    @BeforeEach
    void moreAccounts() {
        sim.addAccount(OTHER_CREDS, OTHER_ADDRESS);
    }

    /** The next {@code times} requests to {@code path} are refused as over the bucket, {@code remaining} tokens left. */
    private void tooManyFor(String path, long remaining, int retryAfterSeconds, int times) {
        sim.faults().add(FaultRule.respond(429, "{\"error\":\"Too Many Requests\"}").headers(Map.of(
                "Retry-After", Integer.toString(retryAfterSeconds), "Poly-RateLimit-Remaining", Long.toString(remaining),
                "Poly-RateLimit-Tier", "standard")).path(path).times(times).build());
    }

    private List<OrderId> liveOrders(int count, String market) {
        List<OrderId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(liveOrder(sim, CREDS, market, market.equals(MARKET) ? ASSET : OTHER_ASSET));
        }
        return ids;
    }

    private List<JournalEntry> requests(String path) {
        return sim.journal().entries(e -> e.path().equals(path));
    }

    private List<Integer> batchSizes() {
        return RateLimitsTest.idsNamed(requests("/orders"));
    }

    @Test
    void aCancelAllRefusedWithTheBucketFullCancelsEveryListedOrderInBatchesThatFit() throws Exception {
        List<OrderId> mine = liveOrders(250, MARKET);
        OrderId theirs = liveOrder(sim, OTHER_CREDS, MARKET, ASSET);
        tooManyFor("/cancel-all", 120, 1, 1);

        CancelResult result = result(client.cancelAll());

        assertThat(result.method()).isEqualTo(CancelMethod.LISTED_ORDERS);
        assertThat(TestSupport.ids(result.canceled())).hasSize(250);
        assertThat(TestSupport.reasons(result.notCanceled())).isEmpty();
        mine.forEach(id -> SimulatorAssert.assertThat(sim).hasOrderCanceled(id));
        SimulatorAssert.assertThat(sim).hasOrderLive(theirs);
        assertThat(requests("/data/orders")).extracting(JournalEntry::query)
                .containsExactly("next_cursor=MA%3D%3D", "next_cursor=MTAw", "next_cursor=MjAw");
        assertThat(batchSizes()).containsExactly(120, 120, 10);
        assertThat(scheduler.delays()).isEmpty();
    }

    @Test
    void aCancelAllRefusedAgainAfterTheWaitItAskedForFallsBack() throws Exception {
        liveOrders(130, MARKET);
        tooManyFor("/cancel-all", 0, 1, 2);

        CancelResult result = result(client.cancelAll());

        assertThat(result.method()).isEqualTo(CancelMethod.LISTED_ORDERS);
        assertThat(TestSupport.ids(result.canceled())).hasSize(130);
        assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(1));
        assertThat(requests("/cancel-all")).hasSize(2);
    }

    @Test
    void aCancelAllThatGetsThroughAfterItsWaitNeedsNoFallback() throws Exception {
        List<OrderId> mine = liveOrders(3, MARKET);
        tooManyFor("/cancel-all", 0, 1, 1);

        CancelResult result = result(client.cancelAll());

        assertThat(result.method()).isEqualTo(CancelMethod.DIRECT);
        assertThat(TestSupport.ids(result.canceled())).hasSize(mine.size());
        assertThat(requests("/data/orders")).isEmpty();
    }

    @Test
    void aMarketCancelFallsBackToThatMarketsOrdersOnly() throws Exception {
        List<OrderId> inMarket = liveOrders(130, MARKET);
        List<OrderId> elsewhere = liveOrders(2, OTHER_MARKET);
        tooManyFor("/cancel-market-orders", 120, 1, 1);

        CancelResult result = result(client.cancelMarketOrders(MarketCancel.market(MARKET)));

        assertThat(result.method()).isEqualTo(CancelMethod.LISTED_ORDERS);
        assertThat(TestSupport.ids(result.canceled())).hasSize(inMarket.size());
        elsewhere.forEach(id -> SimulatorAssert.assertThat(sim).hasOrderLive(id));
        assertThat(requests("/data/orders")).extracting(JournalEntry::query)
                .allSatisfy(query -> assertThat(query).startsWith("market=" + MARKET + "&next_cursor="));
    }

    @Test
    void aRefusalWhoseWaitThePolicyWillNotWaitIsTheAnswer() throws Exception {
        liveOrders(2, MARKET);
        tooManyFor("/cancel-all", 0, 600, 1);

        Throwable failure = failure(client.cancelAll());

        assertThat(failure).isInstanceOf(RateLimitedException.class);
        assertThat(((RateLimitedException) failure).retryAfter()).contains(Duration.ofMinutes(10));
        assertThat(((RateLimitedException) failure).rateLimit().remaining()).hasValue(0);
        assertThat(requests("/data/orders")).isEmpty();
    }
}
