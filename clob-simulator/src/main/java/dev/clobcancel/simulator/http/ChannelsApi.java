package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.simulator.core.JsonFields;
import dev.clobcancel.simulator.core.ModelJson;
import dev.clobcancel.simulator.exchange.RejectedException;
import dev.clobcancel.simulator.faults.ChannelFaultRule;
import dev.clobcancel.simulator.faults.ChannelFaults;
import dev.clobcancel.simulator.ws.Channels;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin API of the WebSocket channels under {@code /_sim/ws}: their connections, dropping
 * them now, and the channels' fault rules ({@code /_sim/ws/faults}: drop, delay, lose, no-pong).
 */
final class ChannelsApi {

    private final Channels channels;
    private final ChannelFaults faults;

    ChannelsApi(SimulatorBackend state) {
        this.channels = state.channels();
        this.faults = state.channelFaults();
    }

    /** On the admin sub-router: the paths are under {@code /_sim}. */
    void mount(Router router) {
        router.get("/ws").handler(Replies.guarded(ctx -> Replies.json(ctx, 200, statusJson())));
        router.post("/ws/drop").handler(Replies.guarded(this::drop));
        router.post("/ws/faults").handler(Replies.guarded(ctx ->
                Replies.json(ctx, 201, Map.of("id", faults.add(ModelJson.channelFault(JsonFields.parse(Replies.body(ctx))))))));
        router.get("/ws/faults").handler(Replies.guarded(ctx -> Replies.json(ctx, 200, faultsJson())));
        router.delete("/ws/faults").handler(Replies.guarded(ctx -> {
            faults.clear();
            ctx.response().setStatusCode(204).end();
        }));
        router.delete("/ws/faults/:id").handler(Replies.guarded(ctx -> {
            if (!faults.remove(ctx.pathParam("id"))) {
                throw new RejectedException(404, "no channel fault " + ctx.pathParam("id"));
            }
            ctx.response().setStatusCode(204).end();
        }));
    }

    private Map<String, Object> statusJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("connections", channels.connections());
        json.put("subscriptions", channels.subscriptions());
        json.put("bufferLimit", channels.bufferLimit());
        return json;
    }

    /** {@code {"channel": "user"|"market"}} (or no body: both) drops those connections now, without a close frame. */
    private void drop(RoutingContext ctx) {
        byte[] body = Replies.body(ctx);
        String channel = null;
        if (body.length > 0) {
            JsonNode json = JsonFields.object(JsonFields.parse(body), "a drop");
            channel = JsonFields.optionalText(json, "channel", "");
            if (channel != null && !channel.equals(ChannelFaultRule.USER) && !channel.equals(ChannelFaultRule.MARKET)) {
                throw RejectedException.badRequest("channel must be user or market, not " + channel);
            }
        }
        Replies.json(ctx, 200, Map.of("dropped", channels.dropAll(channel)));
    }

    private List<Map<String, Object>> faultsJson() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ChannelFaults.Installed installed : faults.list()) {
            ChannelFaultRule rule = installed.rule();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", installed.id());
            json.put("action", rule.action().jsonName());
            json.put("channel", rule.channel());
            json.put("apiKey", rule.apiKey());
            json.put("times", installed.remaining());
            json.put("delayMs", rule.delayMs());
            json.put("probability", rule.probability());
            out.add(json);
        }
        return out;
    }
}
