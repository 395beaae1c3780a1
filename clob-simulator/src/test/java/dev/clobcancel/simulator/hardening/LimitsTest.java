package dev.clobcancel.simulator.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.SimulatorOptions;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the simulator will not hold: oversized headers and request lines, and silent connections. */
class LimitsTest {

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(
            SimulatorOptions.builder().idleTimeout(Duration.ofSeconds(1)).build());

    private static String exchange(ClobSimulator sim, String request) throws IOException {
        try (Socket socket = new Socket(sim.baseUri().getHost(), sim.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void headersOverTheLimitAreA431NamingTheProblem(ClobSimulator sim) throws IOException {
        String answer = exchange(sim, "GET /time HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 431 ").contains("{\"error\":\"malformed HTTP request: ");
    }

    @Test
    void aRequestLineOverTheLimitIsA414(ClobSimulator sim) throws IOException {
        String answer = exchange(sim, "GET /" + "p".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(answer).matches("(?s)HTTP/1\\.[01] 414 .*").contains("{\"error\":");
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeout(ClobSimulator sim) throws IOException {
        try (Socket socket = new Socket(sim.baseUri().getHost(), sim.port())) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();

            long started = System.nanoTime();
            assertThat(in.read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(9));
        }
    }
}
