package dev.clobcancel.simulator.http;

import dev.clobcancel.simulator.exchange.ExchangeMode;
import dev.clobcancel.simulator.exchange.ModeSwitch;
import dev.clobcancel.simulator.journal.JournalEntry;
import dev.clobcancel.simulator.journal.SimEvent;
import dev.clobcancel.simulator.ratelimit.SignerLimiter;
import dev.clobcancel.simulator.ratelimit.Tier;
import dev.clobcancel.simulator.time.ManualClock;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
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
        router.get("/mode").handler(Replies.guarded(ctx -> Replies.json(ctx, 200, ModeAnswer.of(state.modes().state()))));
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

    /** {@code {"mode", "forMs"?, "postOnlyMs"?, "retryAfterSeconds"?}}. */
    record ModeBody(String mode, Integer forMs, Integer postOnlyMs, Integer retryAfterSeconds) {
    }

    /** {@code {"mode", "until", "then": {"mode", "until"} | null, "retryAfterSeconds": N | null}}. */
    record ModeAnswer(String mode, String until, Then then, Long retryAfterSeconds) {

        static ModeAnswer of(ModeSwitch.State mode) {
            return new ModeAnswer(WireNames.mode(mode.mode()), mode.endsAt().map(Object::toString).orElse(null),
                    mode.next().map(phase -> new Then(WireNames.mode(phase.mode()), phase.until() == null ? null : phase.until().toString()))
                            .orElse(null),
                    mode.retryAfter() == null ? null : mode.retryAfter().toSeconds());
        }
    }

    /** The phase that follows the mode. */
    record Then(String mode, String until) {
    }

    private void setMode(RoutingContext ctx) {
        ModeBody body = WireJson.read(Replies.body(ctx), ModeBody.class);
        ExchangeMode mode = WireNames.mode(AdminBodies.required(body.mode(), "mode", ""));
        if (body.forMs() != null && body.forMs() <= 0) {
            throw RequestRefused.badRequest("forMs must be more than 0");
        }
        if (body.postOnlyMs() != null && body.postOnlyMs() < 0) {
            throw RequestRefused.badRequest("postOnlyMs must be 0 or more");
        }
        if (body.retryAfterSeconds() != null && body.retryAfterSeconds() < 1) {
            throw RequestRefused.badRequest("retryAfterSeconds must be at least 1");
        }
        state.modes().set(mode, millis(body.forMs()), millis(body.postOnlyMs()),
                body.retryAfterSeconds() == null ? null : Duration.ofSeconds(body.retryAfterSeconds()));
        Replies.json(ctx, 200, ModeAnswer.of(state.modes().state()));
    }

    private static Duration millis(Integer millis) {
        return millis == null ? null : Duration.ofMillis(millis);
    }

    /** {@code {"enabled", "warning"?, "negativeBalance"?, "openEndedCost"?}}. */
    record RateLimitsBody(Boolean enabled, Boolean warning, String negativeBalance, String openEndedCost) {
    }

    private void setRateLimits(RoutingContext ctx) {
        RateLimitsBody body = WireJson.read(Replies.body(ctx), RateLimitsBody.class);
        if (body.enabled() == null) {
            throw RequestRefused.badRequest("enabled must be true or false");
        }
        SignerLimiter.Mode mode = !body.enabled() ? SignerLimiter.Mode.OFF
                : Boolean.TRUE.equals(body.warning()) ? SignerLimiter.Mode.WARN : SignerLimiter.Mode.ENFORCE;
        state.enforceRateLimits(new SignerLimiter.Settings(mode,
                setting(SignerLimiter.NegativeBalance.values(), "negativeBalance", body.negativeBalance(), SignerLimiter.NegativeBalance.DOCUMENTED),
                setting(SignerLimiter.OpenEndedCost.values(), "openEndedCost", body.openEndedCost(), SignerLimiter.OpenEndedCost.AFTER)));
        Replies.json(ctx, 200, rateLimitsJson());
    }

    /** A setting named in lower case ({@code "documented"}), or {@code otherwise} when absent. */
    private static <E extends Enum<E>> E setting(E[] values, String field, String name, E otherwise) {
        return name == null ? otherwise : WireNames.setting(values, field, name);
    }

    /** The rate limits: the per-endpoint windows, the per-signer settings, the tiers' table and each bucket's state. */
    record RateLimitsAnswer(boolean enabled, List<Limit> limits, boolean warning, String negativeBalance, String openEndedCost,
                            List<TierAnswer> tiers, List<BucketAnswer> buckets) {
    }

    record Limit(String method, String path, int limit, long windowSeconds) {
    }

    record TierAnswer(String tier, int orderRate, int orderBurst, int cancelRate, int cancelBurst, boolean negativeBalance) {
    }

    record BucketAnswer(String signer, String tier, String bucket, long remaining) {
    }

    private RateLimitsAnswer rateLimitsJson() {
        List<Limit> limits = state.rateLimiter().limits().stream()
                .map(limit -> new Limit(limit.method(), limit.path(), limit.limit(), limit.window().toSeconds())).toList();
        List<TierAnswer> tiers = Arrays.stream(Tier.values()).map(tier -> new TierAnswer(WireNames.tier(tier),
                tier.rate(SignerLimiter.Bucket.ORDER), tier.burst(SignerLimiter.Bucket.ORDER),
                tier.rate(SignerLimiter.Bucket.CANCEL), tier.burst(SignerLimiter.Bucket.CANCEL), tier.allowsNegativeBalance())).toList();
        List<BucketAnswer> buckets = state.signerLimiter().buckets().stream().map(bucket -> new BucketAnswer(bucket.signer(),
                WireNames.tier(bucket.tier()), WireNames.lowerCase(bucket.bucket()), bucket.remaining())).toList();
        SignerLimiter.Settings settings = state.signerLimiter().settings();
        return new RateLimitsAnswer(!limits.isEmpty(), limits, settings.mode() == SignerLimiter.Mode.WARN,
                WireNames.lowerCase(settings.negativeBalance()), WireNames.lowerCase(settings.openEndedCost()), tiers, buckets);
    }

    /** The journal, oldest first, filtered by {@code method} and {@code path} when given. */
    private void requests(RoutingContext ctx) {
        String method = ctx.queryParams().get("method");
        String path = ctx.queryParams().get("path");
        Predicate<JournalEntry> which = entry -> (method == null || method.equalsIgnoreCase(entry.method()))
                && (path == null || path.equals(entry.path()));
        List<EntryAnswer> out = state.journal().entries(which).stream().map(EntryAnswer::of).toList();
        ctx.response().putHeader(JOURNAL_DROPPED_HEADER, Long.toString(state.journal().dropped()));
        Replies.json(ctx, 200, out);
    }

    /** A journal entry as {@code GET /_sim/requests} lists it. */
    record EntryAnswer(long sequence, String time, String method, String path, String query, String body, Map<String, String> headers,
                       int status, String auth, String apiKey, String outcome) {

        static EntryAnswer of(JournalEntry entry) {
            return new EntryAnswer(entry.sequence(), entry.time().toString(), entry.method(), entry.path(), entry.query(), entry.body(),
                    entry.headers(), entry.status(), entry.auth(), entry.apiKey(), entry.outcome());
        }
    }

    /** What the simulator did by itself, oldest first: heartbeat lapses, with the orders they canceled. */
    private void events(RoutingContext ctx) {
        List<EventAnswer> out = state.events().events().stream().map(EventAnswer::of).toList();
        ctx.response().putHeader(EVENTS_DROPPED_HEADER, Long.toString(state.events().dropped()));
        Replies.json(ctx, 200, out);
    }

    /** An event as {@code GET /_sim/events} lists it. */
    record EventAnswer(long sequence, String time, String kind, String apiKey, List<String> orderIds, String description) {

        static EventAnswer of(SimEvent event) {
            return new EventAnswer(event.sequence(), event.time().toString(), WireNames.eventKind(event.kind()), event.apiKey(),
                    event.orderIds(), event.description());
        }
    }

    /** The simulator's clock: now, in ISO and in unix milliseconds, and whether it is the manual one. */
    record ClockAnswer(String now, long epochMillis, boolean manual) {
    }

    /** {@code {"advanceMs": N}}. */
    record ClockMove(Long advanceMs) {
    }

    private ClockAnswer clockJson() {
        return new ClockAnswer(state.clock().instant().toString(), state.clock().millis(), state.clock() instanceof ManualClock);
    }

    /** {@code {"advanceMs": N}} moves a manual clock; the system clock cannot be moved. */
    private void advanceClock(RoutingContext ctx) {
        if (!(state.clock() instanceof ManualClock manual)) {
            throw new RequestRefused(409, "the simulator runs on the system clock; start it with --clock manual to move time");
        }
        ClockMove move = WireJson.read(Replies.body(ctx), ClockMove.class);
        if (move.advanceMs() == null || move.advanceMs() < 0) {
            throw RequestRefused.badRequest("advanceMs must be a whole number of milliseconds, 0 or more");
        }
        manual.advance(Duration.ofMillis(move.advanceMs()));
        Replies.json(ctx, 200, clockJson());
    }

    private void openApi(RoutingContext ctx) {
        try (InputStream in = ControlApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw RequestRefused.notFound("this build of the simulator carries no OpenAPI document");
            }
            ctx.response().putHeader("Content-Type", "application/yaml").end(io.vertx.core.buffer.Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document", e);
        }
    }
}
