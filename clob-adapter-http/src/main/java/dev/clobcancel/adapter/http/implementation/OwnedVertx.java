package dev.clobcancel.adapter.http.implementation;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** For the adapter's own classes only: not an API, and may change without notice. */
public final class OwnedVertx {

    private static final Logger LOG = LoggerFactory.getLogger(OwnedVertx.class);
    private static final long CLOSE_TIMEOUT_SECONDS = 10;

    private OwnedVertx() {
    }

    /**
     * Closes a Vert.x instance a client made for itself and waits for it to stop, so that no
     * thread or socket outlives the client. On an event loop it cannot wait, and does not.
     */
    public static void closeAndWait(Vertx vertx) {
        await(vertx.close(), "Vert.x");
    }

    /**
     * Waits, at most 10 s, for {@code closing} (a close of {@code what}) to end, so that a client's
     * {@code close()} returns with its sockets closed. On an event loop it cannot wait, and does not.
     */
    public static void await(Future<?> closing, String what) {
        if (Context.isOnVertxThread()) {
            return;
        }
        try {
            closing.toCompletionStage().toCompletableFuture().get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("{} did not close cleanly within {} s: {}", what, CLOSE_TIMEOUT_SECONDS, e.toString());
        }
    }
}
