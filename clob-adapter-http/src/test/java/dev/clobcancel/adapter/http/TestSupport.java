package dev.clobcancel.adapter.http;

import static dev.clobcancel.simulator.OrderSpec.order;

import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.retry.RetryPolicy;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.time.ManualClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/** The accounts the adapter's tests trade as, and how they wait for a stage. */
final class TestSupport {

    static final ApiCredentials CREDS = new ApiCredentials("11111111-1111-4111-8111-111111111111",
            "vcR0iVnub9lwyp10npV5pN2CvxEdTzNIyk1CUjESPmE=", "alice-passphrase");
    static final Address ADDRESS = Address.of("0x9fB29AAc15b9A4B7F17c3385939b007540f4d791");
    static final ApiCredentials OTHER_CREDS = new ApiCredentials("22222222-2222-4222-8222-222222222222",
            "Y2HJf_hj6YEieWIkpnBVQRE5CDUgx7lD9LpHb-aOr8k=", "bob-passphrase");
    static final Address OTHER_ADDRESS = Address.of("0x0000000000000000000000000000000000000b0b");
    static final String MARKET = "0x" + "5f".repeat(32);
    static final String ASSET = "123";
    /** Jitter in the middle of its range: its {@code nextDouble()} is exactly 0.5, so delays are exact. */
    static final RandomGenerator MID_JITTER = () -> Long.MIN_VALUE;

    private TestSupport() {
    }

    static OrderId liveOrder(ClobSimulator sim) {
        return liveOrder(sim, CREDS, MARKET, ASSET);
    }

    static OrderId liveOrder(ClobSimulator sim, ApiCredentials owner, String market, String asset) {
        return sim.place(order().owner(owner.apiKey()).market(market).asset(asset).buy().price("0.5").size("10"));
    }

    static ClobHttpClientBuilder clientOf(ClobSimulator sim) {
        return ClobHttpClient.builder().host(sim.baseUri()).credentials(CREDS).address(ADDRESS);
    }

    /**
     * A client on {@code clock} whose retries go at once, moving the clock on by their delays,
     * with jitter fixed mid-range: every delay is exact and the test takes no time.
     */
    static ClobHttpClientBuilder clientOnManualTime(ClobSimulator sim, ManualClock clock, InstantScheduler retries) {
        return clientOf(sim).clock(clock).scheduler(retries).retryPolicy(RetryPolicy.defaults().withRandom(MID_JITTER));
    }

    static <T> T result(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** The exception the stage failed with, exactly as a whenComplete would see it. */
    static Throwable failure(CompletionStage<?> stage) throws Exception {
        return stage.handle((value, failure) -> failure).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** The ids' hex, in their order: how a test compares a result with the ids it expected. */
    static List<String> ids(Collection<OrderId> ids) {
        return ids.stream().map(OrderId::value).toList();
    }

    /** The reasons by the ids' hex, in their order. */
    static Map<String, String> reasons(Map<OrderId, String> reasons) {
        Map<String, String> byHex = new LinkedHashMap<>();
        reasons.forEach((id, reason) -> byHex.put(id.value(), reason));
        return byHex;
    }

    /** A loopback port that nothing listens on: bound, read, and closed again. */
    static int closedLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
