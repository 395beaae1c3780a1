package dev.clobcancel.adapter.http;

import static dev.clobcancel.adapter.http.TestSupport.CREDS;

import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.SimulatorOptions;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import dev.clobcancel.simulator.time.ManualClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A simulator and a client of its account on one manual clock, the client's waits going at once
 * and moving the clock on by what they asked (recorded in {@link #scheduler}): what the exchange
 * holds for a time, and the client waits out, takes no time in a test.
 */
abstract class ManualTimeFixture {

    static final ManualClock CLOCK = ManualClock.at(Instant.parse("2026-06-20T12:00:00Z"));

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorOptions.builder().clock(CLOCK).build());

    ClobSimulator sim;
    InstantScheduler scheduler;
    ClobHttpClient client;

    @BeforeEach
    void freshAccountAndClient(ClobSimulator sim) {
        this.sim = sim;
        sim.addAccount(CREDS, TestSupport.ADDRESS);
        scheduler = new InstantScheduler(CLOCK);
        client = TestSupport.clientOnManualTime(sim, CLOCK, scheduler).build();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }
}
