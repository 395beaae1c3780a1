package dev.clobcancel.simulator.journal;

import java.time.Instant;
import java.util.Map;

/**
 * One request to the exchange's endpoints, as the simulator saw and answered it. Secrets never
 * reach an entry: {@code POLY_PASSPHRASE} and {@code POLY_SIGNATURE} are redacted in
 * {@code headers}, and the admin API (whose bodies carry secrets) is not journaled.
 *
 * @param status  the status answered, or 0 when no answer was sent (a fault closed or hung the connection)
 * @param auth    {@code ok}, the check that failed, or {@code none} for an endpoint without authentication
 * @param apiKey  the {@code POLY_API_KEY} sent, or null
 * @param outcome what happened beyond the status: {@code answered}, {@code fault: reset}, {@code connection closed}, ...
 */
public record JournalEntry(long sequence, Instant time, String method, String path, String query, String body,
                           Map<String, String> headers, int status, String auth, String apiKey, String outcome) {

    public JournalEntry {
        headers = Map.copyOf(headers);
    }

    JournalEntry withSequence(long number) {
        return new JournalEntry(number, time, method, path, query, body, headers, status, auth, apiKey, outcome);
    }
}
