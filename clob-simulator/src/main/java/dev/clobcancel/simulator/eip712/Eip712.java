package dev.clobcancel.simulator.eip712;

import java.math.BigInteger;
import java.util.HexFormat;
import org.bouncycastle.util.BigIntegers;

/**
 * The pieces of EIP-712 the exchange's messages use: 32-byte words for {@code uint}, {@code address},
 * {@code bytes32} and {@code string} values, a domain separator, and the digest that is signed,
 * {@code keccak256(0x1901 || domainSeparator || structHash)}.
 */
public final class Eip712 {

    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
    private static final byte[] PREFIX = {0x19, 0x01};
    private static final byte[] DOMAIN_TYPE = Keccak.hash("EIP712Domain(string name,string version,uint256 chainId)");
    private static final byte[] DOMAIN_TYPE_WITH_CONTRACT =
            Keccak.hash("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");

    private Eip712() {
    }

    /** A domain of a name, a version and a chain, as {@code ClobAuthDomain} is. */
    public static byte[] domainSeparator(String name, String version, long chainId) {
        return Keccak.hash(DOMAIN_TYPE, Keccak.hash(name), Keccak.hash(version), uint(BigInteger.valueOf(chainId)));
    }

    /** A domain with the contract that verifies its messages, as the exchange's orders have. */
    public static byte[] domainSeparator(String name, String version, long chainId, String verifyingContract) {
        return Keccak.hash(DOMAIN_TYPE_WITH_CONTRACT, Keccak.hash(name), Keccak.hash(version), uint(BigInteger.valueOf(chainId)),
                address(verifyingContract));
    }

    /** What a wallet signs for a message of {@code structHash} in the domain. */
    public static byte[] digest(byte[] domainSeparator, byte[] structHash) {
        return Keccak.hash(PREFIX, domainSeparator, structHash);
    }

    /** A {@code uint} of up to 256 bits as its word. */
    public static byte[] uint(BigInteger value) {
        if (value.signum() < 0 || value.compareTo(TWO_256) >= 0) {
            throw new IllegalArgumentException("not a uint256: " + value);
        }
        return BigIntegers.asUnsignedByteArray(32, value);
    }

    /** An {@code address} ({@code 0x} and 40 hex digits, any case) as its word. */
    public static byte[] address(String address) {
        byte[] word = new byte[32];
        System.arraycopy(hex(address, 20, "address"), 0, word, 12, 20);
        return word;
    }

    /** A {@code bytes32} ({@code 0x} and 64 hex digits) as its word. */
    public static byte[] bytes32(String value) {
        return hex(value, 32, "bytes32");
    }

    /** {@code 0x} and {@code 2 * length} hex digits as bytes; anything else is refused. */
    public static byte[] hex(String value, int length, String what) {
        if (value == null || value.length() != 2 + 2 * length || !value.startsWith("0x")) {
            throw new IllegalArgumentException("not a " + what + ": expected 0x and " + 2 * length + " hex digits");
        }
        try {
            return HexFormat.of().parseHex(value, 2, value.length());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a " + what + ": expected 0x and " + 2 * length + " hex digits", e);
        }
    }

    /** Bytes as lowercase {@code 0x} hex. */
    public static String toHex(byte[] bytes) {
        return "0x" + HexFormat.of().formatHex(bytes);
    }
}
