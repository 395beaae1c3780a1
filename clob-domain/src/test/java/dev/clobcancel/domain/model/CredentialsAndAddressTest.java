package dev.clobcancel.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CredentialsAndAddressTest {

    private static final String SECRET = "vcR0iVnub9lwyp10npV5pN2CvxEdTzNIyk1CUjESPmE=";

    @Test
    void toStringShowsTheKeyButNeitherSecretNorPassphrase() {
        ApiCredentials creds = new ApiCredentials("key-1", SECRET, "my-passphrase");

        assertThat(creds.toString()).contains("key-1").doesNotContain(SECRET).doesNotContain("my-passphrase");
    }

    @Test
    void refusesCrLfInAnyCredentialWithoutQuotingTheSecretOnes() {
        assertThatThrownBy(() -> new ApiCredentials("key\r\nX-Evil: 1", SECRET, "p"))
                .hasMessageContaining("API key").hasMessageContaining("position 3");
        assertThatThrownBy(() -> new ApiCredentials("key", SECRET + "\n", "p"))
                .hasMessageContaining("secret").hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> new ApiCredentials("key", SECRET, "pass\nphrase"))
                .hasMessageContaining("passphrase").hasMessageNotContaining("pass\nphrase");
    }

    @Test
    void refusesBlankCredentials() {
        assertThatThrownBy(() -> new ApiCredentials(" ", SECRET, "p")).hasMessage("API key is blank");
        assertThatThrownBy(() -> new ApiCredentials("k", SECRET, "")).hasMessage("passphrase is blank");
    }

    @Test
    void addressIsComparedWithoutRegardToCase() {
        Address checksummed = Address.of("0x9fB29AAc15b9A4B7F17c3385939b007540f4d791");

        assertThat(checksummed.sameAccountAs("0x9fb29aac15b9a4b7f17c3385939b007540f4d791")).isTrue();
        assertThat(checksummed.sameAccountAs("0x0000000000000000000000000000000000000000")).isFalse();
        assertThat(checksummed.sameAccountAs(null)).isFalse();
    }

    @Test
    void refusesAMalformedAddress() {
        assertThatThrownBy(() -> Address.of("0x123")).hasMessageContaining("0x and 40 hex digits");
        assertThatThrownBy(() -> Address.of("9fB29AAc15b9A4B7F17c3385939b007540f4d79100")).hasMessageContaining("invalid address");
    }

    @Test
    void cancelResultFindsIdsWhateverTheirCase() {
        OrderId id = OrderId.of("0xABCDEF1234567890abcdef1234567890abcdef12");
        CancelResult result = new CancelResult(java.util.List.of(OrderId.of("0xabcdef1234567890ABCDEF1234567890ABCDEF12")),
                java.util.Map.of(OrderId.of("0x1111111111111111111111111111111111111111"), "Order already matched"));

        assertThat(result.wasCanceled(id)).isTrue();
        assertThat(result.reasonNotCanceled(OrderId.of("0x1111111111111111111111111111111111111111"))).contains("Order already matched");
        assertThat(result.reasonNotCanceled(id)).isEmpty();
    }
}
