package dev.clobcancel.adapter.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.clobcancel.domain.retry.Durations;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v1/heartbeats}, as the official clients send it: {@code {"heartbeat_id":null}}
 * starts a chain, {@code {"heartbeat_id":"<id>"}} continues it; the answer names the next id.
 */
final class HeartbeatRequests {

    static final String PATH = "/v1/heartbeats";

    /** The official clients' body: the key is always there, {@code null} for a new chain. */
    record HeartbeatPayload(@JsonProperty("heartbeat_id") String heartbeatId) {
    }

    private final SignedRequests requests;

    HeartbeatRequests(SignedRequests requests) {
        this.requests = requests;
    }

    /**
     * One heartbeat, retried as the policy says within {@code within}. A retry names the same id:
     * should the exchange have moved the chain on under an answer that was lost, it refuses that
     * id with a 400, and the caller starts a new chain.
     */
    CompletableFuture<String> send(String previousId, Duration within) {
        byte[] body = body(previousId);
        Durations.requirePositive(within, "within");
        return requests.send(HttpMethod.POST, PATH, body, within, Responses::heartbeatId);
    }

    /** {@code {"heartbeat_id":null}} or {@code {"heartbeat_id":"hb-1"}}, compact. */
    static byte[] body(String previousId) {
        if (previousId != null && previousId.isBlank()) {
            throw new IllegalArgumentException("previousId must be null (to start a chain) or the id the last heartbeat "
                    + "was answered with, not blank");
        }
        return SignedRequests.json(new HeartbeatPayload(previousId));
    }
}
