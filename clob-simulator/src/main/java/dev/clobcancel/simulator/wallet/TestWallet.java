package dev.clobcancel.simulator.wallet;

import dev.clobcancel.simulator.eip712.ClobAuth;
import dev.clobcancel.simulator.eip712.Eip712;
import dev.clobcancel.simulator.eip712.ExchangeDomain;
import dev.clobcancel.simulator.eip712.Keccak;
import dev.clobcancel.simulator.eip712.OrderV2;
import dev.clobcancel.simulator.eip712.Secp256k1;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An Ethereum key pair for tests: it signs L1 headers and V2 orders as the official client's
 * wallet does, byte for byte (RFC 6979, low {@code s}). Its private key is never shown.
 *
 * <pre>{@code
 * TestWallet alice = TestWallet.fromSeed(42, 0);
 * Map<String, String> l1 = alice.l1Headers(137, Instant.now().getEpochSecond(), BigInteger.ZERO);
 * }</pre>
 */
public final class TestWallet {

    private static final BigInteger N = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

    private final BigInteger privateKey;
    private final String address;

    private TestWallet(BigInteger privateKey) {
        this.privateKey = privateKey;
        this.address = checksummed(Secp256k1.address(privateKey));
    }

    /** The wallet of a private key in [1, n-1]. */
    public static TestWallet of(BigInteger privateKey) {
        return new TestWallet(privateKey);
    }

    /** The {@code index}-th wallet of a seed: the same key for the same seed and index, always. */
    public static TestWallet fromSeed(long seed, int index) {
        byte[] hash = Keccak.hash(ByteBuffer.allocate(Long.BYTES + Integer.BYTES).putLong(seed).putInt(index).array(),
                "clob-simulator test wallet".getBytes(StandardCharsets.UTF_8));
        return new TestWallet(new BigInteger(1, hash).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE));
    }

    /** The address, with the EIP-55 checksum in its case, as wallets show it. */
    public String address() {
        return address;
    }

    /** Signs a 32-byte digest: {@code r || s || v}, as {@code 0x} hex. */
    public String sign(byte[] digest) {
        return Eip712.toHex(Secp256k1.sign(digest, privateKey));
    }

    /** The L1 headers of {@code /auth/api-key} and {@code /auth/derive-api-key}, as the client builds them. */
    public Map<String, String> l1Headers(long chainId, long timestampSeconds, BigInteger nonce) {
        String timestamp = Long.toString(timestampSeconds);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("POLY_ADDRESS", address);
        headers.put("POLY_SIGNATURE", sign(ClobAuth.digest(chainId, address, timestamp, nonce)));
        headers.put("POLY_TIMESTAMP", timestamp);
        headers.put("POLY_NONCE", nonce.toString());
        return headers;
    }

    /** Signs an order for the exchange of {@code domain}; {@code expiration} is unix seconds, 0 for none. */
    public SignedOrder signOrder(OrderV2 order, ExchangeDomain domain, long expiration) {
        byte[] digest = order.digest(domain);
        return new SignedOrder(order, expiration, sign(digest), Eip712.toHex(digest));
    }

    /** EIP-55: a hex digit is upper case where the Keccak of the lowercase address has a nibble of 8 or more. */
    static String checksummed(String lowercase) {
        String hex = lowercase.substring(2);
        byte[] hash = Keccak.hash(hex);
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < hex.length(); i++) {
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
            char c = hex.charAt(i);
            out.append(nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "TestWallet[" + address + "]";
    }
}
