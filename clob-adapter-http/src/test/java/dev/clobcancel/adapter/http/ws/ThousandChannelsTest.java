package dev.clobcancel.adapter.http.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.model.Address;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.junit.ClobSimulatorTest;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Channels opened and closed by the thousand, against the simulator's {@code /ws/user}: nothing
 * stays behind, neither a connection the simulator holds nor a thread.
 */
@ClobSimulatorTest
class ThousandChannelsTest {

    private static final int CHANNELS = 1000;

    @Test
    void aThousandChannelsSubscribedAndClosedLeaveNoConnectionAndNoThreadBehind(ClobSimulator sim) throws Exception {
        sim.addAccount(UserChannelTest.CREDS, Address.of("0x9fB29AAc15b9A4B7F17c3385939b007540f4d791"));
        Vertx vertx = Vertx.vertx();
        try {
            openSubscribeAndClose(sim, vertx, 20); // the event loops and the JIT, before counting
            int threads = Thread.activeCount();

            openSubscribeAndClose(sim, vertx, CHANNELS);

            // close() returns once its socket is closed; the simulator hears of it on its own event loop, just after.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (sim.channels().connections() > 0 && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            assertThat(sim.channels().connections()).as("the simulator's user-channel connections").isZero();
            assertThat(Thread.activeCount()).as("threads after %d channels", CHANNELS).isLessThanOrEqualTo(threads);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
    }

    private static void openSubscribeAndClose(ClobSimulator sim, Vertx vertx, int channels) throws Exception {
        for (int i = 0; i < channels; i++) {
            try (UserChannel channel = UserChannel.builder().url(sim.userChannelUri()).credentials(UserChannelTest.CREDS)
                    .vertx(vertx).subscribeTimeout(java.time.Duration.ofSeconds(20)).build()) {
                channel.subscribe(event -> { }).toCompletableFuture().get(20, TimeUnit.SECONDS);
                assertThat(channel.isSubscribed()).isTrue();
            }
        }
    }
}
