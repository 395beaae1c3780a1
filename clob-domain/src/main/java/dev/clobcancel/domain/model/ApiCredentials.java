package dev.clobcancel.domain.model;

import java.util.Objects;

/**
 * The L2 API credentials of an account: key, secret and passphrase, as the exchange's
 * {@code /auth/api-key} hands them out.
 *
 * <pre>{@code
 * ApiCredentials creds = new ApiCredentials(System.getenv("CLOB_API_KEY"),
 *         System.getenv("CLOB_SECRET"), System.getenv("CLOB_PASS_PHRASE"));
 * }</pre>
 *
 * The secret and passphrase never appear in {@link #toString()} nor in any exception message.
 */
public record ApiCredentials(String apiKey, String secret, String passphrase) {

    public ApiCredentials {
        requireHeaderSafe("API key", apiKey, true);
        requireHeaderSafe("secret", secret, false);
        requireHeaderSafe("passphrase", passphrase, false);
    }

    /**
     * Values go into HTTP headers: a blank one or one with CR, LF or another control character
     * could never authenticate, and could split a header. Secret values are never quoted back.
     */
    static void requireHeaderSafe(String what, String value, boolean mayQuote) {
        Objects.requireNonNull(value, () -> what + " is null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException(what + (mayQuote ? " \"" + Text.shorten(value) + "\"" : "")
                        + " has whitespace, a control or a non-ASCII character at position " + i);
            }
        }
    }

    @Override
    public String toString() {
        return "ApiCredentials[apiKey=" + apiKey + ", secret=<redacted>, passphrase=<redacted>]";
    }
}
