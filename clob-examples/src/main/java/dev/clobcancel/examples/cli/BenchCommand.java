package dev.clobcancel.examples.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clobcancel.adapter.http.ClobHttpClient;
import dev.clobcancel.adapter.http.ClobHttpClientBuilder;
import dev.clobcancel.domain.failure.ClobException;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.examples.CancelOrderExample.Failed;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code clob bench --host URL --order-ids FILE --concurrency C}: cancels every id of the file,
 * one {@code DELETE /order} each, C in flight at a time, and prints the throughput and the
 * latency of one cancel (from the call to its answer) as one JSON line.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Cancel every id of a file, C at a time; print throughput and latency as JSON.",
        description = {"Cancels each order id of --order-ids (one a line), one DELETE /order each, keeping "
                + "--concurrency cancels in flight, and prints one JSON line last:",
                "  {\"n\":N,\"canceled\":K,\"secs\":S,\"rate\":N/S,\"p50_ms\":...,\"p99_ms\":...,\"jit_ms\":...}",
                "n is the ids timed, canceled those the exchange canceled, secs the wall time from the first call "
                        + "to the last answer, rate n/secs, and p50_ms and p99_ms the median and 99th percentile "
                        + "of one cancel's time from the call to the answer, and jit_ms the time the JVM's JIT compilers "
                        + "spent during those secs (null if the JVM does not say): far from 0, the timing was not warm. "
                        + "The ids of --warmup go first and are not counted. A failure is retried as by 'cancel' "
                        + "(--no-retry sends once)."},
        footerHeading = "%nEnvironment (the account whose orders they are):%n",
        footer = EnvCredentials.HELP,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every order was canceled",
            "1:the exchange answered every cancel but did not cancel some order",
            "2:bad usage, a missing, empty or malformed ids file, or the environment: nothing was sent",
            "3:some cancel got no answer or was refused (the first failure on stderr)",
            "4:internal error"})
final class BenchCommand extends ExchangeClientCommand {

    /** Far more connections than this only slows a machine down; the exchange's own rate limit is lower still. */
    static final int MAX_CONCURRENCY = 4096;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The one line the command prints on stdout, in this order of fields. */
    @JsonPropertyOrder({"n", "canceled", "secs", "rate", "p50_ms", "p99_ms", "jit_ms"})
    record Figures(int n, int canceled, double secs, double rate, double p50_ms, double p99_ms, Long jit_ms) {
    }

    @Option(names = "--order-ids", required = true, paramLabel = "FILE",
            description = "The ids to cancel, one a line (0x and 64 hex digits); blank lines are skipped, an id may "
                    + "appear once.")
    Path orderIds;

