package dev.clobcancel.domain.port;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The exchange's dead man's switch: once an account has sent a heartbeat, the exchange cancels
 * all of that account's open orders when the next one does not come within its window
 * ({@link #EXCHANGE_WINDOW}). Each heartbeat names the id the one before it was answered with;
 * {@code null} (or {@code ""}) starts a new chain, sent as the exchange's V2 clients send it,
 * {@code {"heartbeat_id":""}}.
 *
 * <pre>{@code
 * String id = port.sendHeartbeat(null).toCompletableFuture().join(); // arms the switch
 * id = port.sendHeartbeat(id).toCompletableFuture().join();          // keeps it armed
 * }</pre>
 *
 * <p>Unlike a cancel, a heartbeat is not idempotent: when the answer to a heartbeat is lost, the
 * exchange may have moved the chain on, and sending the same id again is then refused with a
 * {@link dev.clobcancel.domain.failure.BadRequestException} ({@code Invalid Heartbeat ID}) that
 * names the id the exchange expects in
 * {@link dev.clobcancel.domain.failure.BadRequestException#expectedHeartbeatId()}. A caller that
 * gets one resumes the chain by naming that id (or starts a new chain with {@code null} when
 * none is named), as {@link dev.clobcancel.domain.heartbeat.HeartbeatKeeper} does.
 */
public interface HeartbeatPort {

    /** The exchange's window: a heartbeat must follow the one before it within 10 s. */
    Duration EXCHANGE_WINDOW = Duration.ofSeconds(10);

    /**
     * Sends a heartbeat naming {@code previousId} (null or {@code ""} to start a chain), giving up within the
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
