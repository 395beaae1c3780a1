package dev.clobcancel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.simulator.junit.ClobSimulatorTest;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clients that stop half-way through a request hold a connection each, and nothing more. */
@ClobSimulatorTest
class StalledClientTest {

    @Test
    void stalledRequestsDoNotBlockOthers(ClobSimulator sim) throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Socket socket = new Socket(sim.baseUri().getHost(), sim.port());
                OutputStream out = socket.getOutputStream();
                String partial = i % 2 == 0 ? "DELETE /order HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"orderID\""
                        : "GET /time HTTP/1.1\r\nHost: x\r\nPOLY_API";
                out.write(partial.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stalled.add(socket);
            }

            TestHttp http = new TestHttp(sim.baseUri());
            for (int i = 0; i < 20; i++) {
                assertThat(http.get("/time").statusCode()).isEqualTo(200);
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }
}
