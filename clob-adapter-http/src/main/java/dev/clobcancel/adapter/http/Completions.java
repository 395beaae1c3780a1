package dev.clobcancel.adapter.http;

import dev.clobcancel.domain.failure.ClobException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the client's stages complete, and so where an app's non-async dependents run: never on
 * a Vert.x event loop unless asked, since one dependent that blocks there stalls every client
 * on that {@code Vertx}. One hop to the executor per call, and nothing more: the answer's own
 * future is completed there with the {@link ClobException} itself, not wrapped.
 */
final class Completions {

    private static final Logger LOG = LoggerFactory.getLogger(Completions.class);
    /** Idle threads of the client's own pool end after this: a client at rest holds none. */
    private static final long KEEP_ALIVE_SECONDS = 60;

    /** Null: complete where the answer completed, on the event loop. */
    private final Executor executor;
    /** The pool the client made for itself, shut down on close; null when given one or none. */
    private final ExecutorService owned;

    private Completions(Executor executor, ExecutorService owned) {
        this.executor = executor;
        this.owned = owned;
    }

    /** Completes on the Vert.x event loop that read the answer: for apps on Vert.x, whose dependents never block. */
    static Completions onEventLoop() {
        return new Completions(null, null);
    }

    /** Completes on {@code executor}, which the app owns and shuts down itself. */
    static Completions on(Executor executor) {
        return new Completions(executor, null);
    }

    /**
     * Completes on a pool the client owns: up to {@link #defaultThreads()} daemon threads named
     * {@code clob-completion-N}, made when needed and ended after 60 s idle, shut down on close.
     * Its own rather than {@link java.util.concurrent.ForkJoinPool#commonPool()}: that pool is
     * shared with the whole process and on a two-core machine has one thread, so one dependent
     * that blocks there would stall every other completion; daemon threads never keep the
     * process alive.
     */
    static Completions ownPool() {
        AtomicInteger number = new AtomicInteger();
        int threads = defaultThreads();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "clob-completion-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return new Completions(pool, pool);
    }

    /** The threads of the client's own pool: the machine's cores, and at least 4. */
    static int defaultThreads() {
        return Math.max(4, Runtime.getRuntime().availableProcessors());
    }

    /** {@code answer}'s outcome, completed on this executor; its failure the {@link ClobException} itself. */
    <T> CompletableFuture<T> deliver(CompletableFuture<T> answer) {
        if (executor == null) {
            return answer;
        }
        CompletableFuture<T> delivered = new CompletableFuture<>();
        answer.whenComplete((value, failure) -> {
            try {
                executor.execute(() -> settle(delivered, value, failure));
            } catch (RejectedExecutionException shutDown) {
                // The app's executor is gone: an answer delivered here beats one never delivered.
                LOG.debug("the completion executor refused a task ({}); completing on {}", shutDown.toString(),
                        Thread.currentThread().getName());
                settle(delivered, value, failure);
            }
        });
        return delivered;
    }

    private static <T> void settle(CompletableFuture<T> delivered, T value, Throwable failure) {
        if (failure == null) {
            delivered.complete(value);
        } else {
            delivered.completeExceptionally(unwrap(failure));
        }
    }

    static Throwable unwrap(Throwable failure) {
        Throwable at = failure;
        for (int depth = 0; at instanceof CompletionException && at.getCause() != null && depth < 16; depth++) {
            at = at.getCause();
        }
        return at;
    }

    /** Shuts the client's own pool down; completions already handed to it still run. */
    void close() {
        if (owned != null) {
            owned.shutdown();
        }
    }
}
