package dev.clobcancel.domain.port;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The exchange's dead man's switch: once an account has sent a heartbeat, the exchange cancels
 * all of that account's open orders when the next one does not come within its window
 * ({@link #EXCHANGE_WINDOW}). Each heartbeat names the id the one before it was answered with;
 * {@code null} starts a new chain.
 *
 * <pre>{@code
 * String id = port.sendHeartbeat(null).toCompletableFuture().join(); // arms the switch
 * id = port.sendHeartbeat(id).toCompletableFuture().join();          // keeps it armed
 * }</pre>
 *
 * <p>Unlike a cancel, a heartbeat is not idempotent: when the answer to a heartbeat is lost, the
 * exchange may have moved the chain on, and sending the same id again is then refused with a
 * {@link dev.clobcancel.domain.failure.BadRequestException} ({@code Invalid heartbeat id}). A
 * caller that gets one starts a new chain with {@code null}, as
 * {@link dev.clobcancel.domain.heartbeat.HeartbeatKeeper} does.
 */
public interface HeartbeatPort {

    /** The exchange's window: a heartbeat must follow the one before it within 10 s. */
    Duration EXCHANGE_WINDOW = Duration.ofSeconds(10);

    /**
     * Sends a heartbeat naming {@code previousId} (null to start a chain), giving up within the
     * exchange's window: a heartbeat that gets through later than that comes too late.
     *
     * @return the id the next heartbeat must name
     */
    default CompletionStage<String> sendHeartbeat(String previousId) {
        return sendHeartbeat(previousId, EXCHANGE_WINDOW);
    }

    /**
     * As {@link #sendHeartbeat(String)}, giving up when {@code within} has passed: the time left
     * before the switch would trip, so that no attempt is made once it has.
     */
    CompletionStage<String> sendHeartbeat(String previousId, Duration within);
}
