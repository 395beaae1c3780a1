package dev.clobcancel.simulator.eip712;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ethereum's signatures on secp256k1: the address that signed a hash, recovered from the 65 bytes
 * {@code r || s || v} as {@code ecrecover} does (SEC 1, 4.1.6), and signing for tests (RFC 6979
 * nonces, low {@code s}, as every Ethereum wallet signs).
 *
 * <p>The recovery is bitcoin-core's libsecp256k1 through ACINQ's JNI binding, about 20 times
 * faster than BouncyCastle's (clob-benchmarks {@code SignatureCheckBenchmark}); where the native
 * library cannot load, BouncyCastle does it, with the same answers.
 */
public final class Secp256k1 {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    private static final BigInteger N = CURVE.getN();
    private static final BigInteger HALF_N = N.shiftRight(1);
    /** A signature: {@code r}, {@code s} and {@code v}, 65 bytes. */
    public static final int SIGNATURE_BYTES = 65;
    private static final Logger LOG = LoggerFactory.getLogger(Secp256k1.class);
    /** libsecp256k1, or null where it cannot load. */
    private static final fr.acinq.secp256k1.Secp256k1 NATIVE = loadNative();

    private Secp256k1() {
    }

    /**
     * The address (lowercase {@code 0x} and 40 hex digits) whose key signed {@code hash}, or empty
     * when the bytes are no signature of anything: not 65 bytes, {@code r} or {@code s} out of
     * range, {@code v} not 27, 28, 0 or 1, or {@code r} not the x of a point on the curve.
     */
    public static Optional<String> recoverAddress(byte[] hash, byte[] signature) {
        if (hash.length != 32 || signature.length != SIGNATURE_BYTES) {
            return Optional.empty();
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        int v = signature[64] & 0xff;
        int parity = v >= 27 ? v - 27 : v;
        if (parity < 0 || parity > 1 || !inRange(r) || !inRange(s)) {
            return Optional.empty();
        }
        if (NATIVE != null) {
            return recoverNatively(hash, signature, parity);
        }
        ECPoint point = recoverPoint(hash, r, s, parity);
        return point == null ? Optional.empty() : Optional.of(address(point));
    }

    /** Whether recoveries run in libsecp256k1 (else in BouncyCastle). */
    public static boolean isNative() {
        return NATIVE != null;
    }

    /** BouncyCastle's recovery, whatever the native library: for tests that hold the two equal. */
    static Optional<String> recoverWithBouncyCastle(byte[] hash, byte[] signature) {
        int parity = (signature[64] & 0xff) >= 27 ? (signature[64] & 0xff) - 27 : signature[64] & 0xff;
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        ECPoint point = parity < 0 || parity > 1 || !inRange(r) || !inRange(s) ? null : recoverPoint(hash, r, s, parity);
        return point == null ? Optional.empty() : Optional.of(address(point));
    }

    private static Optional<String> recoverNatively(byte[] hash, byte[] signature, int parity) {
        byte[] publicKey;
        try {
            publicKey = NATIVE.ecdsaRecover(Arrays.copyOf(signature, 64), hash, parity);
        } catch (RuntimeException noPoint) {
            return Optional.empty();
        }
        byte[] keyHash = Keccak.hash(Arrays.copyOfRange(publicKey, 1, publicKey.length));
        return Optional.of("0x" + HexFormat.of().formatHex(keyHash, 12, 32));
    }

    private static fr.acinq.secp256k1.Secp256k1 loadNative() {
        try {
            fr.acinq.secp256k1.Secp256k1 library = fr.acinq.secp256k1.Secp256k1.get();
            library.pubkeyCreate(BigIntegers.asUnsignedByteArray(32, BigInteger.ONE));
            return library;
        } catch (RuntimeException | LinkageError unavailable) {
            LOG.info("libsecp256k1 could not load ({}); BouncyCastle recovers signers", unavailable.toString());
            return null;
        }
    }

    private static boolean inRange(BigInteger value) {
        return value.signum() > 0 && value.compareTo(N) < 0;
    }

    /** {@code Q = r^-1 (sR - eG)}, with {@code R} the point of x {@code r} and the y of that parity; null if none. */
    private static ECPoint recoverPoint(byte[] hash, BigInteger r, BigInteger s, int parity) {
        if (r.compareTo(CURVE.getCurve().getField().getCharacteristic()) >= 0) {
            return null;
        }
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (parity == 0 ? 0x02 : 0x03);
        byte[] x = BigIntegers.asUnsignedByteArray(32, r);
        System.arraycopy(x, 0, compressed, 1, 32);
        ECPoint bigR;
        try {
            bigR = CURVE.getCurve().decodePoint(compressed);
        } catch (IllegalArgumentException notOnCurve) {
            return null;
        }
        BigInteger e = new BigInteger(1, hash);
        BigInteger rInverse = r.modInverse(N);
        BigInteger u1 = e.negate().mod(N).multiply(rInverse).mod(N);
        BigInteger u2 = s.multiply(rInverse).mod(N);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(CURVE.getG(), u1, bigR, u2).normalize();
        return q.isInfinity() ? null : q;
    }

    /** The address of a public key: the last 20 bytes of the Keccak-256 of its x and y. */
    static String address(ECPoint publicKey) {
        byte[] uncompressed = publicKey.getEncoded(false);
        byte[] hash = Keccak.hash(Arrays.copyOfRange(uncompressed, 1, uncompressed.length));
        return "0x" + HexFormat.of().formatHex(hash, 12, 32);
    }

    /** The address of a private key, lowercase. */
    public static String address(BigInteger privateKey) {
        return address(new FixedPointCombMultiplier().multiply(CURVE.getG(), requireKey(privateKey)).normalize());
    }

    /** Signs a 32-byte hash as an Ethereum wallet does: deterministic, low {@code s}, {@code v} 27 or 28. */
    public static byte[] sign(byte[] hash, BigInteger privateKey) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(requireKey(privateKey), DOMAIN));
        BigInteger[] rs = signer.generateSignature(hash);
        BigInteger r = rs[0];
        BigInteger s = rs[1].compareTo(HALF_N) > 0 ? N.subtract(rs[1]) : rs[1];
        String expected = address(privateKey);
        for (int parity = 0; parity <= 1; parity++) {
            ECPoint q = recoverPoint(hash, r, s, parity);
            if (q != null && address(q).equals(expected)) {
                byte[] signature = new byte[SIGNATURE_BYTES];
                System.arraycopy(BigIntegers.asUnsignedByteArray(32, r), 0, signature, 0, 32);
                System.arraycopy(BigIntegers.asUnsignedByteArray(32, s), 0, signature, 32, 32);
                signature[64] = (byte) (27 + parity);
                return signature;
            }
        }
        throw new IllegalStateException("no recovery id gives back the signer's key");
    }

    private static BigInteger requireKey(BigInteger privateKey) {
        if (!inRange(privateKey)) {
            throw new IllegalArgumentException("a private key must be in [1, n-1] of secp256k1");
        }
        return privateKey;
    }

    /** Lowercase, for comparing addresses as the exchange does, without regard to their checksum's case. */
    static String lower(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
