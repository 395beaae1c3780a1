package dev.clobcancel.adapter.http;

import static dev.clobcancel.adapter.http.TestSupport.ADDRESS;
import static dev.clobcancel.adapter.http.TestSupport.CREDS;
import static dev.clobcancel.adapter.http.TestSupport.liveOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.failure.ClobException;
import dev.clobcancel.domain.failure.TransportException;
import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.retry.RetryPolicy;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.faults.FaultAction;
import dev.clobcancel.simulator.faults.FaultRule;
import dev.clobcancel.simulator.junit.ClobSimulatorTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A storm of faults (resets, hangs, empty answers, 5xx, 425, 429) on every cancel: each call
 * ends by its deadline with a result or a typed failure, an order is canceled at most once, and
 * a closed client leaves no thread and no connection behind.
 */
@ClobSimulatorTest(seed = 7)
class FaultStormTest {

    static final int CALLS = 300;
    static final Duration DEADLINE = Duration.ofSeconds(2);
    /** Scheduling on a 2-core machine shared with the simulator: the most a call may overrun its deadline. */
    static final long SLACK_MS = 1500;

    private static void storm(ClobSimulator sim) {
        List<FaultRule> rules = List.of(
                FaultRule.of(FaultAction.RESET).probability(0.08).build(),
                FaultRule.of(FaultAction.HANG).probability(0.05).build(),
                FaultRule.of(FaultAction.EMPTY).probability(0.05).build(),
                FaultRule.respond(500).probability(0.1).build(),
                FaultRule.respond(502, "<html>Bad gateway</html>").probability(0.05).build(),
                FaultRule.respond(425).probability(0.05).build(),
                FaultRule.respond(429).headers(Map.of("Retry-After", "1")).probability(0.05).build(),
                FaultRule.of(FaultAction.RESPOND).delay(Duration.ofMillis(30)).probability(0.1).build());
        rules.forEach(rule -> sim.faults().add(rule.toBuilder().path("/order").build()));
    }

