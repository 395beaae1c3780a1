package dev.clobcancel.simulator.http;

import dev.clobcancel.simulator.faults.FaultRule;
import dev.clobcancel.simulator.faults.Faults;
import io.vertx.ext.web.Router;
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
                Replies.json(ctx, 201, new Installed(faults.add(WireJson.read(Replies.body(ctx), AdminBodies.FaultBody.class).rule(""))))));
        router.get("/faults").handler(Replies.guarded(ctx -> Replies.json(ctx, 200, list())));
        router.delete("/faults").handler(Replies.guarded(ctx -> {
            faults.clear();
            ctx.response().setStatusCode(204).end();
        }));
        router.delete("/faults/:id").handler(Replies.guarded(ctx -> {
            if (!faults.remove(ctx.pathParam("id"))) {
                throw RequestRefused.notFound("no fault " + ctx.pathParam("id"));
            }
            ctx.response().setStatusCode(204).end();
        }));
    }

    /** An installed fault rule, with the times it has left. */
    record FaultAnswer(String id, String method, String path, Integer times, Integer status, String body, Map<String, String> headers,
                       long delayMs, String action, Double probability) {
    }

    /** The id a rule was installed under. */
    record Installed(String id) {
    }

    private List<FaultAnswer> list() {
        return faults.list().stream().map(installed -> {
            FaultRule rule = installed.rule();
            return new FaultAnswer(installed.id(), rule.method(), rule.path(), installed.remaining(), rule.status(), rule.body(),
                    rule.headers(), rule.delay().toMillis(), rule.action().jsonName(), rule.probability());
        }).toList();
    }
}
