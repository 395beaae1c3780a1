package dev.clobcancel.adapter.http;

import static dev.clobcancel.adapter.http.TestSupport.CREDS;
import static dev.clobcancel.adapter.http.TestSupport.liveOrder;
import static dev.clobcancel.adapter.http.TestSupport.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.model.CancelMethod;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.model.RateLimitTier;
import dev.clobcancel.simulator.ratelimit.SignerLimiter;
import dev.clobcancel.simulator.ratelimit.SignerLimiter.Mode;
import dev.clobcancel.simulator.ratelimit.SignerLimiter.NegativeBalance;
import dev.clobcancel.simulator.ratelimit.SignerLimiter.OpenEndedCost;
import dev.clobcancel.simulator.ratelimit.Tier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against the simulator's per-signer buckets, enforced on its clock: batches cut to
 * the burst of the tier the answers name, 429s waited out, and a cancel-all too big for the bucket
 * carried out order by order. Unlike {@link RateLimitsTest}, nothing here is scripted.
 */
class SignerLimitsTest extends ManualTimeFixture {

    @BeforeEach
    void enforced() {
        sim.enforceRateLimits(true);
    }

    private List<OrderId> liveOrders(int count) {
        List<OrderId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(liveOrder(sim));
        }
        return ids;
    }

    @Test
    void aBatchIsCutToTheBurstOfTheTierTheExchangeNamedAndItsRefusalsAreWaitedOut() throws Exception {
        sim.setTier(CREDS.apiKey(), Tier.SILVER);
        result(client.cancelOrder(liveOrder(sim)));
        List<OrderId> ids = liveOrders(1300);

        CancelResult result = result(client.cancelOrders(ids));

        assertThat(TestSupport.ids(result.canceled())).hasSize(1300);
        assertThat(result.rateLimit().tier()).contains(RateLimitTier.SILVER);
        assertThat(RateLimitsTest.idsNamed(sim.journal().entries(e -> e.path().equals("/orders"))))
                .isNotEmpty().allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(600));
        assertThat(scheduler.delays()).isNotEmpty();
    }

    @Test
    void aCancelAllThatCostsMoreThanTheBucketHoldsIsCarriedOutInBatchesThatFit() throws Exception {
        sim.setRateLimits(new SignerLimiter.Settings(Mode.ENFORCE, NegativeBalance.DOCUMENTED, OpenEndedCost.BEFORE));
        List<OrderId> ids = liveOrders(200);

        CancelResult result = result(client.cancelAll());

        assertThat(result.method()).isEqualTo(CancelMethod.LISTED_ORDERS);
        assertThat(TestSupport.ids(result.canceled())).containsExactlyInAnyOrderElementsOf(ids.stream().map(OrderId::value).toList());
        assertThat(TestSupport.reasons(result.notCanceled())).isEmpty();
        assertThat(result.rateLimit().tier()).contains(RateLimitTier.STANDARD);
    }

    @Test
    void aCancelAllTheBucketCanPayForIsSentAsIs() throws Exception {
        sim.setRateLimits(new SignerLimiter.Settings(Mode.ENFORCE, NegativeBalance.DOCUMENTED, OpenEndedCost.BEFORE));
        liveOrders(50);

        CancelResult result = result(client.cancelAll());

        assertThat(result.method()).isEqualTo(CancelMethod.DIRECT);
        assertThat(TestSupport.ids(result.canceled())).hasSize(50);
        assertThat(result.rateLimit().remaining()).hasValue(120 - 51);
    }
}
