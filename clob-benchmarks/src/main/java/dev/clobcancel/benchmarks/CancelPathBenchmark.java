package dev.clobcancel.benchmarks;

import dev.clobcancel.adapter.http.CancelPathSeam;
import dev.clobcancel.domain.auth.L2Headers;
import dev.clobcancel.domain.auth.L2Signature;
import dev.clobcancel.domain.auth.L2Signer;
import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The work of one {@code DELETE /order} inside the process, piece by piece: signing it (the
 * client; the simulator verifies with the same class), writing its body, and reading the
 * exchange's answer. The adapter's package-private pieces are reached through its test-fixtures
 * seam ({@link CancelPathSeam}), not by a class of this module in the adapter's package.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CancelPathBenchmark {

    static final String SECRET = "vcR0iVnub9lwyp10npV5pN2CvxEdTzNIyk1CUjESPmE=";
    static final String ORDER = "0x0fa2941acac70699d17cd83363bf92ed5d8d0743a06d9f34f9a58de696a0b791";
    static final long TIMESTAMP = 1_700_000_000L;

    L2Signature signature;
    L2Signer signer;
    OrderId id;
    byte[] body;
    String signed;
    CancelPathSeam.Answer answer;

    @Setup
    public void setUp() {
        signature = L2Signature.forSecret(SECRET);
        signer = new L2Signer(new ApiCredentials("key-1", SECRET, "passphrase-1"),
                Address.of("0x9fB29AAc15b9A4B7F17c3385939b007540f4d791"));
        id = OrderId.of(ORDER);
        body = CancelPathSeam.orderBody(id);
        signed = signature.sign(TIMESTAMP, "DELETE", "/order", body);
        answer = CancelPathSeam.answer(200,
                ("{\"canceled\":[\"" + ORDER + "\"],\"not_canceled\":{}}").getBytes(StandardCharsets.UTF_8),
                Map.of("content-type", "application/json"));
    }

    /** The HMAC of one cancel: what the client computes for every attempt. */
    @Benchmark
    public String signL2() {
        return signature.sign(TIMESTAMP, "DELETE", "/order", body);
    }

    /** The five L2 headers of one cancel, signature included. */
    @Benchmark
    public L2Headers l2Headers() {
        return signer.headers(TIMESTAMP, "DELETE", "/order", body);
    }

    /** What the simulator checks of every authenticated request. */
    @Benchmark
    public boolean verifyL2() {
        return signature.verify(signed, TIMESTAMP, "DELETE", "/order", body);
    }

    /** {@code {"orderID":"0x..."}}, the bytes sent. */
    @Benchmark
    public byte[] writeCancelBody() {
        return CancelPathSeam.orderBody(id);
    }

    /** {@code {"canceled":["0x..."],"not_canceled":{}}} read into a {@link CancelResult}. */
    @Benchmark
    public CancelResult readCancelAnswer() {
        return answer.readCancel("DELETE /order");
    }
}
