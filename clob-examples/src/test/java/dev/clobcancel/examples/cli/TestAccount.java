package dev.clobcancel.examples.cli;

import static dev.clobcancel.simulator.OrderSpec.order;

import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.simulator.ClobSimulator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/** An account with fresh random credentials, and the environment that names it to {@code clob}. */
record TestAccount(ApiCredentials credentials, Address address) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static TestAccount random(String address) {
        return new TestAccount(new ApiCredentials(UUID.randomUUID().toString(), randomSecret(),
                "pass-" + HexFormat.of().formatHex(randomBytes(12))), Address.of(address));
    }

    /** 32 random bytes, url-safe base64 with padding, as the exchange hands secrets out. */
    static String randomSecret() {
        return Base64.getUrlEncoder().encodeToString(randomBytes(32));
    }

    /** A simulator on a free loopback port that knows this account. */
    ClobSimulator startSimulator() {
        ClobSimulator simulator = ClobSimulator.start();
        simulator.addAccount(credentials, address);
        return simulator;
    }

    /** Places a live order of this account on {@code sim}, in {@code market} (asset {@code market-token}); its id. */
    String placeOrder(ClobSimulator sim, String market) {
        return sim.place(order().owner(credentials.apiKey()).market(market).asset(market + "-token").buy().price("0.5").size("10")).value();
    }

    /** CLOB_API_KEY, CLOB_SECRET, CLOB_PASS_PHRASE and CLOB_ADDRESS of this account; a copy to change. */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("CLOB_API_KEY", credentials.apiKey());
        env.put("CLOB_SECRET", credentials.secret());
        env.put("CLOB_PASS_PHRASE", credentials.passphrase());
        env.put("CLOB_ADDRESS", address.value());
        return env;
    }

    /** The environment with {@code name} set to {@code value}, or removed when value is null. */
    Map<String, String> envWith(String name, String value) {
        Map<String, String> env = env();
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return env;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
