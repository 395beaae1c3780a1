package dev.clobcancel.adapter.http;

import static dev.clobcancel.adapter.http.TestSupport.failure;
import static dev.clobcancel.adapter.http.TestSupport.liveOrder;
import static dev.clobcancel.adapter.http.TestSupport.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.failure.BadRequestException;
import dev.clobcancel.domain.failure.ClobException;
import dev.clobcancel.domain.failure.TransportException;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.model.RateLimitState;
import dev.clobcancel.domain.model.RateLimitTier;
import dev.clobcancel.simulator.faults.FaultAction;
import dev.clobcancel.simulator.faults.FaultRule;
import dev.clobcancel.simulator.journal.JournalEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signer's rate limit as the exchange states it in {@code Poly-RateLimit-*}: carried by every
 * result and failure, sizing every batch, and waited out on a 429. The exchange's answers with
 * those headers are scripted on the simulator.
 */
class RateLimitsTest extends ManualTimeFixture {

    /** The exchange's headers: {@code remaining} tokens, full at {@code reset}, in {@code tier}. */
    private static Map<String, String> limit(long remaining, Instant reset, String tier, boolean warning) {
        return Map.of("Poly-RateLimit-Remaining", Long.toString(remaining), "Poly-RateLimit-Reset",
                Long.toString(reset.getEpochSecond()), "Poly-RateLimit-Tier", tier, "Poly-RateLimit-Warning", Boolean.toString(warning));
    }

    /** The next {@code DELETE /order} of {@code id} is answered as the exchange would, with {@code headers}. */
    private void canceledWith(OrderId id, Map<String, String> headers) {
        sim.faults().add(FaultRule.respond(200, "{\"canceled\":[\"" + id.value() + "\"],\"not_canceled\":{}}")
                .headers(headers).path("/order").times(1).build());
    }

    private List<OrderId> liveOrders(int count) {
        List<OrderId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(liveOrder(sim));
        }
        return ids;
    }

    /** How many ids each {@code DELETE /orders} named, in the order received. */
    private List<Integer> batchSizes() {
        return idsNamed(sim.journal().entries(e -> e.path().equals("/orders")));
    }

    /**
     * How many order ids each request's body named: the journal cuts a long body short, so the ids
     * are counted by their size, {@code "0x<64 hex>"} and a comma or bracket each.
     */
    static List<Integer> idsNamed(List<JournalEntry> requests) {
        List<Integer> sizes = new ArrayList<>();
        for (JournalEntry entry : requests) {
            java.util.regex.Matcher bytes = java.util.regex.Pattern.compile("\\.\\.\\.\\((\\d+) bytes\\)$").matcher(entry.body());
            int length = bytes.find() ? Integer.parseInt(bytes.group(1)) : entry.body().length();
            sizes.add((length - 1) / 69);
        }
        return sizes;
    }

    @Test
    void theResultCarriesTheStateTheExchangeReported() throws Exception {
        OrderId id = liveOrder(sim);
        Instant reset = CLOCK.instant().plusSeconds(2);
        canceledWith(id, limit(95, reset, "gold", true));

        CancelResult result = result(client.cancelOrder(id));

        RateLimitState state = result.rateLimit();
        assertThat(state.reported()).isTrue();
        assertThat(state.remaining()).hasValue(95);
        assertThat(state.reset()).contains(Instant.ofEpochSecond(reset.getEpochSecond()));
        assertThat(state.tier()).contains(RateLimitTier.GOLD);
        assertThat(state.warning()).isTrue();
    }

    @Test
    void aResultBeforeAnyReportSaysNoneWasReported() throws Exception {
        assertThat(result(client.cancelOrder(liveOrder(sim))).rateLimit()).isEqualTo(RateLimitState.NONE);
    }

    @Test
    void everyFailureCarriesTheLastStateSeenEvenWithoutAnAnswer() throws Exception {
        OrderId id = liveOrder(sim);
        canceledWith(id, limit(40, CLOCK.instant(), "silver", false));
        result(client.cancelOrder(id));
        sim.faults().add(FaultRule.respond(400).path("/order").times(1).build());
        sim.faults().add(FaultRule.of(FaultAction.RESET).path("/order").build());

        Throwable refused = failure(client.cancelOrder(liveOrder(sim)));
        Throwable lost;
        lost = failure(client.cancelOrder(liveOrder(sim)));

        assertThat(refused).isInstanceOf(BadRequestException.class);
        assertThat(((ClobException) refused).rateLimit().tierName()).contains("silver");
        assertThat(lost).isInstanceOf(TransportException.class);
        assertThat(((ClobException) lost).rateLimit().remaining()).hasValue(40);
    }

    @Test
    void beforeAnyReportABatchCostsNoMoreThanTheLowestTiersBurst() throws Exception {
        List<OrderId> ids = liveOrders(250);

        CancelResult result = result(client.cancelOrders(ids));

        assertThat(TestSupport.ids(result.canceled())).hasSize(250);
        assertThat(batchSizes()).containsExactlyInAnyOrder(120, 120, 10);
    }

    @Test
    void aBatchNeverCostsMoreThanTheBurstOfTheTierLastReported() throws Exception {
        OrderId first = liveOrder(sim);
        canceledWith(first, limit(600, CLOCK.instant(), "silver", false));
        result(client.cancelOrder(first));

        CancelResult result = result(client.cancelOrders(liveOrders(1300)));

        assertThat(TestSupport.ids(result.canceled())).hasSize(1300);
        assertThat(batchSizes()).containsExactlyInAnyOrder(600, 600, 100);
    }

    @Test
    void aTierWhoseBurstPassesTheExchangesLimitStillSendsAThousandIdsAtMost() throws Exception {
        OrderId first = liveOrder(sim);
        canceledWith(first, limit(1800, CLOCK.instant(), "elite", false));
        result(client.cancelOrder(first));

        result(client.cancelOrders(liveOrders(2100)));

        assertThat(batchSizes()).containsExactlyInAnyOrder(1000, 1000, 100);
    }

    @Test
    void a429WithoutRetryAfterIsWaitedOutUntilTheBucketsReset() throws Exception {
        OrderId id = liveOrder(sim);
        Instant reset = Instant.ofEpochSecond(CLOCK.instant().getEpochSecond() + 3);
        Duration untilReset = Duration.between(CLOCK.instant(), reset);
        sim.faults().add(FaultRule.respond(429).headers(limit(0, reset, "standard", true)).path("/order").times(1).build());

        CancelResult result = result(client.cancelOrder(id));

        assertThat(result.wasCanceled(id)).isTrue();
        assertThat(scheduler.delays()).containsExactly(untilReset);
    }

    @Test
    void a429sRetryAfterComesBeforeTheReset() throws Exception {
        OrderId id = liveOrder(sim);
        Map<String, String> headers = new java.util.HashMap<>(limit(0, CLOCK.instant().plusSeconds(20), "standard", false));
        headers.put("Retry-After", "2");
        sim.faults().add(FaultRule.respond(429).headers(headers).path("/order").times(1).build());

        result(client.cancelOrder(id));

        assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(2));
    }
}
