package dev.clobcancel.examples.cli;

import dev.clobcancel.domain.time.Scheduler;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@code clob heartbeat} runs by: when to stop, how to wait between heartbeats, and what to
 * do with its exit code. In a process, SIGINT and SIGTERM; in a test, whatever the test says.
 */
interface HeartbeatLifecycle {

    /** Completes when a clean stop is asked for. */
    CompletionStage<?> stopRequested();

    /** How the keeper waits between heartbeats; empty for its own timers. */
    Optional<Scheduler> scheduler();

    /** The command has ended, its client closed and its output written. */
    void finished(int exitCode);

    /**
     * The process's: SIGINT or SIGTERM asks for a clean stop, and the process then ends with the
     * command's exit code (0 for a clean stop) rather than the JVM's 130 or 143 for a signal, so
     * that a supervisor tells a clean stop from a failed cancel on exit.
     */
    final class Process implements HeartbeatLifecycle {

        /** Longer than a cancel on exit may take by default (its deadline, 30 s). */
        private static final long GRACE_SECONDS = 60;

        private final CompletableFuture<Void> stop = new CompletableFuture<>();
        private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
        private final Thread hook = new Thread(this::onSignal, "clob-heartbeat-stop");

        Process() {
            Runtime.getRuntime().addShutdownHook(hook);
        }

        @Override
        public CompletionStage<?> stopRequested() {
            return stop;
        }

        @Override
        public Optional<Scheduler> scheduler() {
            return Optional.empty();
        }

        @Override
        public void finished(int code) {
            exitCode.complete(code);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // A signal started the shutdown: the hook is running, and ends the process with the code.
            }
        }

        /** The JVM shuts down on a signal once its hooks return: this one lets the command stop cleanly first. */
        private void onSignal() {
            stop.complete(null);
            try {
                Runtime.getRuntime().halt(exitCode.get(GRACE_SECONDS, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // Not done in time: the JVM ends with the signal's own status.
            }
        }
    }
}
