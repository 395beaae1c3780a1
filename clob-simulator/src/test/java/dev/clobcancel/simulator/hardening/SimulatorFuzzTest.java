package dev.clobcancel.simulator.hardening;

import static dev.clobcancel.simulator.OrderSpec.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.clobcancel.domain.auth.L2Signer;
import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.SimulatorOptions;
import dev.clobcancel.simulator.exchange.OrderView;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Thousands of generated malformed requests against the exchange and admin endpoints: never a
 * 5xx, never a hang, a refused request changes nothing, and the simulator answers normally after.
 * Seeded ({@code -Dfuzz.seed=N}, {@code -Dfuzz.requests=N}) so a failure repeats. Rules and modes
 * that make 5xx on purpose ({@code /_sim/faults}, {@code /_sim/mode}, {@code /_sim/reset}) are not fuzzed.
 */
class SimulatorFuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 20_261_125L);
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 3000);
    static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.[01] (\\d{3}) ");
    static final ApiCredentials ALICE = new ApiCredentials("k-1", "vcR0iVnub9lwyp10npV5pN2CvxEdTzNIyk1CUjESPmE=", "p-1");
    static final Address ADDRESS = Address.of("0x9fB29AAc15b9A4B7F17c3385939b007540f4d791");

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorOptions.defaults());

    /** The status answered (-1 when the connection closed without an answer) and the body. */
    record Answer(int status, String body) {
    }

    private static Answer send(ClobSimulator sim, byte[] request) throws IOException {
        try (Socket socket = new Socket(sim.baseUri().getHost(), sim.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException closedEarly) {
                // The server may refuse and close before it has read everything; its answer still counts.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read = in.read(buffer); read != -1 && answer.size() < 64 * 1024; read = in.read(buffer)) {
                    answer.write(buffer, 0, read);
                }
            } catch (SocketTimeoutException hang) {
                throw new AssertionError("no answer and no close within 5 s", hang);
            } catch (IOException reset) {
                // A reset after the answer (the server closing with unread input) leaves the answer intact.
            }
            String text = answer.toString(StandardCharsets.UTF_8);
            Matcher status = STATUS_LINE.matcher(text);
            int end = text.indexOf("\r\n\r\n");
            return new Answer(status.find() ? Integer.parseInt(status.group(1)) : -1, end < 0 ? "" : text.substring(end + 4));
        }
    }

    /** What a refused request must not change. */
    private static String snapshot(ClobSimulator sim, List<String> ids) {
        StringBuilder state = new StringBuilder();
        for (String id : ids) {
            OrderView order = sim.order(OrderId.of(id)).orElseThrow();
            state.append(order.status()).append(order.sizeMatched().toPlainString()).append(';');
        }
        state.append(sim.account("k-1").isPresent()).append(sim.markets().all().keySet())
                .append(sim.faults().list().size()).append(sim.mode());
        return state.toString();
    }

    @Test
    void thousandsOfMalformedRequestsGetAClearRefusalAndChangeNothing(ClobSimulator sim) throws Exception {
        sim.addAccount(ALICE, ADDRESS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(sim.place(order().owner("k-1").market("0xm").asset("1").sell().price(i % 2 == 0 ? "0.4" : "0.6").size("10")).value());
        }
        RequestFuzzer fuzzer = new RequestFuzzer(SEED);
        int refused = 0;
        for (int i = 0; i < REQUESTS; i++) {
            RequestFuzzer.Fuzzed request = fuzzer.next();
            String before = snapshot(sim, ids);
            Answer answer;
            try {
                answer = send(sim, request.bytes());
            } catch (AssertionError hang) {
                throw new AssertionError("request " + i + " of seed " + SEED + ", " + request.description() + ": " + hang.getMessage());
            }
            int status = answer.status();
            if (status >= 500) {
                fail("request %d of seed %d, %s, answered %d", i, SEED, request.description(), status);
            }
            if (status >= 400 && !answer.body().isEmpty()) {
                assertThat(answer.body()).as("the refusal of request %d of seed %d, %s", i, SEED, request.description())
                        .startsWith("{\"error\":\"");
            }
            if (status >= 400 || status == -1) {
                refused++;
                assertThat(snapshot(sim, ids)).as("state after request %d of seed %d, %s", i, SEED, request.description())
                        .isEqualTo(before);
            }
        }

        assertThat(refused).as("refused requests").isGreaterThan(REQUESTS / 2);
        answersNormallyAfter(sim, ids.get(0));
    }

    private static void answersNormallyAfter(ClobSimulator sim, String id) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertThat(client.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/time")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        String body = "{\"orderID\":\"" + id + "\"}";
        long now = java.time.Instant.now().getEpochSecond();
        HttpRequest.Builder cancel = HttpRequest.newBuilder(URI.create(sim.baseUri() + "/order"))
                .method("DELETE", HttpRequest.BodyPublishers.ofString(body));
        new L2Signer(ALICE, ADDRESS).headers(now, "DELETE", "/order", body.getBytes(StandardCharsets.UTF_8)).asMap()
                .forEach(cancel::header);
        HttpResponse<String> answer = client.send(cancel.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).isEqualTo("{\"canceled\":[\"" + id + "\"],\"not_canceled\":{}}");
    }
}
