package dev.clobcancel.benchmarks;

import static dev.clobcancel.simulator.OrderSpec.order;

import dev.clobcancel.domain.auth.L2Signer;
import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.OrderSpec;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The user channel under load, in one run against one simulator on loopback: the delay from a
 * cancel's HTTP answer to its CANCELLATION event at a subscriber (p50, p99), and the rate of
 * {@code DELETE /order} with 0, 1 and 100 subscribers of the canceling account attached, each hearing
 * every event, and with 100 subscribers of another account attached, hearing none of them. Each
 * rate comes with the CPU the whole process (simulator, load and subscribers) spent per cancel.
 *
 * <pre>{@code
 * java -cp clob-benchmarks/target/benchmarks.jar dev.clobcancel.benchmarks.ChannelEventBenchmark [cancels per phase] [in flight]
 * }</pre>
 */
public final class ChannelEventBenchmark {

    private static final ApiCredentials ALICE = new ApiCredentials("11111111-1111-4111-8111-111111111111",
            "vcR0iVnub9lwyp10npV5pN2CvxEdTzNIyk1CUjESPmE=", "alice-passphrase");
    private static final Address ALICE_ADDRESS = Address.of("0x9fB29AAc15b9A4B7F17c3385939b007540f4d791");
    private static final ApiCredentials BOB = new ApiCredentials("22222222-2222-4222-8222-222222222222",
            "c2Vjb25kLWFjY291bnQtc2VjcmV0LWZvci10aGUtYm9i", "bob-passphrase");
    private static final Address BOB_ADDRESS = Address.of("0x2222222222222222222222222222222222222222");
    private static final String MARKET = "0x" + "5f".repeat(32);
    private static final String TOKEN = "71321045679252212594626385532706912750332728571942532289631379312455583992563";
    private static final long WAIT_SECONDS = 120;
    /** The CPU time of the whole process, every thread of it. */
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ClobSimulator sim;
    private final Vertx vertx = Vertx.vertx();
    /** Held: a Vert.x WebSocket client no longer referenced is closed by a cleaner, with its connections. */
    // Vert.x opens at most 50 WebSockets to one server by default and queues the rest: the 100
    // subscribers phase needs them all open at once.
    private final WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(256));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** The load of the rate phases: keep-alive connections, as many as requests in flight. */
    private final io.vertx.core.http.HttpClient load;
    private final L2Signer signer = new L2Signer(ALICE, ALICE_ADDRESS);
    /** Per open subscriber, a permit for each PONG it heard. */
    private final Map<WebSocket, Semaphore> pongs = new ConcurrentHashMap<>();
    private final PrintStream out;
    /** The ids of the simulator's event-loop threads, whose CPU each phase reports apart. */
    private final long[] simulatorLoops;

    private ChannelEventBenchmark(ClobSimulator sim, PrintStream out, int inFlight, long[] simulatorLoops) {
        this.sim = sim;
        this.simulatorLoops = simulatorLoops;
        this.out = out;
        this.load = vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(inFlight));
    }

    public static void main(String[] args) throws Exception {
        int cancels = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        run(cancels, inFlight, System.out);
    }

    /** Every phase with {@code cancels} orders each (the delay phases a tenth and a quarter of it), printed to {@code out}. */
    static void run(int cancels, int inFlight, PrintStream out) throws Exception {
        if (cancels < 1 || inFlight < 1) {
            throw new IllegalArgumentException("usage: ChannelEventBenchmark [cancels per phase, at least 1] [in flight, at least 1]");
        }
        try (ClobSimulator sim = ClobSimulator.start()) {
            sim.addAccount(ALICE, ALICE_ADDRESS);
            sim.addAccount(BOB, BOB_ADDRESS);
            // Taken before this benchmark's own Vert.x starts a thread: every event loop alive now is the simulator's.
            long[] simulatorLoops = eventLoopThreads();
            ChannelEventBenchmark bench = new ChannelEventBenchmark(sim, out, inFlight, simulatorLoops);
            try {
                bench.run(cancels, inFlight);
            } finally {
                bench.vertx.close().toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    private void run(int cancels, int inFlight) throws Exception {
        out.printf("cores %d, %d cancels per phase, %d in flight%n", Runtime.getRuntime().availableProcessors(), cancels, inFlight);
        warmUp(cancels, inFlight);
        delay(Math.max(1, cancels / 10));
        delay(Math.max(1, cancels / 4));
        double first = rate(cancels, inFlight, 0, ALICE);
        double one = rate(cancels, inFlight, 1, ALICE);
        double hundred = rate(cancels, inFlight, 100, ALICE);
        double others = rate(cancels, inFlight, 100, BOB);
        double last = rate(cancels, inFlight, 0, ALICE);
        // The baseline is measured first and last, and the two averaged: on a busy or slow machine the rate
        // drifts over a run, and a baseline on one side only would count the drift as the subscribers' cost.
        double none = (first + last) / 2;
        out.printf("cancel rate: 0 subscribers %.0f/s, 1 subscriber %.0f/s (%+.1f%%), 100 subscribers hearing every event"
                        + " %.0f/s (%+.1f%%), 100 subscribers of another account %.0f/s (%+.1f%%);"
                        + " the 0 subscribers rate is the mean of the first phase's %.0f/s and the last's %.0f/s%n",
                none, one, 100 * (one / none - 1), hundred, 100 * (hundred / none - 1), others, 100 * (others / none - 1),
                first, last);
    }

    /** The ids of the Vert.x event-loop threads alive now. */
    private static long[] eventLoopThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith("vert.x-eventloop-thread"))
                .mapToLong(Thread::getId).toArray();
    }

    /** The CPU time of these threads so far, in nanoseconds (a thread that ended counts no more). */
    private static long cpuOf(long[] threads) {
        long sum = 0;
        for (long id : threads) {
            sum += Math.max(0, THREADS.getThreadCpuTime(id));
        }
        return sum;
    }

    /** Warm-up phases stop once the JIT compilers took less than this share of a phase's time. */
    private static final double JIT_QUIET = 0.05;
    private static final int MAX_WARM_UPS = 10;

    /**
     * Phases of one subscriber (a load, then sequential cancels) until the JIT compilers are quiet (on
     * a slow machine they compile the cancel path for 100,000 cancels and more): otherwise the first
     * phases measured are the JIT's.
     */
    private void warmUp(int cancels, int inFlight) throws Exception {
        var jit = ManagementFactory.getCompilationMXBean();
        for (int phase = 1; phase <= MAX_WARM_UPS; phase++) {
            long jitBefore = jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
            long start = System.nanoTime();
            out.print("warm-up: ");
            rate(cancels, inFlight, 1, ALICE);
            out.print("warm-up: ");
            delay(Math.max(1, cancels / 10)); // the sequential path too: another HTTP client, its own code to compile
            if (jitBefore < 0) {
                return; // the JVM does not say: one phase, as a warm-up
            }
            double share = (jit.getTotalCompilationTime() - jitBefore) / ((System.nanoTime() - start) / 1e6);
            out.printf("  the JIT compilers took %.0f%% of that phase%n", 100 * share);
            if (share < JIT_QUIET) {
                return;
            }
        }
        out.printf("  still compiling after %d warm-up phases: the figures below carry some of the JIT's cost%n", MAX_WARM_UPS);
    }

    /** Cancels {@code count} orders one after another, with one subscriber; prints the delays. */
    private void delay(int count) throws Exception {
        List<String> ids = place(count);
        Map<String, Long> heard = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(count);
        WebSocket socket = subscribe(text -> {
            if (text.contains("\"CANCELLATION\"")) {
                heard.put(idOf(text), System.nanoTime());
                all.countDown();
            }
        });
        long[] fromAnswer = new long[count];
        long[] fromRequest = new long[count];
        long[] answered = new long[count];
        long[] sent = new long[count];
        for (int i = 0; i < count; i++) {
            sent[i] = System.nanoTime();
            cancel(ids.get(i));
            answered[i] = System.nanoTime();
        }
        if (!all.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + (count - all.getCount()) + " of " + count + " events came");
        }
        int first = 0;
        for (int i = 0; i < count; i++) {
            long event = heard.get(ids.get(i));
            fromAnswer[i] = event - answered[i];
            fromRequest[i] = event - sent[i];
            first += event <= answered[i] ? 1 : 0;
        }
        close(socket);
        Arrays.sort(fromAnswer);
        Arrays.sort(fromRequest);
        out.printf("event delay, %d sequential cancels: from the HTTP answer p50 %.3f ms, p99 %.3f ms, max %.3f ms"
                        + " (negative: the event came first; first in %.1f%%); from the request p50 %.3f ms, p99 %.3f ms%n",
                count, ms(fromAnswer, 0.50), ms(fromAnswer, 0.99), fromAnswer[count - 1] / 1e6, 100.0 * first / count,
                ms(fromRequest, 0.50), ms(fromRequest, 0.99));
    }

    /**
     * Cancels {@code count} of Alice's orders, {@code inFlight} at a time, with {@code subscribers}
     * user-channel connections of {@code account} attached (Alice's hear every cancel, another
     * account's none); returns cancels per second.
     */
    private double rate(int count, int inFlight, int subscribers, ApiCredentials account) throws Exception {
        List<String> ids = place(count);
        AtomicLong events = new AtomicLong();
        boolean hearing = account.equals(ALICE);
        CountDownLatch all = new CountDownLatch(subscribers == 0 || !hearing ? 0 : 1);
        long expected = hearing ? (long) count * subscribers : 0;
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            sockets.add(subscribe(account, text -> {
                if (text.contains("\"CANCELLATION\"") && events.incrementAndGet() == expected) {
                    all.countDown();
                }
            }));
        }
        long cpuStart = PROCESS.getProcessCpuTime();
        long simulatorCpuStart = cpuOf(simulatorLoops);
        long start = System.nanoTime();
        cancelAll(ids, inFlight).get(WAIT_SECONDS, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!all.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException(events.get() + " of " + expected + " events came");
        }
        double cpuMicrosPerCancel = (PROCESS.getProcessCpuTime() - cpuStart) / 1e3 / count;
        double simulatorMicrosPerCancel = (cpuOf(simulatorLoops) - simulatorCpuStart) / 1e3 / count;
        if (!hearing) {
            // Whatever another account's subscribers would hear has been sent by now: the PINGs answered below come after it.
            sockets.forEach(this::ping);
        }
        sockets.forEach(this::close);
        if (events.get() != expected) {
            throw new IllegalStateException(events.get() + " events heard, " + expected + " expected");
        }
        double rate = count / seconds;
        out.printf("%d cancels, %d in flight, with %d subscribers%s: %.0f cancels/s, %.0f µs of CPU per cancel (%.0f µs of it on the"
                        + " simulator's event loop, the rest the load's, the subscribers' and the JVM's), %d events heard, none lost%n",
                count, inFlight, subscribers, hearing || subscribers == 0 ? "" : " of another account", rate,
                cpuMicrosPerCancel, simulatorMicrosPerCancel, events.get());
        return rate;
    }

    /**
     * Cancels every id, {@code inFlight} requests at a time over keep-alive connections (Vert.x, as
     * cheap a load as the machine allows: it shares the cores with the simulator); fails on the
     * first answer that is not the id's cancel.
     */
    private CompletableFuture<Void> cancelAll(List<String> ids, int inFlight) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        Runnable[] sendNext = new Runnable[1];
        sendNext[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= ids.size() || done.isDone()) {
                return;
            }
            cancelAsync(ids.get(i)).onComplete(result -> {
                if (result.failed()) {
                    done.completeExceptionally(result.cause());
                } else if (answered.incrementAndGet() == ids.size()) {
                    done.complete(null);
                } else {
                    sendNext[0].run();
                }
            });
        };
        // From a Vert.x context, not from this thread: a request made outside Vert.x gets a context of its own,
        // and a response handed to it from the connection's event loop could end before its body() was asked
        // for, leaving that cancel unanswered for good (1 run in 10 hung so at a burst after an idle spell).
        vertx.getOrCreateContext().runOnContext(v -> {
            for (int i = 0; i < Math.min(inFlight, ids.size()); i++) {
                sendNext[0].run();
            }
        });
        if (ids.isEmpty()) {
            done.complete(null);
        }
        return done;
    }

    private io.vertx.core.Future<Void> cancelAsync(String id) {
        byte[] body = ("{\"orderID\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.DELETE).setAbsoluteURI(sim.baseUri().resolve("/order").toString())
                .putHeader("Content-Type", "application/json");
        signer.headers(System.currentTimeMillis() / 1000, "DELETE", "/order", body).asMap().forEach(options::putHeader);
        return load.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body().compose(answer -> response.statusCode() == 200 && answer.toString().contains(id)
                        ? io.vertx.core.Future.succeededFuture()
                        : io.vertx.core.Future.failedFuture("cancel of " + id + ": " + response.statusCode() + " " + answer)));
    }

    private List<String> place(int count) {
        List<OrderSpec> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            orders.add(order().owner(ALICE.apiKey()).market(MARKET).asset(TOKEN).buy().price(new BigDecimal("0.0" + (1 + i % 9))).size(BigDecimal.TEN));
        }
        return sim.orders().placeAll(orders).stream().map(OrderId::value).toList();
    }

    private void cancel(String id) throws IOException, InterruptedException {
        byte[] body = ("{\"orderID\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(sim.baseUri().resolve("/order"))
                .method("DELETE", HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
        signer.headers(System.currentTimeMillis() / 1000, "DELETE", "/order", body).asMap().forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains(id)) {
            throw new IllegalStateException("cancel of " + id + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** A user-channel subscriber of Alice's orders, subscribed (its PONG came) when this returns. */
    private WebSocket subscribe(java.util.function.Consumer<String> onText) throws Exception {
        return subscribe(ALICE, onText);
    }

    /** A user-channel subscriber of the account's orders, subscribed (its PONG came) when this returns. */
    private WebSocket subscribe(ApiCredentials account, java.util.function.Consumer<String> onText) throws Exception {
        URI uri = sim.userChannelUri();
        WebSocket socket = client.connect(new WebSocketConnectOptions().setHost(uri.getHost())
                .setPort(uri.getPort()).setURI(uri.getPath())).toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        Semaphore pongs = new Semaphore(0);
        this.pongs.put(socket, pongs);
        socket.textMessageHandler(text -> {
            if (text.equals("PONG")) {
                pongs.release();
            } else {
                onText.accept(text);
            }
        });
        socket.writeTextMessage("{\"auth\":{\"apiKey\":\"" + account.apiKey() + "\",\"secret\":\"" + account.secret()
                + "\",\"passphrase\":\"" + account.passphrase() + "\"},\"type\":\"user\"}");
        ping(socket);
        return socket;
    }

    /** A PING, and its PONG: whatever the server wrote to the socket before it has been heard. */
    private void ping(WebSocket socket) {
        socket.writeTextMessage("PING");
        try {
            if (!pongs.get(socket).tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no PONG within " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a PONG", e);
        }
    }

    private void close(WebSocket socket) {
        pongs.remove(socket);
        try {
            socket.close().toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not close a subscriber", e);
        }
    }

    private static String idOf(String event) {
        int at = event.indexOf("\"id\":\"") + 6;
        return event.substring(at, event.indexOf('"', at));
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
