package dev.clobcancel.benchmarks;

import static dev.clobcancel.simulator.OrderSpec.order;

import dev.clobcancel.adapter.http.ClobHttpClient;
import dev.clobcancel.adapter.http.ws.UserChannel;
import dev.clobcancel.domain.confirm.CancelConfirmer;
import dev.clobcancel.domain.confirm.ConfirmedCancel;
import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.ClobSimulator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One cancel from the call to its result, against the simulator in this process over loopback:
 * plain ({@code DELETE /order} answered) against confirmed (subscribed to {@code /ws/user}
 * already, the cancel sent, and its CANCELLATION event had). The difference is what the proof
 * that the order is off the book costs. Sampled, so that JMH prints the percentiles.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ConfirmedCancelBenchmark {

    static final ApiCredentials CREDS = new ApiCredentials("11111111-1111-4111-8111-111111111111",
            "vcR0iVnub9lwyp10npV5pN2CvxEdTzNIyk1CUjESPmE=", "bench-passphrase");
    static final String MARKET = "0x" + "5f".repeat(32);

    ClobSimulator sim;
    ClobHttpClient client;
    UserChannel channel;
    CancelConfirmer confirmer;
    OrderId next;

    @Setup(Level.Trial)
    public void start() {
        sim = ClobSimulator.start();
        sim.addAccount(CREDS, Address.of("0x9fB29AAc15b9A4B7F17c3385939b007540f4d791"));
        client = ClobHttpClient.builder().host(sim.baseUri()).credentials(CREDS)
                .address(Address.of("0x9fB29AAc15b9A4B7F17c3385939b007540f4d791")).build();
        channel = UserChannel.builder().url(UserChannel.urlFor(sim.baseUri())).credentials(CREDS).build();
        confirmer = CancelConfirmer.builder(client, channel).build();
        // Subscribed once, as an app would be: each confirmed cancel then adds a listener to a live channel.
        channel.subscribe(event -> { }).toCompletableFuture().join();
    }

    /** The order the next call cancels, placed outside the timing. */
    @Setup(Level.Invocation)
    public void placeOne() {
        next = sim.place(order().owner(CREDS.apiKey()).market(MARKET).asset("123").buy().price("0.5").size("10"));
    }

    @Benchmark
    public CancelResult plainCancel() {
        CancelResult result = client.cancelOrder(next).toCompletableFuture().join();
        if (!result.wasCanceled(next)) {
            throw new IllegalStateException("not canceled: " + result);
        }
        return result;
    }

    @Benchmark
    public ConfirmedCancel confirmedCancel() {
        ConfirmedCancel confirmed = confirmer.cancelAndConfirm(next).toCompletableFuture().join();
        if (!confirmed.allCanceled()) {
            throw new IllegalStateException("not confirmed canceled: " + confirmed);
        }
        return confirmed;
    }

    @TearDown(Level.Trial)
    public void stop() {
        channel.close();
        client.close();
        sim.close();
    }
}
