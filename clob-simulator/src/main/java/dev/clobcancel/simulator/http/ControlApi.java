package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.simulator.core.JsonFields;
import dev.clobcancel.simulator.core.ModelJson;
import dev.clobcancel.simulator.exchange.ModeSwitch;
import dev.clobcancel.simulator.exchange.RejectedException;
import dev.clobcancel.simulator.journal.JournalEntry;
import dev.clobcancel.simulator.journal.SimEvent;
import dev.clobcancel.simulator.ratelimit.RateLimit;
import dev.clobcancel.simulator.ratelimit.SignerLimiter;
import dev.clobcancel.simulator.ratelimit.Tier;
import dev.clobcancel.simulator.time.ManualClock;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The admin API's control half under {@code /_sim}: the mode, rate limits, the journal of requests
 * and the log of the simulator's own events, the clock, the API document.
 */
final class ControlApi {

    static final String JOURNAL_DROPPED_HEADER = "X-Sim-Journal-Dropped";
    static final String EVENTS_DROPPED_HEADER = "X-Sim-Events-Dropped";
    static final String OPENAPI_RESOURCE = "/dev/clobcancel/simulator/openapi.yaml";

    private final SimulatorBackend state;

    ControlApi(SimulatorBackend state) {
        this.state = state;
    }

    /** On the admin sub-router: the paths are under {@code /_sim}. */
    void mount(Router router) {
        router.get("/mode").handler(Replies.guarded(ctx -> Replies.json(ctx, 200, modeJson(state.modes().state()))));
        router.put("/mode").handler(Replies.guarded(this::setMode));
        router.get("/rate-limits").handler(Replies.guarded(ctx -> Replies.json(ctx, 200, rateLimitsJson())));
        router.put("/rate-limits").handler(Replies.guarded(this::setRateLimits));
        router.get("/requests").handler(Replies.guarded(this::requests));
        router.delete("/requests").handler(Replies.guarded(ctx -> {
            state.journal().clear();
            ctx.response().setStatusCode(204).end();
        }));
        router.get("/events").handler(Replies.guarded(this::events));
        router.delete("/events").handler(Replies.guarded(ctx -> {
            state.events().clear();
            ctx.response().setStatusCode(204).end();
        }));
        router.get("/openapi.yaml").handler(Replies.guarded(this::openApi));
        router.get("/clock").handler(Replies.guarded(ctx -> Replies.json(ctx, 200, clockJson())));
        router.post("/clock").handler(Replies.guarded(this::advanceClock));
    }

    private void setMode(RoutingContext ctx) {
        JsonNode json = JsonFields.object(JsonFields.parse(Replies.body(ctx)), "a mode");
        state.modes().set(ModelJson.mode(json), millis(json, "forMs"), millis(json, "postOnlyMs"), seconds(json, "retryAfterSeconds"));
        Replies.json(ctx, 200, modeJson(state.modes().state()));
    }

    private static Duration millis(JsonNode json, String field) {
        Integer millis = JsonFields.optionalInt(json, field, "");
        return millis == null ? null : Duration.ofMillis(millis);
    }

    private static Duration seconds(JsonNode json, String field) {
        Integer seconds = JsonFields.optionalInt(json, field, "");
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }

