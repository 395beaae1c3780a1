package dev.clobcancel.domain.model;

import java.util.Locale;
import java.util.Objects;

/**
 * The id of an order on the CLOB: its order hash, {@code 0x} and 64 hex digits, or the shorter
 * {@code 0x}-hex form (40 digits) that the exchange's documentation shows.
 *
 * <pre>{@code
 * OrderId id = OrderId.of("0x0fa2941acac70699d17cd83363bf92ed5d8d0743a06d9f34f9a58de696a0b791");
 * }</pre>
 *
 * Construction is the only gate: an id that the exchange could not accept never gets as far as a
 * request, and the exception says what is wrong with it. The hex digits are kept in lower case,
 * as the exchange writes its hashes: {@code 0xAB...} and {@code 0xab...} are one id, equal, with
 * one hash code, and {@link #value()} is {@code 0xab...}.
 */
public record OrderId(String value) {

    /** Hex digits in an order hash (32 bytes). */
    public static final int HASH_DIGITS = 64;
    /** Hex digits in the short ids of the exchange's documentation (20 bytes). */
    public static final int SHORT_DIGITS = 40;

    public OrderId {
        Objects.requireNonNull(value, "order id is null");
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException("invalid order id \"" + Text.shorten(value) + "\": " + problem);
        }
        // The same string when it is lower case already, as the exchange's ids are: no copy on the hot path.
        value = value.toLowerCase(Locale.ROOT);
    }

    public static OrderId of(String value) {
        return new OrderId(value);
    }

    /** Whether {@code value} is an id this library would send; never throws. */
    public static boolean isValid(String value) {
        return value != null && problemWith(value) == null;
    }

    private static String problemWith(String value) {
        if (isWellFormed(value)) {
            // Every id the exchange sends, on the hot path: one pass, no message built.
            return null;
        }
        if (value.isBlank()) {
            return "it is blank";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return "whitespace or control character at position " + i;
            }
        }
        if (!value.startsWith("0x")) {
            return "it must start with 0x";
        }
        for (int i = 2; i < value.length(); i++) {
            if (!isHexDigit(value.charAt(i))) {
                return "'" + value.charAt(i) + "' at position " + i + " is not a hex digit";
            }
        }
        int digits = value.length() - 2;
        if (digits != HASH_DIGITS && digits != SHORT_DIGITS) {
            return digits + " hex digits, expected " + HASH_DIGITS + " (an order hash) or " + SHORT_DIGITS;
        }
        return null;
    }


    private static boolean isWellFormed(String value) {
        int digits = value.length() - 2;
        if (digits != HASH_DIGITS && digits != SHORT_DIGITS || !value.startsWith("0x")) {
            return false;
        }
        for (int i = 2; i < value.length(); i++) {
            if (!isHexDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** ASCII hex alone: {@link Character#digit} would take other scripts' digits too. */
    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    @Override
    public String toString() {
        return value;
    }
}
