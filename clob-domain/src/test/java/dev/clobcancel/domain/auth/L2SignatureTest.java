package dev.clobcancel.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class L2SignatureTest {

    private static final String SECRET = "vcR0iVnub9lwyp10npV5pN2CvxEdTzNIyk1CUjESPmE=";
    private static final byte[] BODY = "{\"orderID\":\"0xabc\"}".getBytes(StandardCharsets.UTF_8);

    private final L2Signature hmac = L2Signature.forSecret(SECRET);

    @Test
    void signatureIsUrlSafeBase64WithPadding() {
        String sig = hmac.sign(1703357068, "DELETE", "/order", BODY);

        assertThat(sig).matches("[A-Za-z0-9_-]{43}=");
    }

    @Test
    void anEmptyBodySignsLikeNoBody() {
        assertThat(hmac.sign(1, "DELETE", "/cancel-all", new byte[0]))
                .isEqualTo(hmac.sign(1, "DELETE", "/cancel-all", (byte[]) null));
    }

    @Test
    void everyPartOfTheMessageIsSigned() {
        String base = hmac.sign(100, "DELETE", "/order", BODY);

        assertThat(hmac.sign(101, "DELETE", "/order", BODY)).isNotEqualTo(base);
        assertThat(hmac.sign(100, "POST", "/order", BODY)).isNotEqualTo(base);
        assertThat(hmac.sign(100, "DELETE", "/orders", BODY)).isNotEqualTo(base);
        assertThat(hmac.sign(100, "DELETE", "/order", "{\"orderID\": \"0xabc\"}")).isNotEqualTo(base);
    }

    @Test
    void verifyRefusesAnotherSecretsSignatureAndAcceptsEitherAlphabet() {
        String sig = hmac.sign(100, "DELETE", "/order", BODY);
        String other = L2Signature.forSecret("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").sign(100, "DELETE", "/order", BODY);
        String standardAlphabet = sig.replace('-', '+').replace('_', '/');

        assertThat(hmac.verify(sig, 100, "DELETE", "/order", BODY)).isTrue();
        assertThat(hmac.verify(standardAlphabet, 100, "DELETE", "/order", BODY)).isTrue();
        assertThat(hmac.verify(other, 100, "DELETE", "/order", BODY)).isFalse();
        assertThat(hmac.verify(null, 100, "DELETE", "/order", BODY)).isFalse();
    }

    @Test
    void messageShowsExactlyWhatIsSigned() {
        assertThat(L2Signature.message(1703357068, "DELETE", "/order", BODY))
                .isEqualTo("1703357068DELETE/order{\"orderID\":\"0xabc\"}");
        assertThat(L2Signature.message(1, "DELETE", "/cancel-all", null)).isEqualTo("1DELETE/cancel-all");
    }

    @Test
    void aSecretThatIsNotBase64IsRefusedWithoutQuotingIt() {
        String bad = "not base64 at all!*";

        assertThatThrownBy(() -> L2Signature.forSecret(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not base64")
                .hasMessageNotContaining(bad)
                .hasMessageNotContaining("*");
    }

    @Test
    void anEmptySecretIsRefused() {
        assertThatThrownBy(() -> L2Signature.forSecret("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> L2Signature.forSecret("==")).hasMessageContaining("no bytes");
    }

    @Test
    void toStringShowsNoKey() {
        assertThat(hmac.toString()).doesNotContain(SECRET).contains("redacted");
    }
}
