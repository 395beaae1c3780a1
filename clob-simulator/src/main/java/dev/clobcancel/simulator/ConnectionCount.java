package dev.clobcancel.simulator;

import io.vertx.core.http.HttpConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Counts the open client connections, and tells waiters when none is left: no polling needed. */
final class ConnectionCount {

    private int open;
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();

    void opened(HttpConnection connection) {
        synchronized (this) {
            open++;
        }
        connection.closeHandler(closed -> closed());
    }

    private void closed() {
        List<CompletableFuture<Void>> done;
        synchronized (this) {
            open--;
            if (open > 0) {
                return;
            }
            done = new ArrayList<>(waiting);
            waiting.clear();
        }
        done.forEach(future -> future.complete(null));
    }

    synchronized int open() {
        return open;
    }

    synchronized CompletionStage<Void> whenNoneOpen() {
        CompletableFuture<Void> future = new CompletableFuture<>();
        if (open == 0) {
            future.complete(null);
        } else {
            waiting.add(future);
        }
        return future;
    }
}
