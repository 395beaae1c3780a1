package dev.clobcancel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import org.junit.jupiter.api.Test;

/** Each benchmark does the work it names: run once, not timed (timing is JMH's job). */
class CancelPathBenchmarkTest {

    private final CancelPathBenchmark benchmark = new CancelPathBenchmark();

    @Test
    void everyBenchmarkComputesWhatItsNameSays() {
        benchmark.setUp();

        assertThat(new String(benchmark.writeCancelBody())).isEqualTo("{\"orderID\":\"" + CancelPathBenchmark.ORDER + "\"}");
        assertThat(benchmark.signL2()).isEqualTo(benchmark.signed).hasSize(44);
        assertThat(benchmark.l2Headers().signature()).isEqualTo(benchmark.signed);
        assertThat(benchmark.verifyL2()).isTrue();
        CancelResult result = benchmark.readCancelAnswer();
        assertThat(result.wasCanceled(OrderId.of(CancelPathBenchmark.ORDER))).isTrue();
    }
}
