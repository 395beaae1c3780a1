package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.simulator.exchange.HeartbeatSwitch;
import dev.clobcancel.simulator.exchange.InvalidHeartbeatException;
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
 * next {@code heartbeat_id}, or 400 with the expected one) and {@code POST /heartbeats} (the
 * legacy path, answering {@code {"status": "ok"}} and resetting the expected id to {@code ""});
 * {@code GET /_sim/heartbeats} shows the armed switches.
 */
final class HeartbeatApi {

    static final String INVALID_PAYLOAD = "Invalid heartbeat payload";

    private final HeartbeatSwitch heartbeats;
    private final TradingGate gate;

    HeartbeatApi(SimulatorBackend state, TradingGate gate) {
        this.heartbeats = state.heartbeats();
        this.gate = gate;
    }

    void mount(Router router) {
        router.post("/v1/heartbeats").handler(gate.guard(TradingGate.Kind.HEARTBEAT, this::beat));
        router.post("/heartbeats").handler(gate.guard(TradingGate.Kind.HEARTBEAT, (ctx, account, body) -> {
            heartbeats.beatWithoutId(account.apiKey());
            Replies.json(ctx, 200, Map.of("status", "ok"));
        }));
    }

    /** {@code GET /_sim/heartbeats}, on the admin sub-router. */
    void mountAdmin(Router admin) {
        admin.get("/heartbeats").handler(Replies.guarded(this::armed));
    }

    /**
     * {@code {"heartbeat_id": ""}} (V2), {@code null}, {@code {}} or no body (V1) name the start of
     * a chain; any other string names the id the last heartbeat returned.
     */
    private void beat(RoutingContext ctx, SimAccount account, byte[] body) {
        String named = heartbeatIdOf(body);
        try {
            Replies.json(ctx, 200, Map.of("heartbeat_id", heartbeats.beat(account.apiKey(), named)));
        } catch (InvalidHeartbeatException e) {
            Replies.json(ctx, 400, mismatchJson(e.expectedId()));
        }
    }

    /**
     * The exchange's refusal carries the expected id; its official clients read the words from
     * {@code error_msg}, and every answer of the simulator names its error in {@code error}: both.
     */
    static Map<String, Object> mismatchJson(String expectedId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", InvalidHeartbeatException.MESSAGE);
        json.put("error_msg", InvalidHeartbeatException.MESSAGE);
        json.put("heartbeat_id", expectedId);
        return json;
    }

    private static String heartbeatIdOf(byte[] body) {
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
        return previous;
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
