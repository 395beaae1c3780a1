package dev.clobcancel.benchmarks;

import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.NewOrder;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.simulator.exchange.SimAccount;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulator's cancel of one live order ({@link Exchange#cancel}, as {@code DELETE /order}
 * calls it) with 1000 or 1000000 other live orders of the same account on the same book. A cancel
 * consumes its order, so each invocation cancels {@value #BATCH} orders placed just before it,
 * outside the timing; the book stays within {@value #BATCH} orders of its size.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ExchangeCancelBenchmark {

    static final int BATCH = 100;
    static final String OWNER = "key-1";
    static final String MARKET = "0x5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f";
    static final String ASSET = "71321045679252212594626385532706912750332728571942532289631379312455583992563";

    @Param({"1000", "1000000"})
    int liveOrders;

    Exchange exchange;
    List<String> ids;

    @Setup(Level.Trial)
    public void fillTheBook() {
        exchange = new Exchange(new Random(1), Clock.systemUTC());
        exchange.addAccount(SimAccount.of(new ApiCredentials(OWNER, "vcR0iVnub9lwyp10npV5pN2CvxEdTzNIyk1CUjESPmE=", "pass"),
                Address.of("0x9fB29AAc15b9A4B7F17c3385939b007540f4d791")));
        for (int placed = 0; placed < liveOrders; placed += 10_000) {
            exchange.place(orders(Math.min(10_000, liveOrders - placed)));
        }
    }

    /** Orders to cancel in the next invocation, not timed. */
    @Setup(Level.Invocation)
    public void placeTheNextBatch() {
        ids = exchange.place(orders(BATCH));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int cancel() {
        int canceled = 0;
        for (String id : ids) {
            canceled += exchange.cancel(OWNER, Collections.singletonList(id)).canceled().size();
        }
        if (canceled != BATCH) {
            throw new IllegalStateException("canceled " + canceled + " of " + BATCH);
        }
        return canceled;
    }

    /** BUY orders over ten price levels, as a book has. */
    static List<NewOrder> orders(int n) {
        List<NewOrder> orders = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            orders.add(new NewOrder(null, OWNER, MARKET, ASSET, Side.BUY, new BigDecimal("0.4" + (i % 10)), BigDecimal.TEN));
        }
        return orders;
    }
}
