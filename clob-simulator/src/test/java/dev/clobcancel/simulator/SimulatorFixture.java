package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.OrderSpec.order;

import dev.clobcancel.domain.auth.L2Signer;
import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Accounts and orders the simulator tests share. */
final class SimulatorFixture {

    static final String MARKET = "0x" + "5f".repeat(32);
    /** The id of an order a test submits to cross a resting one. */
    static final String TAKER_ID = "0x" + "ab".repeat(32);
    static final String TOKEN = "71321045679252212594626385532706912750332728571942532289631379312455583992563";

    static final ApiCredentials ALICE = new ApiCredentials("11111111-1111-4111-8111-111111111111",
            "vcR0iVnub9lwyp10npV5pN2CvxEdTzNIyk1CUjESPmE=", "alice-passphrase");
    static final Address ALICE_ADDRESS = Address.of("0x9fB29AAc15b9A4B7F17c3385939b007540f4d791");
    static final ApiCredentials BOB = new ApiCredentials("22222222-2222-4222-8222-222222222222",
            "jCCK2cC7tg3CgvOom3BZybnYVyBoAFGzkfVpPDqiyYY=", "bob-passphrase");
    static final Address BOB_ADDRESS = Address.of("0x1111111111111111111111111111111111111111");

    /** The simulators of these tests tell this time, so a signed request's timestamp is known. */
    static final long NOW = 1_764_000_000L;

    static SimulatorOptions stoppedClock() {
        return stoppedClockBuilder().build();
    }

    /** The options of {@link #stoppedClock()}, to change a few. */
    static SimulatorOptions.Builder stoppedClockBuilder() {
        return SimulatorOptions.builder().clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    }

    static final L2Signer ALICE_SIGNS = new L2Signer(ALICE, ALICE_ADDRESS);
    static final L2Signer BOB_SIGNS = new L2Signer(BOB, BOB_ADDRESS);

    private SimulatorFixture() {
    }

    static void addAccounts(ClobSimulator sim) {
        sim.addAccount(ALICE, ALICE_ADDRESS);
        sim.addAccount(BOB, BOB_ADDRESS);
    }

    static String liveOrderOf(ClobSimulator sim, ApiCredentials owner) {
        return sim.place(order().owner(owner.apiKey()).market(MARKET).asset(TOKEN).buy().price("0.5").size("10")).value();
    }

    static String cancelBody(String id) {
        return "{\"orderID\":\"" + id + "\"}";
    }
}
