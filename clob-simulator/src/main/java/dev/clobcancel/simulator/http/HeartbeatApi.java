package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.simulator.core.SimulatorState;
import dev.clobcancel.simulator.exchange.HeartbeatSwitch;
import dev.clobcancel.simulator.exchange.RejectedException;
import dev.clobcancel.simulator.exchange.SimAccount;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dead man's switch: {@code POST /v1/heartbeats} (the official clients' path, answering the
 * next {@code heartbeat_id}) and {@code POST /heartbeats} (the documented path, answering
 * {@code {"status": "ok"}}); {@code GET /_sim/heartbeats} shows the armed switches.
 */
final class HeartbeatApi {

    static final String INVALID_PAYLOAD = "Invalid heartbeat payload";

    private final HeartbeatSwitch heartbeats;
    private final TradingGate gate;

    HeartbeatApi(SimulatorState state, TradingGate gate) {
        this.heartbeats = state.heartbeats();
        this.gate = gate;
    }

    void mount(Router router) {
        router.post("/v1/heartbeats").handler(gate.guard(TradingGate.Kind.CANCEL,
                (ctx, account, body) -> Replies.json(ctx, 200, Map.of("heartbeat_id", beat(account, body)))));
        router.post("/heartbeats").handler(gate.guard(TradingGate.Kind.CANCEL, (ctx, account, body) -> {
            beat(account, body);
            Replies.json(ctx, 200, Map.of("status", "ok"));
        }));
        router.get("/_sim/heartbeats").handler(Replies.guarded(this::armed));
    }

    /** No body, {@code {}} or {@code {"heartbeat_id": null}} starts a chain; a string continues it. */
    private String beat(SimAccount account, byte[] body) {
        String previous = null;
        if (body.length > 0) {
            JsonNode json = ExchangeApi.readJson(body).filter(JsonNode::isObject)
                    .orElseThrow(() -> RejectedException.badRequest(INVALID_PAYLOAD));
            JsonNode id = json.get("heartbeat_id");
            if (id != null && !id.isNull() && !id.isTextual()) {
                throw RejectedException.badRequest(INVALID_PAYLOAD);
            }
            previous = id == null || id.isNull() ? null : id.asText();
        }
        return heartbeats.beat(account.apiKey(), previous);
    }

    private void armed(RoutingContext ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (HeartbeatSwitch.Chain chain : heartbeats.chains()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("apiKey", chain.apiKey());
            json.put("heartbeatId", chain.heartbeatId());
            json.put("lastBeat", chain.lastBeat().toString());
            json.put("deadline", chain.deadline().toString());
            out.add(json);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("windowMs", heartbeats.window().toMillis());
        answer.put("armed", out);
        Replies.json(ctx, 200, answer);
    }
}
