package dev.clobcancel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code clob demo}: its own simulator, its own credentials, and a readable account of each step. */
class DemoCommandTest {

    private final CliRunner cli = new CliRunner();

    @Test
    void showsEachKindOfAnswerAndExitsZeroWhenAllWentAsExpected() {
        // The demo needs no environment: it makes its own account.
        CliRunner.Run run = cli.run(Map.of(), "demo");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("-> canceled")
                .contains("-> not canceled: Order not found or already canceled")
                .contains("-> not canceled: Order already matched")
                .contains("-> rejected: HTTP 401 Invalid API key")
                .contains("All 6 steps behaved as expected.")
                .doesNotContain("UNEXPECTED");
        assertThat(run.err()).isEmpty();
    }
}
