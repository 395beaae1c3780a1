package dev.clobcancel.testcontainers;

/** The account the tests trade as; the same one the simulator guide's config example holds. */
final class Accounts {

    static final String API_KEY = "k-1";
    static final String SECRET = "vcR0iVnub9lwyp10npV5pN2CvxEdTzNIyk1CUjESPmE=";
    static final String PASSPHRASE = "p-1";
    static final String ADDRESS = "0x9fB29AAc15b9A4B7F17c3385939b007540f4d791";

    private Accounts() {
    }
}
