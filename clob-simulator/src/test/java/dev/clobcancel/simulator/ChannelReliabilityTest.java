package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.OrderSpec.order;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.MARKET;
import static dev.clobcancel.simulator.SimulatorFixture.NOW;
import static dev.clobcancel.simulator.SimulatorFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.OrderSpec;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import dev.clobcancel.simulator.ws.Channels;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Without faults no event is lost or reordered under load; a subscriber that stops reading is
 * disconnected once its buffer fills and slows no one; connections opened and dropped leave
 * nothing behind.
 */
class ChannelReliabilityTest extends ChannelTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClock());

    private List<String> placeMany(int count) {
        List<OrderSpec> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            orders.add(order().owner(ALICE.apiKey()).market(MARKET).asset(TOKEN).buy().price(new BigDecimal("0.0" + (1 + i % 9))).size(BigDecimal.TEN));
        }
        return sim.orders().placeAll(orders).stream().map(OrderId::value).toList();
    }

    @Test
    void everySubscriberHearsEveryEventOnceInTheExchangesOrderUnderConcurrentCancels() throws Exception {
        List<TestChannel> channels = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            channels.add(TestChannel.user(vertx, sim, ALICE));
        }
        List<String> ids = placeMany(400);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> cancels = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int from = t * 100;
                cancels.add(clients.submit(() -> {
                    for (int i = from; i < from + 100; i++) {
                        assertThat(http.signed(ALICE_SIGNS, NOW, "DELETE", "/order", SimulatorFixture.cancelBody(ids.get(i))).statusCode())
                                .isEqualTo(200);
                    }
                }));
            }
            for (Future<?> cancel : cancels) {
                cancel.get();
            }
        } finally {
            clients.shutdown();
        }

        List<String> first = null;
        for (TestChannel channel : channels) {
            List<String> heard = new ArrayList<>();
            channel.next(800).forEach(e -> heard.add(e.get("type").asText() + " " + e.get("id").asText()));
            channel.roundTrip();
            assertThat(channel.waiting()).isEmpty();
            assertThat(heard.subList(0, 400)).allMatch(e -> e.startsWith("PLACEMENT"));
            assertThat(heard.subList(400, 800)).allMatch(e -> e.startsWith("CANCELLATION")).doesNotHaveDuplicates();
            if (first == null) {
                first = heard;
            } else {
                assertThat(heard).as("every connection hears the exchange's one order").isEqualTo(first);
            }
            channel.close();
        }
    }

    /** Above the 2,000 events of one burst below, so a subscriber that reads keeps up. */
    static final int BUFFER = 5000;

    @Test
    void aSubscriberThatStopsReadingIsDisconnectedAndTheOthersHearEverything() {
        sim.channels().bufferLimit(BUFFER);
        try (RawChannel stalled = RawChannel.openReadingLittle(sim.userChannelUri());
             TestChannel reader = TestChannel.user(vertx, sim, ALICE)) {
            stalled.send("{\"auth\":{\"apiKey\":\"" + ALICE.apiKey() + "\",\"secret\":\"" + ALICE.secret()
                    + "\",\"passphrase\":\"" + ALICE.passphrase() + "\"},\"type\":\"user\"}");
            stalled.send("PING");
            assertThat(stalled.read()).isEqualTo("PONG");
            assertThat(sim.channels().subscriptions()).isEqualTo(2);
            // Bounded: the socket's and the kernel's buffers hold well under 20 rounds of 2,000 events.
            for (int round = 0; round < 20 && sim.channels().connections() > 1; round++) {
                placeMany(1000);
                sim.orders().cancelAll(ALICE.apiKey());
                reader.skip(2000);
            }

            reader.roundTrip();
            assertThat(sim.channels().connections()).as("the stalled subscriber was disconnected").isEqualTo(1);
            assertThat(sim.channels().subscriptions()).isEqualTo(1);
            assertThat(reader.waiting()).isEmpty();
        } finally {
            sim.channels().bufferLimit(Channels.DEFAULT_BUFFER);
        }
    }

    @Test
    void aSubscriberThatFallsFarBehindAndCatchesUpHearsEverythingInOrderAndStaysConnected() throws Exception {
        sim.channels().bufferLimit(100_000);
        try (RawChannel behind = RawChannel.openReadingLittle(sim.userChannelUri())) {
            behind.send("{\"auth\":{\"apiKey\":\"" + ALICE.apiKey() + "\",\"secret\":\"" + ALICE.secret()
                    + "\",\"passphrase\":\"" + ALICE.passphrase() + "\"},\"type\":\"user\"}");
            behind.send("PING");
            assertThat(behind.read()).isEqualTo("PONG");
            // 20,000 events (about 12 MB) while it reads nothing: far more than its socket (256 KB) and the
            // kernel hold, so the simulator keeps the rest queued and goes on as the client reads.
            List<List<String>> rounds = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                rounds.add(placeMany(1000));
                sim.orders().cancelAll(ALICE.apiKey());
            }

            for (List<String> ids : rounds) {
                List<String> placed = new ArrayList<>();
                List<String> canceled = new ArrayList<>();
                for (int i = 0; i < 2 * ids.size(); i++) {
                    JsonNode event = JSON.readTree(behind.read());
                    (event.get("type").asText().equals("PLACEMENT") ? placed : canceled).add(event.get("id").asText());
                    if (i == ids.size() - 1) {
                        assertThat(canceled).as("no cancellation before the round's last placement").isEmpty();
                    }
                }
                assertThat(placed).isEqualTo(ids);
                assertThat(canceled).containsExactlyInAnyOrderElementsOf(ids);
            }
            behind.send("PING");
            assertThat(behind.read()).as("still connected, nothing more on its way").isEqualTo("PONG");
            assertThat(sim.channels().connections()).isEqualTo(1);
        } finally {
            sim.channels().bufferLimit(Channels.DEFAULT_BUFFER);
        }
    }

    @Test
    void aThousandConnectionsOpenedAndDroppedLeaveNoRegistrationOrThreadBehind() {
        TestChannel.user(vertx, sim, ALICE).close();
        TestChannel.market(vertx, sim, TOKEN).close();
        TestChannel.await(sim.channels().whenNoConnections().toCompletableFuture());
        int threadsBefore = Thread.activeCount();

        for (int batch = 0; batch < 10; batch++) {
            List<TestChannel> open = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                open.add(TestChannel.user(vertx, sim, ALICE));
                open.add(TestChannel.market(vertx, sim, TOKEN));
            }
            assertThat(sim.channels().connections()).isEqualTo(100);
            open.forEach(TestChannel::close);
        }
        TestChannel.await(sim.channels().whenNoConnections().toCompletableFuture());

        assertThat(sim.channels().connections()).isZero();
        assertThat(sim.channels().subscriptions()).isZero();
        assertThat(Thread.activeCount()).as("threads").isLessThanOrEqualTo(threadsBefore);
    }
}
