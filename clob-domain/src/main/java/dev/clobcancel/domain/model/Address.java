package dev.clobcancel.domain.model;

import java.util.Locale;
import java.util.Objects;

/**
 * The account's Ethereum address, {@code 0x} and 40 hex digits, sent as {@code POLY_ADDRESS}.
 * Kept as given (checksummed or not): the exchange compares addresses without regard to case.
 */
public record Address(String value) {

    private static final int DIGITS = 40;

    public Address {
        Objects.requireNonNull(value, "address is null");
        if (!value.startsWith("0x") || value.length() != DIGITS + 2 || !isHex(value.substring(2))) {
            throw new IllegalArgumentException("invalid address \"" + Text.shorten(value)
                    + "\": expected 0x and " + DIGITS + " hex digits");
        }
    }

    public static Address of(String value) {
        return new Address(value);
    }

    /** Whether two addresses name the same account, ignoring the case of the hex digits. */
    public boolean sameAccountAs(String other) {
        return other != null && value.toLowerCase(Locale.ROOT).equals(other.toLowerCase(Locale.ROOT));
    }

    private static boolean isHex(String digits) {
        return digits.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    @Override
    public String toString() {
        return value;
    }
}
