package dev.clobcancel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.simulator.exchange.BookView;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The benchmark matches each taker against resting orders and keeps the book's size: run once, not timed. */
class ExchangeMatchBenchmarkTest {

    @Test
    void eachInvocationMatchesABatchOfTakersAndTheBookKeepsItsSize() {
        ExchangeMatchBenchmark benchmark = new ExchangeMatchBenchmark();
        benchmark.restingOrders = 1000;
        benchmark.fillTheBook();

        for (int invocation = 0; invocation < 3; invocation++) {
            benchmark.prepareTheNextBatch();
            assertThat(benchmark.match()).isEqualTo(ExchangeMatchBenchmark.BATCH);
        }

        BookView book = benchmark.exchange.book(ExchangeCancelBenchmark.ASSET).orElseThrow();
        BigDecimal resting = book.asks().stream().map(BookView.PriceLevel::size).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(resting).isEqualByComparingTo(BigDecimal.valueOf(1000 * 10));
        assertThat(book.bids()).isEmpty();
        assertThat(benchmark.exchange.trades()).hasSize(3 * ExchangeMatchBenchmark.BATCH)
                .allSatisfy(trade -> assertThat(trade.makerOrders()).hasSize(ExchangeMatchBenchmark.MAKERS_PER_TAKER));
    }
}
