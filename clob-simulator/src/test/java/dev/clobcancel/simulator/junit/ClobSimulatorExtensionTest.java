package dev.clobcancel.simulator.junit;

import static dev.clobcancel.simulator.OrderSpec.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.simulator.ClobSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

@ClobSimulatorTest(seed = 99)
class ClobSimulatorExtensionTest {

    static ClobSimulator firstSeen;

    @BeforeAll
    static void injectedBeforeAllToo(ClobSimulator sim) {
        firstSeen = sim;
    }

    @Test
    void injectsOneRunningSimulatorForTheWholeClass(ClobSimulator sim) {
        assertThat(sim).isSameAs(firstSeen);
        assertThat(sim.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(sim.port()).isPositive();
    }

    /** Whichever repetition runs second, it finds the first one's account gone. */
    @RepeatedTest(2)
    void resetsBeforeEachTest(ClobSimulator sim) {
        assertThat(sim.account("k")).isEmpty();

        sim.addAccount(new ApiCredentials("k", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "p"),
                Address.of("0x1111111111111111111111111111111111111111"));
    }

    @RepeatedTest(2)
    void usesTheSeedOfTheAnnotationFromTheFirstDrawOnEachTest(ClobSimulator sim) {
        sim.addAccount(new ApiCredentials("k", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "p"),
                Address.of("0x1111111111111111111111111111111111111111"));

        String id = sim.place(order().owner("k").market("0xm").asset("1").sell().price("0.4").size("1")).value();

        assertThat(id).isEqualTo(firstIdOfSeed99());
    }

    private static String firstIdOfSeed99() {
        byte[] hash = new byte[32];
        new java.util.Random(99).nextBytes(hash);
        return "0x" + java.util.HexFormat.of().formatHex(hash);
    }
}
