package dev.clobcancel.adapter.http;

import static dev.clobcancel.adapter.http.TestSupport.ADDRESS;
import static dev.clobcancel.adapter.http.TestSupport.CREDS;
import static dev.clobcancel.adapter.http.TestSupport.liveOrder;
import static dev.clobcancel.adapter.http.TestSupport.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.failure.ClientClosedException;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.junit.ClobSimulatorTest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where the client's stages complete: on the completion executor, so that an app's dependent
 * that blocks holds one of its threads and not the Vert.x event loop every client needs; on the
 * event loop only when the app asks.
 */
@ClobSimulatorTest
class CompletionExecutorTest {

    ClobSimulator sim;

    @BeforeEach
    void fresh(ClobSimulator sim) {
        this.sim = sim;
        sim.addAccount(CREDS, ADDRESS);
    }

    @Test
    void aDependentThatBlocksDoesNotStallAnotherCallOnTheSameVertx() throws Exception {
        // One event loop: were the stages completed on it, the blocked dependent would hold the second answer.
        Vertx oneLoop = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        try (ClobHttpClient client = TestSupport.clientOf(sim).vertx(oneLoop).build()) {
            OrderId first = liveOrder(sim);
            OrderId second = liveOrder(sim);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> blocking = new CompletableFuture<>();

            CompletableFuture<Boolean> blocked = client.cancelOrder(first).thenApply(result -> {
                blocking.complete(null);
                awaitQuietly(release);
                return result.wasCanceled(first);
            }).toCompletableFuture();
            blocking.get(10, TimeUnit.SECONDS);

            CancelResult meanwhile = result(client.cancelOrder(second));

            assertThat(meanwhile.wasCanceled(second)).isTrue();
            assertThat(blocked).isNotDone();
            release.countDown();
            assertThat(blocked.get(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            oneLoop.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aStageCompletesOnTheExecutorTheBuilderWasGiven() throws Exception {
        BlockingQueue<Runnable> handedOver = new LinkedBlockingQueue<>();
        try (ClobHttpClient client = TestSupport.clientOf(sim).completionExecutor(handedOver::add).build()) {
            OrderId id = liveOrder(sim);

            CompletableFuture<String> ranOn = client.cancelOrder(id).thenApply(result -> Thread.currentThread().getName())
                    .toCompletableFuture();
            Runnable completion = handedOver.poll(30, TimeUnit.SECONDS);
            assertThat(completion).as("the answer is handed to the executor").isNotNull();
            assertThat(ranOn).as("nothing runs before the executor runs it").isNotDone();
            Thread appThread = new Thread(completion, "app-completion");
            appThread.start();

            assertThat(ranOn.get(10, TimeUnit.SECONDS)).isEqualTo("app-completion");
        }
    }

    @Test
    void byDefaultAStageCompletesOnTheClientsOwnPoolNotTheEventLoop() throws Exception {
        try (HeldServer server = HeldServer.plain();
             ClobHttpClient client = ClobHttpClient.builder().host(server.uri()).credentials(CREDS).address(ADDRESS).build()) {
            CompletableFuture<String> ranOn = client.cancelOrder(OrderId.of("0x" + "ab".repeat(32)))
                    .thenApply(result -> (Context.isOnEventLoopThread() ? "event loop " : "") + Thread.currentThread().getName())
                    .toCompletableFuture();

            server.answerNext(HeldServer.CANCELED);

            assertThat(ranOn.get(10, TimeUnit.SECONDS)).startsWith("clob-completion-");
            assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith("clob-completion-"))
                    .allMatch(Thread::isDaemon);
        }
    }

    @Test
    void completeOnEventLoopCompletesOnTheEventLoopThatReadTheAnswer() throws Exception {
        try (HeldServer server = HeldServer.plain();
             ClobHttpClient client = ClobHttpClient.builder().host(server.uri()).credentials(CREDS).address(ADDRESS)
                     .completeOnEventLoop().build()) {
            CompletableFuture<Boolean> onEventLoop = client.cancelOrder(OrderId.of("0x" + "ab".repeat(32)))
                    .thenApply(result -> Context.isOnEventLoopThread()).toCompletableFuture();

            server.answerNext(HeldServer.CANCELED);

            assertThat(onEventLoop.get(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aFailureReachesTheExecutorAsTheClobExceptionItself() throws Exception {
        BlockingQueue<Runnable> handedOver = new LinkedBlockingQueue<>();
        try (ClobHttpClient client = TestSupport.clientOf(sim).completionExecutor(handedOver::add).build()) {
            client.close();

            CompletableFuture<Throwable> failure = client.cancelOrder(OrderId.of("0x" + "cd".repeat(32)))
                    .handle((value, e) -> e).toCompletableFuture();
            Runnable completion = handedOver.poll(10, TimeUnit.SECONDS);
            assertThat(failure).isNotDone();
            completion.run();

            assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(ClientClosedException.class);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
