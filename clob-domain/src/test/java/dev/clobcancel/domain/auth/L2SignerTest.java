package dev.clobcancel.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class L2SignerTest {

    private final ApiCredentials creds = new ApiCredentials("6f1c5a3e-0000-4000-8000-000000000001",
            "vcR0iVnub9lwyp10npV5pN2CvxEdTzNIyk1CUjESPmE=", "pass-phrase-123");
    private final Address address = Address.of("0x9fB29AAc15b9A4B7F17c3385939b007540f4d791");
    private final L2Signer signer = new L2Signer(creds, address);

    @Test
    void headersCarryTheSignatureOfTheRequestAndTheAccount() {
        byte[] body = "{\"orderID\":\"0x0fa2941acac70699d17cd83363bf92ed5d8d0743a06d9f34f9a58de696a0b791\"}"
                .getBytes(StandardCharsets.UTF_8);

        L2Headers headers = signer.headers(1703357068, "DELETE", "/order", body);

        assertThat(headers.asMap()).containsExactly(
                entry("POLY_ADDRESS", address.value()),
                entry("POLY_SIGNATURE", "Vwk45D0a5Ts5ldPGhoUlJ6aB1HQZhs2SgW19WDKZuD0="),
                entry("POLY_TIMESTAMP", "1703357068"),
                entry("POLY_API_KEY", creds.apiKey()),
                entry("POLY_PASSPHRASE", "pass-phrase-123"));
    }

    @Test
    void toStringsShowNeitherSecretNorPassphrase() {
        L2Headers headers = signer.headers(1, "DELETE", "/order", null);

        assertThat(headers.toString() + signer + creds)
                .doesNotContain(creds.secret())
                .doesNotContain(creds.passphrase());
    }
}
