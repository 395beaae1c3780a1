package dev.clobcancel.simulator.http;

import dev.clobcancel.simulator.core.JsonFields;
import dev.clobcancel.simulator.core.ModelJson;
import dev.clobcancel.simulator.exchange.RejectedException;
import dev.clobcancel.simulator.faults.FaultRule;
import dev.clobcancel.simulator.faults.Faults;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /_sim/faults}: add, list and remove scripted faults. */
final class FaultsApi {

    private final Faults faults;

    FaultsApi(Faults faults) {
        this.faults = faults;
    }

    /** On the admin sub-router: the paths are under {@code /_sim}. */
    void mount(Router router) {
        router.post("/faults").handler(Replies.guarded(ctx ->
                Replies.json(ctx, 201, Map.of("id", faults.add(ModelJson.fault(JsonFields.parse(Replies.body(ctx)), ""))))));
        router.get("/faults").handler(Replies.guarded(ctx -> Replies.json(ctx, 200, list())));
        router.delete("/faults").handler(Replies.guarded(ctx -> {
            faults.clear();
            ctx.response().setStatusCode(204).end();
        }));
        router.delete("/faults/:id").handler(Replies.guarded(ctx -> {
            if (!faults.remove(ctx.pathParam("id"))) {
                throw new RejectedException(404, "no fault " + ctx.pathParam("id"));
            }
            ctx.response().setStatusCode(204).end();
        }));
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
            json.put("delayMs", rule.delay().toMillis());
            json.put("action", rule.action().jsonName());
            json.put("probability", rule.probability());
            out.add(json);
        }
        return out;
    }
}
