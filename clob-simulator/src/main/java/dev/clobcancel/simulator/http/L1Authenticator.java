package dev.clobcancel.simulator.http;

import dev.clobcancel.simulator.eip712.ClobAuth;
import dev.clobcancel.simulator.eip712.Eip712;
import dev.clobcancel.simulator.eip712.ExchangeDomain;
import dev.clobcancel.simulator.eip712.Secp256k1;
import io.vertx.core.MultiMap;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Checks a request's L1 headers as the exchange does: {@code POLY_ADDRESS}, {@code POLY_SIGNATURE}
 * and {@code POLY_TIMESTAMP} present, {@code POLY_NONCE} a uint256 (0 when absent), the timestamp
 * near the server's clock, and the signature an EIP-712 {@code ClobAuth} signature by the key of
 * {@code POLY_ADDRESS} on the simulator's chain.
 */
final class L1Authenticator {

    static final String POLY_ADDRESS = "POLY_ADDRESS";
    static final String POLY_SIGNATURE = "POLY_SIGNATURE";
    static final String POLY_TIMESTAMP = "POLY_TIMESTAMP";
    static final String POLY_NONCE = "POLY_NONCE";
    /** The exchange's answer to every failed L1 check. */
    static final String INVALID_L1_HEADERS = "Invalid L1 Request headers";

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,78}");
    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

    /** The outcome of a check: the lowercase address and the nonce, or the name of the check that failed. */
    record Outcome(String address, BigInteger nonce, String failure) {
        boolean passed() {
            return failure == null;
        }
    }

    private final TimestampWindow window;
    private final LongSupplier chainId;

    /** @param chainId the simulator's chain, read at each check (it is a setting) */
    L1Authenticator(Clock clock, Duration window, LongSupplier chainId) {
        this.window = new TimestampWindow(clock, window);
        this.chainId = chainId;
    }

    Outcome check(MultiMap headers) {
        for (String name : new String[] {POLY_ADDRESS, POLY_SIGNATURE, POLY_TIMESTAMP}) {
            String value = headers.get(name);
            if (value == null || value.isEmpty()) {
                return failed("missing header " + name);
            }
        }
        String address = headers.get(POLY_ADDRESS);
        if (!ADDRESS.matcher(address).matches()) {
            return failed("POLY_ADDRESS is not 0x and 40 hex digits");
        }
        String timestamp = headers.get(POLY_TIMESTAMP);
        if (!DIGITS.matcher(timestamp).matches() || timestamp.length() > 18) {
            return failed("POLY_TIMESTAMP is not unix seconds");
        }
        String stale = window.staleness(Long.parseLong(timestamp));
        if (stale != null) {
            return failed(stale);
        }
        String nonceText = headers.get(POLY_NONCE) == null || headers.get(POLY_NONCE).isEmpty() ? "0" : headers.get(POLY_NONCE);
        if (!DIGITS.matcher(nonceText).matches() || new BigInteger(nonceText).compareTo(TWO_256) >= 0) {
            return failed("POLY_NONCE is not a uint256 in decimal digits");
        }
        BigInteger nonce = new BigInteger(nonceText);
        byte[] signature;
        try {
            signature = Eip712.hex(headers.get(POLY_SIGNATURE), Secp256k1.SIGNATURE_BYTES, "signature");
        } catch (IllegalArgumentException e) {
            return failed("POLY_SIGNATURE is not 0x and 130 hex digits (r, s, v)");
        }
        long chain = chainId.getAsLong();
        String claimed = address.toLowerCase(Locale.ROOT);
        Optional<String> signer = Secp256k1.recoverAddress(ClobAuth.digest(chain, address, timestamp, nonce), signature);
        if (signer.isEmpty()) {
            return failed("POLY_SIGNATURE is no secp256k1 signature (r, s or v out of range)");
        }
        if (!signer.get().equals(claimed)) {
            return failed("POLY_SIGNATURE is not POLY_ADDRESS's signature of ClobAuth{address, timestamp \"" + timestamp
                    + "\", nonce " + nonce + "} on chain " + chain + otherChain(chain, address, timestamp, nonce, signature));
        }
        return new Outcome(claimed, nonce, null);
    }

    /** A hint when the signature is good for the other chain: the commonest mistake, a client set for another network. */
    private static String otherChain(long chain, String address, String timestamp, BigInteger nonce, byte[] signature) {
        for (long other : ExchangeDomain.CHAINS) {
            if (other != chain && Secp256k1.recoverAddress(ClobAuth.digest(other, address, timestamp, nonce), signature)
                    .filter(address.toLowerCase(Locale.ROOT)::equals).isPresent()) {
                return " (it was signed for chain " + other + ")";
            }
        }
        return "";
    }

    private static Outcome failed(String why) {
        return new Outcome(null, null, why);
    }
}
