package dev.clobcancel.benchmarks;

import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.MarketSpec;
import dev.clobcancel.simulator.exchange.NewOrder;
import dev.clobcancel.simulator.exchange.OrderRequest;
import dev.clobcancel.simulator.exchange.Placement;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.simulator.exchange.SimAccount;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
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
 * The simulator's match of one incoming order ({@link Exchange#submit}, as {@code POST /order}
 * calls it once the signature is checked) against a book of 1000 or 1000000 resting sell orders
 * over ten price levels. Each taker buys {@value #MAKERS_PER_TAKER} resting orders at the best
 * price, and leaves nothing on the book; each invocation first places, outside the timing, as many
 * sell orders as its takers will take, so the book keeps its size. A fresh book each iteration
 * keeps the orders and trades that pile up within bounds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ExchangeMatchBenchmark {

    static final int BATCH = 100;
    static final int MAKERS_PER_TAKER = 4;
    static final BigDecimal MAKER_SIZE = BigDecimal.TEN;
    static final String MAKER = "key-maker";
    static final String TAKER = "key-taker";

    @Param({"1000", "1000000"})
    int restingOrders;

    Exchange exchange;
    List<OrderRequest> takers;
    private long nextId;

    @Setup(Level.Iteration)
    public void fillTheBook() {
        exchange = new Exchange(new Random(1), Clock.systemUTC());
        exchange.addAccount(SimAccount.of(new ApiCredentials(MAKER, "vcR0iVnub9lwyp10npV5pN2CvxEdTzNIyk1CUjESPmE=", "pass"),
                Address.of("0x9fB29AAc15b9A4B7F17c3385939b007540f4d791")));
        exchange.addAccount(SimAccount.of(new ApiCredentials(TAKER, "jCCK2cC7tg3CgvOom3BZybnYVyBoAFGzkfVpPDqiyYY=", "pass"),
                Address.of("0x1111111111111111111111111111111111111111")));
        exchange.addMarket(MarketSpec.of(ExchangeCancelBenchmark.MARKET, ExchangeCancelBenchmark.ASSET));
        for (int placed = 0; placed < restingOrders; placed += 10_000) {
            exchange.place(asks(Math.min(10_000, restingOrders - placed), placed));
        }
    }

    /** The sell orders the next invocation's takers will take, at the best price, and the takers; not timed. */
    @Setup(Level.Invocation)
    public void prepareTheNextBatch() {
        exchange.place(asks(BATCH * MAKERS_PER_TAKER, 0).stream().map(o -> new NewOrder(null, MAKER,
                ExchangeCancelBenchmark.MARKET, ExchangeCancelBenchmark.ASSET, Side.SELL, new BigDecimal("0.50"), MAKER_SIZE)).toList());
        takers = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            takers.add(OrderRequest.limit(String.format("0x%064x", ++nextId), TAKER, ExchangeCancelBenchmark.ASSET, Side.BUY,
                    new BigDecimal("0.59"), MAKER_SIZE.multiply(BigDecimal.valueOf(MAKERS_PER_TAKER))));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int match() {
        int matched = 0;
        for (OrderRequest taker : takers) {
            Placement placement = exchange.submit(taker);
            matched += placement.status().equals(Placement.MATCHED) ? 1 : 0;
        }
        if (matched != BATCH) {
            throw new IllegalStateException("matched " + matched + " of " + BATCH);
        }
        return matched;
    }

    /** Sell orders of size 10 over ten price levels from 0.50 up, as a book has. */
    static List<NewOrder> asks(int n, int from) {
        List<NewOrder> orders = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            orders.add(new NewOrder(null, MAKER, ExchangeCancelBenchmark.MARKET, ExchangeCancelBenchmark.ASSET, Side.SELL,
                    new BigDecimal("0.5" + ((from + i) % 10)), MAKER_SIZE));
        }
        return orders;
    }
}
