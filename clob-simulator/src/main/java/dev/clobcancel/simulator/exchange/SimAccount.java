package dev.clobcancel.simulator.exchange;

import dev.clobcancel.domain.auth.L2Signature;
import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import java.util.Objects;

/**
 * An account of the simulated exchange: its L2 credentials and the address that owns them. The
 * signing key is decoded once, here, so a request's check does no set-up.
 */
public record SimAccount(ApiCredentials credentials, Address address, L2Signature signature) {

    public SimAccount {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(signature, "signature");
    }

    public static SimAccount of(ApiCredentials credentials, Address address) {
        return new SimAccount(credentials, address, L2Signature.forSecret(credentials.secret()));
    }

    public String apiKey() {
        return credentials.apiKey();
    }

    @Override
    public String toString() {
        return "SimAccount[apiKey=" + apiKey() + ", address=" + address + "]";
    }
}
