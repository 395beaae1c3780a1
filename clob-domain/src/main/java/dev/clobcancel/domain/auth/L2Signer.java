package dev.clobcancel.domain.auth;

import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import java.util.Objects;

/**
 * Makes the L2 headers of one account's requests.
 *
 * <pre>{@code
 * L2Signer signer = new L2Signer(credentials, address);
 * L2Headers headers = signer.headers(clock.instant().getEpochSecond(), "DELETE", "/order", body);
 * }</pre>
 */
public final class L2Signer {

    private final ApiCredentials credentials;
    private final Address address;
    private final L2Signature signature;

    public L2Signer(ApiCredentials credentials, Address address) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.address = Objects.requireNonNull(address, "address");
        this.signature = L2Signature.forSecret(credentials.secret());
    }

    /** The headers for a request; {@code body} is the exact bytes that will be sent, or null. */
    public L2Headers headers(long timestampSeconds, String method, String requestPath, byte[] body) {
        return new L2Headers(credentials.apiKey(), address.value(),
                signature.sign(timestampSeconds, method, requestPath, body),
                timestampSeconds, credentials.passphrase());
    }

    public Address address() {
        return address;
    }

    @Override
    public String toString() {
        return "L2Signer[apiKey=" + credentials.apiKey() + ", address=" + address + "]";
    }
}
