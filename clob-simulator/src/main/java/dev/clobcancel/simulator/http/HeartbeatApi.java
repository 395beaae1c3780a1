package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.clobcancel.simulator.exchange.HeartbeatSwitch;
import dev.clobcancel.simulator.exchange.InvalidHeartbeatException;
import dev.clobcancel.simulator.exchange.SimAccount;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
            Replies.json(ctx, 200, Replies.Status.OK);
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
            Replies.json(ctx, 200, new Beat(heartbeats.beat(account.apiKey(), named)));
        } catch (InvalidHeartbeatException e) {
            Replies.json(ctx, ExchangeFailures.status(e), Mismatch.expecting(e.expectedId()));
        }
    }

    /** A heartbeat's body: the id the last one returned, or none to start a chain; other fields are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record BeatBody(@JsonProperty("heartbeat_id") Object heartbeatId) {
    }

    /** A heartbeat taken: the id the next must name. */
    record Beat(@JsonProperty("heartbeat_id") String heartbeatId) {
    }

    /**
     * The exchange's refusal carries the expected id; its official clients read the words from
     * {@code error_msg}, and every answer of the simulator names its error in {@code error}: both.
     */
    record Mismatch(String error, @JsonProperty("error_msg") String errorMsg, @JsonProperty("heartbeat_id") String heartbeatId) {
        static Mismatch expecting(String expectedId) {
            return new Mismatch(InvalidHeartbeatException.MESSAGE, InvalidHeartbeatException.MESSAGE, expectedId);
        }
    }

    /** {@code GET /_sim/heartbeats}: the window, and each armed switch. */
    record Armed(long windowMs, List<Chain> armed) {
    }

    record Chain(String apiKey, String heartbeatId, String lastBeat, String deadline) {
    }

    private static String heartbeatIdOf(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        BeatBody json;
        try {
            json = WireJson.reader(BeatBody.class).readValue(body);
        } catch (IOException notJson) {
            json = null;
        }
        if (json == null || (json.heartbeatId() != null && !(json.heartbeatId() instanceof String))) {
            throw RequestRefused.badRequest(INVALID_PAYLOAD);
        }
        return (String) json.heartbeatId();
    }

    private void armed(RoutingContext ctx) {
        List<Chain> out = new ArrayList<>();
        for (HeartbeatSwitch.Chain chain : heartbeats.chains()) {
            out.add(new Chain(chain.apiKey(), chain.heartbeatId(), chain.lastBeat().toString(), chain.deadline().toString()));
        }
        Replies.json(ctx, 200, new Armed(heartbeats.window().toMillis(), out));
    }
}