    private static Set<Thread> liveThreads() {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    @Test
    void everyCallEndsByItsDeadlineAndNothingLeaks(ClobSimulator sim) throws Exception {
        sim.addAccount(CREDS, ADDRESS);
        List<OrderId> ids = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            ids.add(liveOrder(sim));
        }
        storm(sim);
        Set<Thread> before = liveThreads();

        ClobHttpClient client = TestSupport.clientOf(sim).attemptTimeout(Duration.ofMillis(250)).deadline(DEADLINE)
                .maxConnections(32).retryPolicy(RetryPolicy.defaults().withRandom(new SplittableRandom(7))
                        .withBackOffBaseDelay(Duration.ofMillis(200)).withBaseDelay(Duration.ofMillis(20))).build();
        List<CompletableFuture<Long>> calls = new ArrayList<>();
        List<Object> outcomes = new ArrayList<>();
        for (OrderId id : ids) {
            long started = System.nanoTime();
            calls.add(client.cancelOrder(id).handle((result, failure) -> {
                synchronized (outcomes) {
                    outcomes.add(failure != null ? failure : result);
                }
                return (System.nanoTime() - started) / 1_000_000;
            }).toCompletableFuture());
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(DEADLINE.toMillis() + 30_000, TimeUnit.MILLISECONDS);
        Set<Thread> clientThreads = liveThreads();
        clientThreads.removeAll(before);
        client.close();

        for (CompletableFuture<Long> call : calls) {
            assertThat(call.get()).as("ms a call took").isLessThanOrEqualTo(DEADLINE.toMillis() + SLACK_MS);
        }
        assertThat(outcomes).hasSize(CALLS).allSatisfy(outcome ->
                assertThat(outcome).isInstanceOfAny(CancelResult.class, ClobException.class));
        long canceled = outcomes.stream().filter(CancelResult.class::isInstance).count();
        assertThat(canceled).as("calls that got an answer through the storm").isGreaterThan(CALLS / 2);
        assertThat(outcomes).filteredOn(TransportException.class::isInstance)
                .allSatisfy(failure -> assertThat(((ClobException) failure).attempts()).isPositive());
        for (OrderId id : ids) {
            assertThat(sim.order(id).orElseThrow().status()).isIn(OrderStatus.LIVE, OrderStatus.CANCELED);
        }

        for (Thread thread : clientThreads) {
            thread.join(5_000);
            assertThat(thread.isAlive()).as("thread %s of the closed client", thread.getName()).isFalse();
        }
        sim.faults().clear();
        sim.whenNoConnectionsOpen().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(sim.openConnections()).isZero();
    }

    @Test
    void aFullWaitQueueFailsACallAtOnceRatherThanQueueingWithoutBound(ClobSimulator sim) throws Exception {
        sim.addAccount(CREDS, ADDRESS);
        sim.faults().add(FaultRule.of(FaultAction.HANG).path("/order").build());
        try (ClobHttpClient client = TestSupport.clientOf(sim).maxConnections(1).maxQueuedRequests(2)
                .attemptTimeout(Duration.ofMillis(500)).deadline(Duration.ofMillis(500)).retryPolicy(RetryPolicy.none()).build()) {
            List<CompletableFuture<Throwable>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(client.cancelOrder(liveOrder(sim)).handle((result, failure) -> failure).toCompletableFuture());
            }

            List<Throwable> failures = new ArrayList<>();
            for (CompletableFuture<Throwable> call : calls) {
                failures.add(call.get(10, TimeUnit.SECONDS));
            }
            assertThat(failures).filteredOn(f -> f != null && f.getMessage().contains("too many requests already wait"))
                    .hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void manyAccountsCancelThousandsOfOrdersThroughFaultsEachExactlyOnceAndNothingElse(ClobSimulator sim) throws Exception {
        int accounts = 8;
        int perAccount = 250;
        List<ClobHttpClient> clients = new ArrayList<>();
        List<List<OrderId>> orders = new ArrayList<>();
        List<OrderId> bystanders = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            ApiCredentials creds = new ApiCredentials("acct-" + a, CREDS.secret(), "pass-" + a);
            Address address = Address.of(String.format("0x%040x", a + 1));
            sim.addAccount(creds, address);
            List<OrderId> mine = new ArrayList<>();
            for (int i = 0; i < perAccount; i++) {
                mine.add(liveOrder(sim, creds, TestSupport.MARKET, TestSupport.ASSET));
            }
            bystanders.add(liveOrder(sim, creds, "0x" + "77".repeat(32), "999"));
            orders.add(mine);
            clients.add(ClobHttpClient.builder().host(sim.baseUri()).credentials(creds).address(address)
                    .attemptTimeout(Duration.ofSeconds(1)).deadline(Duration.ofSeconds(30))
                    .retryPolicy(RetryPolicy.defaults().withRandom(new SplittableRandom(a)).withMaxAttempts(20)
                            .withBaseDelay(Duration.ofMillis(10)).withBackOffBaseDelay(Duration.ofMillis(20)))
                    .build());
        }
        for (FaultRule rule : List.of(FaultRule.of(FaultAction.RESET).probability(0.1).build(),
                FaultRule.of(FaultAction.EMPTY).probability(0.05).build(), FaultRule.respond(500).probability(0.1).build(),
                FaultRule.respond(425).probability(0.05).build())) {
            sim.faults().add(rule.toBuilder().method("DELETE").build());
        }

        List<CompletableFuture<CancelResult>> calls = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            List<OrderId> mine = orders.get(a);
            for (int from = 0; from < mine.size(); from += 25) {
                List<OrderId> batch = mine.subList(from, Math.min(from + 25, mine.size()));
                calls.add((a % 2 == 0 ? clients.get(a).cancelOrders(batch) : clients.get(a).cancelOrder(batch.get(0))
                        .thenCombine(clients.get(a).cancelOrders(batch.subList(1, batch.size())),
                                (one, rest) -> CancelResult.merge(List.of(one, rest)))).toCompletableFuture());
            }
        }
        List<String> canceled = new ArrayList<>();
        for (CompletableFuture<CancelResult> call : calls) {
            CancelResult result = call.get(60, TimeUnit.SECONDS);
            assertThat(TestSupport.reasons(result.notCanceled())).isEmpty();
            canceled.addAll(TestSupport.ids(result.canceled()));
        }
        clients.forEach(ClobHttpClient::close);

        assertThat(canceled).hasSize(accounts * perAccount).doesNotHaveDuplicates();
        orders.forEach(mine -> mine.forEach(id ->
                assertThat(sim.order(id).orElseThrow().status()).isEqualTo(OrderStatus.CANCELED)));
        bystanders.forEach(id -> assertThat(sim.order(id).orElseThrow().status()).isEqualTo(OrderStatus.LIVE));
    }

    @Test
    void hundredsOfConcurrentCancelsOfOneOrderCancelItExactlyOnce(ClobSimulator sim) throws Exception {
        sim.addAccount(CREDS, ADDRESS);
        OrderId id = liveOrder(sim);
        try (ClobHttpClient client = TestSupport.clientOf(sim).maxConnections(64).build()) {
            List<CompletableFuture<CancelResult>> calls = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                calls.add(client.cancelOrder(id).toCompletableFuture());
            }

            int canceled = 0;
            for (CompletableFuture<CancelResult> call : calls) {
                CancelResult result = call.get(30, TimeUnit.SECONDS);
                canceled += result.wasCanceled(id) ? 1 : 0;
                assertThat(result.wasCanceled(id) || result.reasonNotCanceled(id).isPresent()).isTrue();
            }
            assertThat(canceled).isEqualTo(1);
        }
    }
}
