package dev.clobcancel.simulator;

import static dev.clobcancel.simulator.OrderSpec.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.auth.L2Signer;
import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.assertj.SimulatorAssert;
import dev.clobcancel.simulator.exchange.ExchangeMode;
import dev.clobcancel.simulator.faults.FaultRule;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The guide's Java API example, run as written: the block in docs/simulator.md is held equal to the one here. */
class JavaApiSnippetTest {

    private static final String START = "// the guide's snippet (docs/simulator.md, Java API):\n";
    private static final String END = "// end of the guide's snippet";

    private final ApiCredentials credentials = SimulatorFixture.ALICE;
    private final Address address = SimulatorFixture.ALICE_ADDRESS;
    private final String market = SimulatorFixture.MARKET;
    private final String tokenId = SimulatorFixture.TOKEN;

    /** What the snippet calls the client under test: a cancel is one signed {@code DELETE /order}, sent again after a 503. */
    interface YourClient {
        void cancel(OrderId id);
    }

    private YourClient yourClient(URI baseUri) {
        TestHttp http = new TestHttp(baseUri);
        L2Signer signer = new L2Signer(credentials, address);
        return id -> {
            for (int attempt = 0; attempt < 3; attempt++) {
                int status = http.signed(signer, SimulatorFixture.NOW, "DELETE", "/order", SimulatorFixture.cancelBody(id.value()))
                        .statusCode();
                if (status != 503) {
                    return;
                }
            }
        };
    }

    @Test
    void theGuidesSnippetRunsAsWritten() {
        // the guide's snippet (docs/simulator.md, Java API):
        try (ClobSimulator sim = ClobSimulator.start(SimulatorOptions.builder().seed(42).authWindow(Duration.ZERO).build())) {
            sim.addAccount(credentials, address);
            OrderId id = sim.place(order().owner(credentials.apiKey()).market(market).asset(tokenId).buy().price("0.5").size("10"));
            sim.faults().add(FaultRule.respond(503).path("/order").times(1).build());
            sim.setMode(ExchangeMode.CANCEL_ONLY);

            yourClient(sim.baseUri()).cancel(id);   // the client under test: it retries the 503

            SimulatorAssert.assertThat(sim).hasOrderCanceled(id).receivedRequests("DELETE", "/order").hasSize(2);
        }
        // end of the guide's snippet
    }

    @Test
    void theGuideShowsTheSnippetThisClassRuns() throws IOException {
        Path root = Path.of(System.getProperty("repo.root", ".."));
        String guide = Files.readString(root.resolve("docs/simulator.md"));
        String section = guide.substring(guide.indexOf("### Java API"));
        String shown = section.substring(section.indexOf("```java\n") + "```java\n".length(), section.indexOf("```\n", 8));
        String source = Files.readString(root.resolve("clob-simulator/src/test/java/dev/clobcancel/simulator/JavaApiSnippetTest.java"));
        String run = source.substring(source.indexOf(START, source.indexOf("void theGuidesSnippetRunsAsWritten")) + START.length(),
                source.lastIndexOf(END));

        assertThat(run.replaceAll("(?m)^ {8}", "").strip()).isEqualTo(shown.strip());
    }
}
