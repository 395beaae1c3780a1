package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.SimulatorFixture.ALICE;
import static dev.clobcancel.simulator.SimulatorFixture.ALICE_SIGNS;
import static dev.clobcancel.simulator.SimulatorFixture.MARKET;
import static dev.clobcancel.simulator.SimulatorFixture.NOW;
import static dev.clobcancel.simulator.SimulatorFixture.liveOrderOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A cancel's CANCELLATION event is on the subscriber's socket before the HTTP answer of the
 * cancel that caused it: when the answer has come, the event's bytes are already there, unread.
 */
class EventOrderTest extends ExchangeTestBase {

    static final int ROUNDS = 10;

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorFixture.stoppedClock());

    static Stream<Arguments> cancels() {
        Function<String, String[]> one = id -> new String[] {"/order", SimulatorFixture.cancelBody(id)};
        Function<String, String[]> batch = id -> new String[] {"/orders", TestChannel.array(id)};
        Function<String, String[]> all = id -> new String[] {"/cancel-all", null};
        Function<String, String[]> market = id -> new String[] {"/cancel-market-orders", "{\"market\":\"" + MARKET + "\"}"};
        return Stream.of(Arguments.of("DELETE /order", one), Arguments.of("DELETE /orders", batch),
                Arguments.of("DELETE /cancel-all", all), Arguments.of("DELETE /cancel-market-orders", market));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cancels")
    void theCancellationIsOnTheSocketBeforeTheAnswer(String name, Function<String, String[]> request) {
        try (RawChannel channel = RawChannel.open(sim.userChannelUri())) {
            channel.send("{\"auth\":{\"apiKey\":\"" + ALICE.apiKey() + "\",\"secret\":\"" + ALICE.secret()
                    + "\",\"passphrase\":\"" + ALICE.passphrase() + "\"},\"type\":\"user\"}");
            channel.send("PING");
            assertThat(channel.read()).isEqualTo("PONG");
            // Each time a race the event could lose; ten in a row it never does.
            for (int i = 0; i < ROUNDS; i++) {
                String id = liveOrderOf(sim, ALICE);
                assertThat(json(channel.read()).get("type").asText()).isEqualTo("PLACEMENT");

                String[] pathAndBody = request.apply(id);
                HttpResponse<String> answer = http.signed(ALICE_SIGNS, NOW, "DELETE", pathAndBody[0], pathAndBody[1]);

                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(channel.unread()).as("bytes of the event on the socket when the answer came").isPositive();
                JsonNode event = json(channel.read());
                assertThat(event.get("type").asText()).isEqualTo("CANCELLATION");
                assertThat(event.get("id").asText()).isEqualTo(id);
            }
        }
    }

    private static JsonNode json(String text) {
        try {
            return TestHttp.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
