package dev.clobcancel.simulator.auth;

import dev.clobcancel.domain.model.ApiCredentials;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes API keys that look like the exchange's: a UUID key, a base64url secret of 32 bytes and a
 * passphrase of 64 hex digits.
 *
 * <p>A derived key is a function of the simulator's seed, the address and the nonce (HMAC-SHA256
 * keyed by the seed), so {@code GET /auth/derive-api-key} gives the same key run after run; a
 * created key is drawn from the simulator's one seeded random source, so a run that creates keys
 * in the same order gets the same keys.
 */
public final class ApiKeyIssuer {

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec seedKey;
    private final Random random;

    /**
     * @param seed   the simulator's start-up seed, which derived keys are a function of
     * @param random the simulator's seeded random source, which created keys are drawn from
     */
    public ApiKeyIssuer(long seed, Random random) {
        this.seedKey = new SecretKeySpec(ByteBuffer.allocate(Long.BYTES).putLong(seed).array(), HMAC);
        this.random = random;
    }

    /** The key of {@code address} (any case) and {@code nonce}: the same for the same seed, always. */
    public ApiCredentials derive(String address, BigInteger nonce) {
        String what = address.toLowerCase(Locale.ROOT) + "|" + nonce;
        return credentials(mac("apiKey|" + what), mac("secret|" + what), mac("passphrase|" + what));
    }

    /** A new key, drawn from the seeded random source. */
    public ApiCredentials create() {
        byte[] key = new byte[32];
        byte[] secret = new byte[32];
        byte[] passphrase = new byte[32];
        random.nextBytes(key);
        random.nextBytes(secret);
        random.nextBytes(passphrase);
        return credentials(key, secret, passphrase);
    }

    private static ApiCredentials credentials(byte[] key, byte[] secret, byte[] passphrase) {
        ByteBuffer bits = ByteBuffer.wrap(Arrays.copyOf(key, 16));
        // A version-4, IETF-variant UUID, as the exchange's keys are.
        long high = (bits.getLong() & ~0xF000L) | 0x4000L;
        long low = (bits.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new ApiCredentials(new UUID(high, low).toString(), Base64.getUrlEncoder().encodeToString(secret),
                HexFormat.of().formatHex(passphrase));
    }

    private byte[] mac(String message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(seedKey);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }
}
