package dev.clobcancel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.exchange.OrderView;
import org.junit.jupiter.api.Test;

/** The benchmark cancels live orders of a book of the size asked for: run once, not timed. */
class ExchangeCancelBenchmarkTest {

    @Test
    void eachInvocationCancelsABatchOfLiveOrdersOnAFullBook() {
        ExchangeCancelBenchmark benchmark = new ExchangeCancelBenchmark();
        benchmark.liveOrders = 1000;
        benchmark.fillTheBook();

        for (int invocation = 0; invocation < 3; invocation++) {
            benchmark.placeTheNextBatch();
            assertThat(benchmark.cancel()).isEqualTo(ExchangeCancelBenchmark.BATCH);
            assertThat(benchmark.ids).allSatisfy(id ->
                    assertThat(benchmark.exchange.order(id).map(OrderView::status)).contains(OrderStatus.CANCELED));
        }
        assertThat(benchmark.exchange.liveOrders(ExchangeCancelBenchmark.OWNER, null, null, null)).hasSize(1000);
    }
}
