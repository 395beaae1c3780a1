package dev.clobcancel.examples.cli;

import dev.clobcancel.domain.auth.L2Signature;
import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Reads the account from the environment, and checks all of it before anything is signed or
 * sent. Credentials come from the environment rather than flags so that they stay out of shell
 * history and {@code ps}. Problems name the variable, never its value when it is a secret.
 */
final class EnvCredentials {

    static final String API_KEY = "CLOB_API_KEY";
    static final String SECRET = "CLOB_SECRET";
    static final String PASS_PHRASE = "CLOB_PASS_PHRASE";
    static final String ADDRESS = "CLOB_ADDRESS";
    static final List<String> NAMES = List.of(API_KEY, SECRET, PASS_PHRASE, ADDRESS);

    /** Usage-help lines that describe the variables; shared by the commands that read them. */
    static final String HELP = "  " + API_KEY + "      the API key (L2 credentials)%n"
            + "  " + SECRET + "       the API secret, base64; never printed%n"
            + "  " + PASS_PHRASE + "  the API passphrase; never printed%n"
            + "  " + ADDRESS + "      the address that owns the API key, 0x and 40 hex digits%n";

    /** The account the variables describe. */
    record Account(ApiCredentials credentials, Address address) {
    }

    private EnvCredentials() {
    }

    /**
     * The account, or a {@link ParameterException} naming the variable that is missing or wrong,
     * so that the command ends with the usage exit code and nothing is sent.
     */
    static Account read(Map<String, String> env, CommandLine command) {
        try {
            return read(env);
        } catch (IllegalArgumentException problem) {
            throw new ParameterException(command, problem.getMessage());
        }
    }

    static Account read(Map<String, String> env) {
        List<String> missing = NAMES.stream().filter(name -> isEmpty(env.get(name))).collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException((missing.size() == 1 ? "missing environment variable " : "missing environment variables ")
                    + String.join(", ", missing) + " (set " + String.join(", ", NAMES)
                    + " to the account's API key, secret, passphrase and address)");
        }
        String apiKey = env.get(API_KEY);
        String secret = env.get(SECRET);
        String passphrase = env.get(PASS_PHRASE);
        requireHeaderSafe(API_KEY, apiKey);
        requireHeaderSafe(SECRET, secret);
        requireHeaderSafe(PASS_PHRASE, passphrase);
        try {
            // Decoded here so that a secret that is not base64 is a usage error, not a failed send.
            L2Signature.forSecret(secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(SECRET + ": " + e.getMessage());
        }
        Address address;
        try {
            address = Address.of(env.get(ADDRESS));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ADDRESS + ": " + e.getMessage());
        }
        return new Account(new ApiCredentials(apiKey, secret, passphrase), address);
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    /**
     * The same rule as {@link ApiCredentials} (the values go into headers), checked here per
     * variable so that the message can name the variable. A stray space from copy and paste is
     * the usual culprit, hence the position.
     */
    private static void requireHeaderSafe(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException(name + " has whitespace, a control or a non-ASCII character at position " + i);
            }
        }
    }
}
