package dev.clobcancel.domain.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The exchange's L2 request signature: HMAC-SHA256, keyed by the base64-decoded API secret, over
 * {@code timestamp + METHOD + requestPath + body}, encoded as url-safe base64 with its {@code =}
 * padding kept. The body is the exact bytes sent, appended only when there is one.
 *
 * <pre>{@code
 * L2Signature hmac = L2Signature.forSecret(secret);
 * String sig = hmac.sign(1703357068, "DELETE", "/order", bodyBytes);
 * }</pre>
 *
 * The client signs with it and the simulator verifies with it: one implementation for both
 * sides. Immutable and safe to share between threads; the key is decoded once.
 */
public final class L2Signature {

    private static final String ALGORITHM = "HmacSHA256";

    /** Keyed once; each call signs with a clone, which skips the provider look-up and key set-up. */
    private final Mac prototype;

    private L2Signature(Mac prototype) {
        this.prototype = prototype;
    }

    /**
     * Prepares signing with an API secret given in either base64 alphabet, padded or not. The
     * exception for a secret that is not base64 never quotes the secret.
     */
    public static L2Signature forSecret(String secret) {
        byte[] key = decodeSecret(secret);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return new L2Signature(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot compute " + ALGORITHM, e);
        }
    }

    /** The secret's key bytes. The official clients accept '+' '/' as well as '-' '_'. */
    static byte[] decodeSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("API secret is empty");
        }
        String urlSafe = secret.replace('+', '-').replace('/', '_');
        int end = urlSafe.length();
        while (end > 0 && urlSafe.charAt(end - 1) == '=') {
            end--;
        }
        byte[] key;
        try {
            key = Base64.getUrlDecoder().decode(urlSafe.substring(0, end));
        } catch (IllegalArgumentException e) {
            // The decoder's own message quotes a character of the secret: leave it out.
            throw new IllegalArgumentException("API secret is not base64 (standard or url-safe alphabet)");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("API secret decodes to no bytes");
        }
        return key;
    }

    /** Signs a request whose body is {@code body} (null or empty: no body). */
    public String sign(long timestamp, String method, String requestPath, byte[] body) {
        return Base64.getUrlEncoder().encodeToString(hmac(timestamp, method, requestPath, body));
    }

    /** Signs a request whose body is the UTF-8 encoding of {@code body} (null: no body). */
    public String sign(long timestamp, String method, String requestPath, String body) {
        return sign(timestamp, method, requestPath, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether {@code signature} is this secret's signature of the request. Compared in constant
     * time; accepts the signature in either base64 alphabet, as the official clients differ.
     */
    public boolean verify(String signature, long timestamp, String method, String requestPath, byte[] body) {
        if (signature == null) {
            return false;
        }
        byte[] expected = sign(timestamp, method, requestPath, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.replace('+', '-').replace('/', '_').getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /**
     * The exact text that is signed, for a developer comparing it with what their own code signs.
     * The body is decoded as UTF-8 for display.
     */
    public static String message(long timestamp, String method, String requestPath, byte[] body) {
        String prefix = timestamp + method + requestPath;
        return body == null ? prefix : prefix + new String(body, StandardCharsets.UTF_8);
    }

    private byte[] hmac(long timestamp, String method, String requestPath, byte[] body) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(ALGORITHM + " of this JDK cannot be cloned", e);
        }
        mac.update((timestamp + method + requestPath).getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            mac.update(body);
        }
        return mac.doFinal();
    }

    @Override
    public String toString() {
        return "L2Signature[" + ALGORITHM + ", key=<redacted>]";
    }
}
