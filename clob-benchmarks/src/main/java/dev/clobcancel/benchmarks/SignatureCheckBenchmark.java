package dev.clobcancel.benchmarks;

import dev.clobcancel.simulator.eip712.ClobAuth;
import dev.clobcancel.simulator.eip712.ExchangeDomain;
import dev.clobcancel.simulator.eip712.OrderV2;
import dev.clobcancel.simulator.eip712.Secp256k1;
import dev.clobcancel.simulator.wallet.SignedOrder;
import dev.clobcancel.simulator.wallet.TestWallet;
import java.math.BigInteger;
import java.util.Optional;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the simulator pays to check one signed order ({@code POST /order}) and one L1 request: the
 * EIP-712 hash (two Keccak-256 over a dozen words) and the secp256k1 recovery of the signer with
 * BouncyCastle, apart and together. The order is signed as the official client signs it.
 * {@link #nativeRecovery} is the same recovery by libsecp256k1 (ACINQ's JNI binding), to weigh
 * BouncyCastle against it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SignatureCheckBenchmark {

    static final TestWallet WALLET = TestWallet.fromSeed(1, 0);
    static final ExchangeDomain DOMAIN = ExchangeDomain.chain(ExchangeDomain.POLYGON).v2(false);

    OrderV2 order;
    byte[] orderDigest;
    byte[] orderSignature;
    String l1Timestamp;
    byte[] l1Signature;

    @Setup(Level.Trial)
    public void signAnOrderAndAnL1Header() {
        order = new OrderV2(BigInteger.valueOf(123_456_789L), WALLET.address(), WALLET.address(),
                new BigInteger("71321045679252212594626385532706912750332728571942532289631379312455583992563"),
                BigInteger.valueOf(5_000_000), BigInteger.valueOf(10_000_000), 0, 0, BigInteger.valueOf(1_767_225_600_000L),
                OrderV2.ZERO_BYTES32, OrderV2.ZERO_BYTES32);
        SignedOrder signed = WALLET.signOrder(order, DOMAIN, 0);
        orderDigest = order.digest(DOMAIN);
        orderSignature = hex(signed.signature());
        l1Timestamp = "1767225600";
        l1Signature = hex(WALLET.l1Headers(ExchangeDomain.POLYGON, 1_767_225_600L, BigInteger.ZERO).get("POLY_SIGNATURE"));
    }

    private static byte[] hex(String text) {
        return java.util.HexFormat.of().parseHex(text.substring(2));
    }

    /** The order's EIP-712 hash alone: its id. */
    @Benchmark
    public byte[] orderHash() {
        return order.digest(DOMAIN);
    }

    /** The recovery of the signer from a known digest alone. */
    @Benchmark
    public Optional<String> recovery() {
        return Secp256k1.recoverAddress(orderDigest, orderSignature);
    }

    /** The recovery by bitcoin-core's libsecp256k1 through JNI, then the address (Keccak of the key). */
    @Benchmark
    public String nativeRecovery() {
        byte[] compact = java.util.Arrays.copyOf(orderSignature, 64);
        byte[] publicKey = fr.acinq.secp256k1.Secp256k1.get().ecdsaRecover(compact, orderDigest, (orderSignature[64] & 0xff) - 27);
        byte[] hash = dev.clobcancel.simulator.eip712.Keccak.hash(java.util.Arrays.copyOfRange(publicKey, 1, 65));
        return dev.clobcancel.simulator.eip712.Eip712.toHex(java.util.Arrays.copyOfRange(hash, 12, 32));
    }

    /** One order's signature check as {@code POST /order} does it: hash, then recovery. */
    @Benchmark
    public Optional<String> orderCheck() {
        return Secp256k1.recoverAddress(order.digest(DOMAIN), orderSignature);
    }

    /** One L1 request's check: the ClobAuth hash, then recovery. */
    @Benchmark
    public Optional<String> l1Check() {
        return Secp256k1.recoverAddress(ClobAuth.digest(ExchangeDomain.POLYGON, WALLET.address(), l1Timestamp, BigInteger.ZERO),
                l1Signature);
    }
}
