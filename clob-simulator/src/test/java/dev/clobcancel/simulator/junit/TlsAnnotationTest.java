package dev.clobcancel.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.simulator.ClobSimulator;
import java.nio.file.Files;
import java.time.Clock;
import org.junit.jupiter.api.Test;

@ClobSimulatorTest(tls = true, seed = 7)
class TlsAnnotationTest {

    @Test
    void servesHttpsAndWssWithTheCertificateAtHand(ClobSimulator sim) {
        assertThat(sim.baseUri().getScheme()).isEqualTo("https");
        assertThat(sim.userChannelUri().getScheme()).isEqualTo("wss");
        assertThat(sim.certificatePath()).hasValueSatisfying(pem -> assertThat(Files.isRegularFile(pem)).isTrue());
    }

    @Test
    void keepsTheSystemClockWhenNoneIsGiven(ClobSimulator sim) {
        assertThat(sim.clock()).isEqualTo(Clock.systemUTC());
    }
}
