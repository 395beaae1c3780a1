package dev.clobcancel.domain.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The five headers that authenticate a request at level 2. {@link #toString()} leaves out the
 * passphrase.
 */
public record L2Headers(String apiKey, String address, String signature, long timestamp, String passphrase) {

    public static final String POLY_ADDRESS = "POLY_ADDRESS";
    public static final String POLY_SIGNATURE = "POLY_SIGNATURE";
    public static final String POLY_TIMESTAMP = "POLY_TIMESTAMP";
    public static final String POLY_API_KEY = "POLY_API_KEY";
    public static final String POLY_PASSPHRASE = "POLY_PASSPHRASE";

    /** Header name to value, in the order the official clients send them. */
    public Map<String, String> asMap() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(POLY_ADDRESS, address);
        headers.put(POLY_SIGNATURE, signature);
        headers.put(POLY_TIMESTAMP, Long.toString(timestamp));
        headers.put(POLY_API_KEY, apiKey);
        headers.put(POLY_PASSPHRASE, passphrase);
        return headers;
    }

    @Override
    public String toString() {
        return "L2Headers[apiKey=" + apiKey + ", address=" + address + ", signature=" + signature
                + ", timestamp=" + timestamp + ", passphrase=<redacted>]";
    }
}
