package dev.clobcancel.simulator.http;

import static dev.clobcancel.domain.auth.L2Headers.POLY_ADDRESS;
import static dev.clobcancel.domain.auth.L2Headers.POLY_API_KEY;
import static dev.clobcancel.domain.auth.L2Headers.POLY_PASSPHRASE;
import static dev.clobcancel.domain.auth.L2Headers.POLY_SIGNATURE;
import static dev.clobcancel.domain.auth.L2Headers.POLY_TIMESTAMP;

import dev.clobcancel.domain.auth.L2Signature;
import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.SimAccount;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Checks a request's L2 headers as strictly as the exchange: every header present, the key
 * known, the passphrase and address the key's, the timestamp near the server's clock, the
 * signature that of the raw bytes received.
 */
final class L2Authenticator {

    /** The outcome of a check: the account, or the name of the check that failed. */
    record Outcome(SimAccount account, String failure) {
        boolean passed() {
            return account != null;
        }
    }

    private static final List<String> REQUIRED = List.of(POLY_API_KEY, POLY_ADDRESS, POLY_SIGNATURE, POLY_PASSPHRASE, POLY_TIMESTAMP);

    private final Exchange exchange;
    private final TimestampWindow window;

    /** @param window how far a timestamp may be from the clock, either way; zero: any time after 2001 */
    L2Authenticator(Exchange exchange, Clock clock, Duration window) {
        this.exchange = exchange;
        this.window = new TimestampWindow(clock, window);
    }

    Outcome check(MultiMap headers, String method, String path, byte[] body) {
        for (String name : REQUIRED) {
            String value = headers.get(name);
            if (value == null || value.isEmpty()) {
                return failed("missing header " + name);
            }
        }
        SimAccount account = exchange.account(headers.get(POLY_API_KEY)).orElse(null);
        if (account == null) {
            return failed("unknown API key");
        }
        if (!sameText(account.credentials().passphrase(), headers.get(POLY_PASSPHRASE))) {
            return failed("wrong passphrase for this API key");
        }
        if (!account.address().sameAccountAs(headers.get(POLY_ADDRESS))) {
            return failed("POLY_ADDRESS is not the address of this API key");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(headers.get(POLY_TIMESTAMP));
        } catch (NumberFormatException e) {
            return failed("POLY_TIMESTAMP is not unix seconds");
        }
        String stale = window.staleness(timestamp);
        if (stale != null) {
            return failed(stale);
        }
        byte[] signed = body == null || body.length == 0 ? null : body;
        if (!account.signature().verify(headers.get(POLY_SIGNATURE), timestamp, method, path, signed)) {
            return failed("signature mismatch; the server signed: " + L2Signature.message(timestamp, method, path, signed));
        }
        return new Outcome(account, null);
    }

    private static Outcome failed(String why) {
        return new Outcome(null, why);
    }

    /** Constant-time, so the time of a refusal tells nothing of the passphrase. */
    private static boolean sameText(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
