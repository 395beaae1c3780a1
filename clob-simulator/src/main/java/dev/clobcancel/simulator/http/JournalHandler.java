package dev.clobcancel.simulator.http;

import dev.clobcancel.domain.auth.L2Headers;
import dev.clobcancel.simulator.faults.FaultAction;
import dev.clobcancel.simulator.journal.Journal;
import dev.clobcancel.simulator.journal.JournalEntry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records every request to the exchange endpoints once it ends, answered or not, with its
 * {@link RequestOutcome}. It stands behind the admin sub-router, so the admin API (whose bodies
 * carry secrets) never reaches it; the passphrase and signature are redacted.
 */
final class JournalHandler implements Handler<RoutingContext> {

    static final String REDACTED = "<redacted>";
    /** Bodies longer than this are cut in the journal; the request itself is not. */
    static final int MAX_BODY_CHARS = 16 * 1024;

    private static final List<String> SHOWN = List.of(L2Headers.POLY_API_KEY, L2Headers.POLY_ADDRESS, L2Headers.POLY_TIMESTAMP);
    private static final List<String> HIDDEN = List.of(L2Headers.POLY_SIGNATURE, L2Headers.POLY_PASSPHRASE);

    private final Journal journal;
    private final Clock clock;

    JournalHandler(Journal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Instant time = clock.instant();
        RequestOutcome outcome = RequestOutcome.of(ctx);
        ctx.addEndHandler(ended -> journal.record(entry(ctx, outcome, time, ended.succeeded())));
        ctx.next();
    }

    private JournalEntry entry(RoutingContext ctx, RequestOutcome outcome, Instant time, boolean answered) {
        var request = ctx.request();
        Map<String, String> headers = new LinkedHashMap<>();
        SHOWN.forEach(name -> {
            if (request.getHeader(name) != null) {
                headers.put(name, request.getHeader(name));
            }
        });
        HIDDEN.forEach(name -> {
            if (request.getHeader(name) != null) {
                headers.put(name, REDACTED);
            }
        });
        FaultAction fault = outcome.fault();
        String happened = fault != null ? "fault: " + fault.jsonName() : answered ? "answered" : "connection closed";
        return new JournalEntry(0, time, request.method().name(), request.path(), request.query(),
                body(ctx), headers, answered ? ctx.response().getStatusCode() : 0, outcome.auth(),
                outcome.apiKey(), happened);
    }

    private static String body(RoutingContext ctx) {
        byte[] bytes = Replies.body(ctx);
        if (bytes.length == 0) {
            return null;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.length() <= MAX_BODY_CHARS ? text : text.substring(0, MAX_BODY_CHARS) + "...(" + bytes.length + " bytes)";
    }
}
