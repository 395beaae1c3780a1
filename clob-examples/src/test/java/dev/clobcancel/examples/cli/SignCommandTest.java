package dev.clobcancel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code clob sign}, checked against the published signature vector. */
class SignCommandTest {

    private static final long VECTOR_TIMESTAMP = 1703357068;
    private static final String VECTOR_BODY = "{\"orderID\":\"0x0fa2941acac70699d17cd83363bf92ed5d8d0743a06d9f34f9a58de696a0b791\"}";
    private static final String VECTOR_SIGNATURE = "Vwk45D0a5Ts5ldPGhoUlJ6aB1HQZhs2SgW19WDKZuD0=";
    private static final TestAccount ACCOUNT = new TestAccount(
            new ApiCredentials("6f1c5a3e-0000-4000-8000-000000000001", "vcR0iVnub9lwyp10npV5pN2CvxEdTzNIyk1CUjESPmE=",
                    "pass-phrase-123"),
            Address.of("0x9fB29AAc15b9A4B7F17c3385939b007540f4d791"));

    /** The clock reads the vector's time, so that "now" is known. */
    private final CliRunner cli = new CliRunner(Clock.fixed(Instant.ofEpochSecond(VECTOR_TIMESTAMP), ZoneOffset.UTC));

    @AfterEach
    void neitherSecretNorPassphraseWasPrinted() {
        assertThat(cli.everythingPrinted())
                .doesNotContain(ACCOUNT.credentials().secret())
                .doesNotContain(ACCOUNT.credentials().passphrase());
    }

    @Test
    void printsTheHeadersInTheOrderSentWithThePassphraseRedacted() {
        CliRunner.Run run = signVector(ACCOUNT.env(), "--timestamp", Long.toString(VECTOR_TIMESTAMP));

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly(
                "POLY_ADDRESS: 0x9fB29AAc15b9A4B7F17c3385939b007540f4d791",
                "POLY_SIGNATURE: " + VECTOR_SIGNATURE,
                "POLY_TIMESTAMP: 1703357068",
                "POLY_API_KEY: 6f1c5a3e-0000-4000-8000-000000000001",
                "POLY_PASSPHRASE: <redacted>");
    }

    @Test
    void printsTheExactSignedMessageOnStderr() {
        CliRunner.Run run = signVector(ACCOUNT.env(), "--timestamp", Long.toString(VECTOR_TIMESTAMP));

        assertThat(run.errLines()).contains("1703357068DELETE/order" + VECTOR_BODY);
    }

    @Test
    void theTimestampDefaultsToNow() {
        CliRunner.Run run = signVector(ACCOUNT.env());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).contains("POLY_TIMESTAMP: 1703357068", "POLY_SIGNATURE: " + VECTOR_SIGNATURE);
    }

    @Test
    void withoutABodyNothingIsAppendedToTheSignedMessage() {
        CliRunner.Run run = cli.run(ACCOUNT.env(), "sign", "--method", "GET", "--path", "/time");

        assertThat(run.exitCode()).isZero();
        assertThat(run.errLines()).contains("1703357068GET/time");
    }

    @Test
    void signsTheMethodExactlyAsGivenAndNotesThatMethodsAreUpperCase() {
        CliRunner.Run run = cli.run(ACCOUNT.env(), "sign", "--method", "delete", "--path", "/order", "--body", VECTOR_BODY);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain(VECTOR_SIGNATURE);
        assertThat(run.errLines()).contains("1703357068delete/order" + VECTOR_BODY);
        assertThat(run.err()).contains("HTTP methods are upper case");
    }

    @Test
    void aMissingEnvironmentVariableExitsTwoNamingIt() {
        CliRunner.Run run = signVector(ACCOUNT.envWith("CLOB_SECRET", null));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing environment variable CLOB_SECRET");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aPathWithoutTheLeadingSlashExitsTwo() {
        CliRunner.Run run = cli.run(ACCOUNT.env(), "sign", "--method", "DELETE", "--path", "order");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--path must be a request path");
    }

    @Test
    void aTimestampThatIsNotANumberExitsTwo() {
        CliRunner.Run run = signVector(ACCOUNT.env(), "--timestamp", "yesterday");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--timestamp").contains("yesterday");
    }

    private CliRunner.Run signVector(Map<String, String> env, String... more) {
        String[] args = {"sign", "--method", "DELETE", "--path", "/order", "--body", VECTOR_BODY};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return cli.run(env, all);
    }
}