    @Option(names = "--concurrency", paramLabel = "C",
            description = "Cancels in flight at once, over as many kept-alive connections (default: ${DEFAULT-VALUE}).")
    int concurrency = 1;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Cancel the file's first N ids first, untimed and not counted, to warm the JIT and the "
                    + "connections (default: ${DEFAULT-VALUE}).")
    int warmup;

    BenchCommand(Map<String, String> env, Clock clock, UnaryOperator<ClobHttpClientBuilder> tuning) {
        super(env, clock, tuning);
    }

    @Override
    public Integer call() throws InterruptedException {
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new ParameterException(spec.commandLine(),
                    "--concurrency must be 1 to " + MAX_CONCURRENCY + ", not " + concurrency);
        }
        if (warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--warmup must be 0 or more, not " + warmup);
        }
        List<OrderId> ids;
        try {
            ids = OrderIdsFile.read(orderIds);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--order-ids: " + e.getMessage());
        }
        if (warmup >= ids.size()) {
            throw new ParameterException(spec.commandLine(), "--warmup " + warmup + " leaves none of the "
                    + ids.size() + " ids of " + orderIds + " to time");
        }
        // The pool is sized for the load: a cancel never waits for a connection another one holds.
        // Its dependents record a time and send the next cancel, and never block: the event loop may complete them,
        // as it does for the official client it races, without a hop to a pool.
        try (ClobHttpClient client = openClient(builder -> builder.maxConnections(concurrency).completeOnEventLoop())) {
            if (warmup > 0) {
                new Run(client, ids.subList(0, warmup), concurrency).run();
            }
            return report(new Run(client, ids.subList(warmup, ids.size()), concurrency).run());
        }
    }

    private int report(Run run) {
        PrintWriter err = spec.commandLine().getErr();
        String name = spec.commandLine().getCommandSpec().qualifiedName();
        int n = run.ids.size();
        err.println(name + ": " + n + " cancels, " + concurrency + " at a time: " + run.canceled.get() + " canceled, "
                + run.notCanceled.get() + " not canceled, " + run.failed.get() + " failed");
        if (run.firstNotCanceled.get() != null) {
            err.println(name + ": first not canceled: " + run.firstNotCanceled.get());
        }
        if (run.firstFailure.get() != null) {
            err.println(name + ": first failure: " + new Failed(run.firstFailure.get()).describe());
        }
        err.flush();
        long[] sorted = run.latencyNanos.clone();
        Arrays.sort(sorted);
        double secs = run.wallNanos / 1e9;
        Figures figures = new Figures(n, run.canceled.get(), round(secs, 3), round(n / secs, 1),
                round(percentile(sorted, 50) / 1e6, 3), round(percentile(sorted, 99) / 1e6, 3), run.jitMillisInPass);
        PrintWriter out = spec.commandLine().getOut();
        try {
            out.println(JSON.writeValueAsString(figures));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the figures as JSON", e);
        }
        out.flush();
        if (run.failed.get() > 0) {
            return ExitCodes.FAILED;
        }
        return run.notCanceled.get() > 0 ? ExitCodes.NOT_CANCELED : ExitCodes.OK;
    }

    /** The JIT compilers' time so far (summed over their threads, as the JVM counts it), or -1 if it does not. */
    static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    /** The nearest-rank percentile of ascending values. */
    static long percentile(long[] ascending, int p) {
        int rank = (int) Math.ceil(p / 100.0 * ascending.length);
        return ascending[Math.max(0, rank - 1)];
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /**
     * One pass over {@code ids}: {@code concurrency} chains, each taking the next id when its
     * cancel is answered, on whatever thread answered it. Every id is sent once, so the pass ends.
     */
    private static final class Run {
        final List<OrderId> ids;
        final long[] latencyNanos;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger canceled = new AtomicInteger();
        final AtomicInteger notCanceled = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicReference<String> firstNotCanceled = new AtomicReference<>();
        final AtomicReference<ClobException> firstFailure = new AtomicReference<>();
        final AtomicReference<Throwable> bug = new AtomicReference<>();
        private final ClobHttpClient client;
        private final int chains;
        private final CountDownLatch chainsDone;
        long wallNanos;
        /** The JIT compilers' time during the pass, or null where the JVM does not measure it. */
        Long jitMillisInPass;

        Run(ClobHttpClient client, List<OrderId> ids, int concurrency) {
            this.client = client;
            this.ids = ids;
            this.latencyNanos = new long[ids.size()];
            this.chains = Math.min(concurrency, ids.size());
            this.chainsDone = new CountDownLatch(chains);
        }

        /** Sends the next ids until one is not answered at once, then goes on when it is. */
        private void chain() {
            while (true) {
                int i = next.getAndIncrement();
                if (i >= ids.size()) {
                    chainsDone.countDown();
                    return;
                }
                OrderId id = ids.get(i);
                long sent = System.nanoTime();
                CompletableFuture<CancelResult> answer;
                try {
                    answer = client.cancelOrder(id).toCompletableFuture();
                } catch (RuntimeException e) {
                    answer = CompletableFuture.failedFuture(e);
                }
                if (!answer.isDone()) {
                    answer.whenComplete((result, failure) -> goOn(() -> {
                        record(i, id, sent, result, failure);
                        chain();
                    }));
                    return;
                }
                // Answered already (a failure can come before this line, on the event loop): recorded here and now.
                // Not getNow, which throws a failure rather than return it.
                answer.handle((result, failure) -> {
                    record(i, id, sent, result, failure);
                    return null;
                });
            }
        }

        /**
         * Runs a chain's next step; a step that throws (a bug) ends its chain, counted down, and is
         * reported once the pass is over, rather than leave the pass waiting for a chain that stopped.
         */
        private void goOn(Runnable step) {
            try {
                step.run();
            } catch (RuntimeException e) {
                bug.compareAndSet(null, e);
                chainsDone.countDown();
            }
        }

        private void record(int i, OrderId id, long sent, CancelResult result, Throwable failure) {
            latencyNanos[i] = System.nanoTime() - sent;
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause == null && result.wasCanceled(id)) {
                canceled.incrementAndGet();
            } else if (cause == null) {
                notCanceled.incrementAndGet();
                firstNotCanceled.compareAndSet(null, id + ": " + result.reasonNotCanceled(id).orElse(CancelRun.NO_REASON));
            } else if (cause instanceof ClobException clob) {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, clob);
            } else {
                failed.incrementAndGet();
                bug.compareAndSet(null, cause);
            }
        }

        /** Starts the chains and waits for them; each cancel is bounded by the client's deadline, so this ends. */
        Run run() throws InterruptedException {
            long jitBefore = jitMillis();
            long started = System.nanoTime();
            // Started from this one thread, the chains share the event loop Vert.x gave it (a chain goes on from
            // the loop its answer came on). Started from a thread per core they spread over two loops: a cold run
            // of 20,000 took 2.53 s against 3.03 s, but a warm one fell from about 20,000 to 13,000/s, the client's
            // two loops leaving the simulator and the JIT too little of the two cores (docs/benchmarks.md).
            for (int i = 0; i < chains; i++) {
                goOn(this::chain);
            }
            chainsDone.await();
            wallNanos = System.nanoTime() - started;
            long jitAfter = jitMillis();
            jitMillisInPass = jitBefore < 0 || jitAfter < 0 ? null : jitAfter - jitBefore;
            if (bug.get() != null) {
                throw new IllegalStateException("a cancel failed unexpectedly: " + bug.get(), bug.get());
            }
            return this;
        }
    }
}
