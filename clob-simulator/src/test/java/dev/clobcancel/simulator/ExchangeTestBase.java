package dev.clobcancel.simulator;

import org.junit.jupiter.api.BeforeEach;

/**
 * The set-up the exchange-endpoint tests share: the class's simulator (from its own registered
 * extension, reset before each test), a plain HTTP client on it, and Alice's and Bob's accounts.
 */
abstract class ExchangeTestBase {

    ClobSimulator sim;
    TestHttp http;

    @BeforeEach
    void connectAndOpenAccounts(ClobSimulator sim) {
        this.sim = sim;
        this.http = new TestHttp(sim.baseUri());
        SimulatorFixture.addAccounts(sim);
    }
}
