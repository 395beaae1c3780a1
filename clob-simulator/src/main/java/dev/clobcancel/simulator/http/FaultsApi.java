package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.simulator.exchange.RejectedException;
import dev.clobcancel.simulator.faults.FaultAction;
import dev.clobcancel.simulator.faults.FaultRule;
import dev.clobcancel.simulator.faults.Faults;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /_sim/faults}: add, list and remove scripted faults. */
final class FaultsApi {

    private final Faults faults;

    FaultsApi(Faults faults) {
        this.faults = faults;
    }

    void mount(Router router) {
        router.post("/_sim/faults").handler(Replies.guarded(this::add));
        router.get("/_sim/faults").handler(Replies.guarded(ctx -> Replies.json(ctx, 200, list())));
        router.delete("/_sim/faults").handler(Replies.guarded(ctx -> {
            faults.clear();
            ctx.response().setStatusCode(204).end();
        }));
        router.delete("/_sim/faults/:id").handler(Replies.guarded(ctx -> {
            if (!faults.remove(ctx.pathParam("id"))) {
                throw new RejectedException(404, "no fault " + ctx.pathParam("id"));
            }
            ctx.response().setStatusCode(204).end();
        }));
    }

    private void add(RoutingContext ctx) {
        JsonNode json = JsonFields.object(JsonFields.parse(ctx.body().buffer() == null ? null : ctx.body().buffer().getBytes()), "a fault");
        FaultRule rule;
        try {
            String action = JsonFields.optionalText(json, "action", "");
            rule = new FaultRule(JsonFields.optionalText(json, "method", ""), JsonFields.optionalText(json, "path", ""),
                    integer(json, "times"), integer(json, "status"), body(json), headers(json),
                    integer(json, "delayMs") == null ? 0 : integer(json, "delayMs"),
                    action == null ? FaultAction.RESPOND : FaultAction.fromJson(action), probability(json));
        } catch (IllegalArgumentException e) {
            throw RejectedException.badRequest(e.getMessage());
        }
        Replies.json(ctx, 201, Map.of("id", faults.add(rule)));
    }

    private List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Faults.Installed installed : faults.list()) {
            FaultRule rule = installed.rule();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", installed.id());
            json.put("method", rule.method());
            json.put("path", rule.path());
            json.put("times", installed.remaining());
            json.put("status", rule.status());
            json.put("body", rule.body());
            json.put("headers", rule.headers());
            json.put("delayMs", rule.delayMs());
            json.put("action", rule.action().jsonName());
            json.put("probability", rule.probability());
            out.add(json);
        }
        return out;
    }

    private static Integer integer(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw RejectedException.badRequest(field + " must be a whole number");
        }
        return value.intValue();
    }

    private static Double probability(JsonNode json) {
        JsonNode value = json.get("probability");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw RejectedException.badRequest("probability must be a number from 0 to 1");
        }
        return value.doubleValue();
    }

    /** A string is sent as it is; any other JSON value is sent as its JSON text. */
    private static String body(JsonNode json) {
        JsonNode value = json.get("body");
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static Map<String, String> headers(JsonNode json) {
        JsonNode value = json.get("headers");
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw RejectedException.badRequest("headers must be an object of header names to strings");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            if (!header.getValue().isTextual() && !header.getValue().isNumber()) {
                throw RejectedException.badRequest("header " + header.getKey() + " must be a string");
            }
            headers.put(header.getKey(), header.getValue().asText());
        }
        return headers;
    }
}
