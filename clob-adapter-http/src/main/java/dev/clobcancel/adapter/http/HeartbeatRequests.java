package dev.clobcancel.adapter.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.clobcancel.domain.failure.ClobException;
import dev.clobcancel.domain.retry.Durations;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v1/heartbeats}, as the official V2 clients send it: {@code {"heartbeat_id":""}}
 * starts a chain, {@code {"heartbeat_id":"<id>"}} continues it; the answer names the next id. A
 * refusal of a stale id names the one the exchange expects, in the failure's
 * {@link dev.clobcancel.domain.failure.BadRequestException#expectedHeartbeatId()}.
 */
final class HeartbeatRequests {

    static final String PATH = "/v1/heartbeats";
    /** The id that starts a chain in CLOB V2 ({@code @polymarket/clob-client-v2}'s default); V1 sent null. */
    static final String NEW_CHAIN = "";

    /** The official clients' body: the key is always there, {@code ""} for a new chain. */
    record HeartbeatPayload(@JsonProperty("heartbeat_id") String heartbeatId) {
    }

    private final SignedRequests requests;

    HeartbeatRequests(SignedRequests requests) {
        this.requests = requests;
    }

    /**
     * One heartbeat, retried as the policy says within {@code within}. A retry names the same id:
     * should the exchange have moved the chain on under an answer that was lost, it refuses that
     * id with a 400 naming the one it expects, and the caller resumes from it.
     */
    CompletableFuture<String> send(String previousId, Duration within) {
        byte[] body = body(previousId);
        Durations.requirePositive(within, "within");
        CompletableFuture<String> done = new CompletableFuture<>();
        requests.send(HttpMethod.POST, PATH, body, within, Responses::heartbeatId).whenComplete((id, failure) -> {
            if (failure == null) {
                done.complete(id);
            } else {
                Throwable cause = CancelRequests.unwrap(failure);
                done.completeExceptionally(cause instanceof ClobException clob
                        ? Failures.withRateLimitIfNone(clob, requests.rateLimits().current()) : cause);
            }
        });
        return done;
    }

    /** {@code {"heartbeat_id":""}} for null or {@code ""} (a new chain), or {@code {"heartbeat_id":"hb-1"}}, compact. */
    static byte[] body(String previousId) {
        if (previousId != null && !previousId.isEmpty() && previousId.isBlank()) {
            throw new IllegalArgumentException("previousId must be null or \"\" (to start a chain) or the id the last "
                    + "heartbeat was answered with, not blank");
        }
        return SignedRequests.json(new HeartbeatPayload(previousId == null ? NEW_CHAIN : previousId));
    }
}