    /** {@code {"mode", "until", "then": {"mode", "until"} | null, "retryAfterSeconds": N | null}}. */
    private static Map<String, Object> modeJson(ModeSwitch.State mode) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", mode.mode().jsonName());
        json.put("until", mode.endsAt().map(Object::toString).orElse(null));
        json.put("then", mode.next().map(phase -> {
            Map<String, Object> then = new LinkedHashMap<>();
            then.put("mode", phase.mode().jsonName());
            then.put("until", phase.until() == null ? null : phase.until().toString());
            return then;
        }).orElse(null));
        json.put("retryAfterSeconds", mode.retryAfter() == null ? null : mode.retryAfter().toSeconds());
        return json;
    }

    private void setRateLimits(RoutingContext ctx) {
        JsonNode json = JsonFields.object(JsonFields.parse(Replies.body(ctx)), "rate limits");
        JsonNode enabled = json.get("enabled");
        if (enabled == null || !enabled.isBoolean()) {
            throw RejectedException.badRequest("enabled must be true or false");
        }
        JsonNode warning = json.get("warning");
        if (warning != null && !warning.isNull() && !warning.isBoolean()) {
            throw RejectedException.badRequest("warning must be true or false");
        }
        SignerLimiter.Mode mode = !enabled.asBoolean() ? SignerLimiter.Mode.OFF
                : warning != null && warning.asBoolean() ? SignerLimiter.Mode.WARN : SignerLimiter.Mode.ENFORCE;
        state.enforceRateLimits(new SignerLimiter.Settings(mode,
                setting(json, "negativeBalance", SignerLimiter.NegativeBalance.values(), SignerLimiter.NegativeBalance.DOCUMENTED),
                setting(json, "openEndedCost", SignerLimiter.OpenEndedCost.values(), SignerLimiter.OpenEndedCost.AFTER)));
        Replies.json(ctx, 200, rateLimitsJson());
    }

    /** A setting named in lower case ({@code "documented"}), or {@code otherwise} when absent. */
    private static <E extends Enum<E>> E setting(JsonNode json, String field, E[] values, E otherwise) {
        String name = JsonFields.optionalText(json, field, "");
        if (name == null) {
            return otherwise;
        }
        for (E value : values) {
            if (jsonName(value).equals(name)) {
                return value;
            }
        }
        throw RejectedException.badRequest(field + " must be one of "
                + java.util.Arrays.stream(values).map(ControlApi::jsonName).toList() + ", not " + name);
    }

    private static String jsonName(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }

    private Map<String, Object> rateLimitsJson() {
        List<Map<String, Object>> limits = new ArrayList<>();
        for (RateLimit limit : state.rateLimiter().limits()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("method", limit.method());
            json.put("path", limit.path());
            json.put("limit", limit.limit());
            json.put("windowSeconds", limit.window().toSeconds());
            limits.add(json);
        }
        SignerLimiter.Settings settings = state.signerLimiter().settings();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("enabled", !limits.isEmpty());
        json.put("limits", limits);
        json.put("warning", settings.mode() == SignerLimiter.Mode.WARN);
        json.put("negativeBalance", jsonName(settings.negativeBalance()));
        json.put("openEndedCost", jsonName(settings.openEndedCost()));
        json.put("tiers", tiersJson());
        json.put("buckets", bucketsJson());
        return json;
    }

    private static List<Map<String, Object>> tiersJson() {
        List<Map<String, Object>> tiers = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("tier", tier.jsonName());
            json.put("orderRate", tier.rate(SignerLimiter.Bucket.ORDER));
            json.put("orderBurst", tier.burst(SignerLimiter.Bucket.ORDER));
            json.put("cancelRate", tier.rate(SignerLimiter.Bucket.CANCEL));
            json.put("cancelBurst", tier.burst(SignerLimiter.Bucket.CANCEL));
            json.put("negativeBalance", tier.allowsNegativeBalance());
            tiers.add(json);
        }
        return tiers;
    }

    private List<Map<String, Object>> bucketsJson() {
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (SignerLimiter.BucketState bucket : state.signerLimiter().buckets()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("signer", bucket.signer());
            json.put("tier", bucket.tier().jsonName());
            json.put("bucket", jsonName(bucket.bucket()));
            json.put("remaining", bucket.remaining());
            buckets.add(json);
        }
        return buckets;
    }

    /** The journal, oldest first, filtered by {@code method} and {@code path} when given. */
    private void requests(RoutingContext ctx) {
        String method = ctx.queryParams().get("method");
        String path = ctx.queryParams().get("path");
        Predicate<JournalEntry> which = entry -> (method == null || method.equalsIgnoreCase(entry.method()))
                && (path == null || path.equals(entry.path()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (JournalEntry entry : state.journal().entries(which)) {
            out.add(entryJson(entry));
        }
        ctx.response().putHeader(JOURNAL_DROPPED_HEADER, Long.toString(state.journal().dropped()));
        Replies.json(ctx, 200, out);
    }

    static Map<String, Object> entryJson(JournalEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sequence", entry.sequence());
        json.put("time", entry.time().toString());
        json.put("method", entry.method());
        json.put("path", entry.path());
        json.put("query", entry.query());
        json.put("body", entry.body());
        json.put("headers", entry.headers());
        json.put("status", entry.status());
        json.put("auth", entry.auth());
        json.put("apiKey", entry.apiKey());
        json.put("outcome", entry.outcome());
        return json;
    }

    /** What the simulator did by itself, oldest first: heartbeat lapses, with the orders they canceled. */
    private void events(RoutingContext ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SimEvent event : state.events().events()) {
            out.add(eventJson(event));
        }
        ctx.response().putHeader(EVENTS_DROPPED_HEADER, Long.toString(state.events().dropped()));
        Replies.json(ctx, 200, out);
    }

    /** {@code {"sequence", "time", "kind", "apiKey", "orderIds", "description"}}. */
    static Map<String, Object> eventJson(SimEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sequence", event.sequence());
        json.put("time", event.time().toString());
        json.put("kind", kindName(event.kind()));
        json.put("apiKey", event.apiKey());
        json.put("orderIds", event.orderIds());
        json.put("description", event.description());
        return json;
    }

    /** The JSON name of an event's kind: {@code heartbeat-lapse}. */
    static String kindName(SimEvent.Kind kind) {
        return switch (kind) {
            case HEARTBEAT_LAPSE -> "heartbeat-lapse";
        };
    }

    private Map<String, Object> clockJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("now", state.clock().instant().toString());
        json.put("epochMillis", state.clock().millis());
        json.put("manual", state.clock() instanceof ManualClock);
        return json;
    }

    /** {@code {"advanceMs": N}} moves a manual clock; the system clock cannot be moved. */
    private void advanceClock(RoutingContext ctx) {
        if (!(state.clock() instanceof ManualClock manual)) {
            throw new RejectedException(409, "the simulator runs on the system clock; start it with --clock manual to move time");
        }
        JsonNode json = JsonFields.object(JsonFields.parse(Replies.body(ctx)), "a clock move");
        JsonNode advance = json.get("advanceMs");
        if (advance == null || !advance.isIntegralNumber() || !advance.canConvertToLong() || advance.longValue() < 0) {
            throw RejectedException.badRequest("advanceMs must be a whole number of milliseconds, 0 or more");
        }
        manual.advance(Duration.ofMillis(advance.longValue()));
        Replies.json(ctx, 200, clockJson());
    }

    private void openApi(RoutingContext ctx) {
        try (InputStream in = ControlApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new RejectedException(404, "this build of the simulator carries no OpenAPI document");
            }
            ctx.response().putHeader("Content-Type", "application/yaml").end(io.vertx.core.buffer.Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document", e);
        }
    }
}
