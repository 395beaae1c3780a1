package dev.clobcancel.adapter.http;

import static dev.clobcancel.adapter.http.TestSupport.ADDRESS;
import static dev.clobcancel.adapter.http.TestSupport.CREDS;
import static dev.clobcancel.adapter.http.TestSupport.closedLoopbackPort;
import static dev.clobcancel.adapter.http.TestSupport.failure;
import static dev.clobcancel.adapter.http.TestSupport.liveOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.domain.model.MarketCancel;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.retry.RetryPolicy;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.faults.FaultAction;
import dev.clobcancel.simulator.faults.FaultRule;
import dev.clobcancel.simulator.junit.ClobSimulatorTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every failure the client can produce, with its logging at DEBUG: neither the secret nor the
 * passphrase appears in any message, cause, suppressed failure, stack trace, toString or log line.
 */
@ClobSimulatorTest
class SecretsNeverShownTest {

    /** Secrets that would stand out anywhere they leaked. */
    static final String SECRET = "c2VjcmV0LXRoYXQtbXVzdC1uZXZlci1sZWFrLTAwMDA=";
    static final String PASSPHRASE = "passphrase-that-must-never-leak";
    static final ApiCredentials LEAKY = new ApiCredentials(CREDS.apiKey(), SECRET, PASSPHRASE);

    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private final List<String> produced = new ArrayList<>();
    private ClobSimulator sim;

    @BeforeEach
    void captureLogs(ClobSimulator sim) {
        this.sim = sim;
        sim.addAccount(CREDS, ADDRESS);
        originalErr = System.err;
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLogs() {
        System.setErr(originalErr);
    }

    /** Everything a failure says, however deep: message, toString, causes, suppressed, stack trace. */
    private void collect(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        produced.add(trace.toString());
    }

    private void run(ClobHttpClientBuilder builder, Function<ClobHttpClient, CompletionStage<?>> call) throws Exception {
        try (ClobHttpClient client = builder.build()) {
            produced.add(client.toString());
            Throwable failure = failure(call.apply(client));
            if (failure != null) {
                collect(failure);
            }
        }
    }

    private ClobHttpClientBuilder leaky(String host) {
        return ClobHttpClient.builder().host(host).credentials(LEAKY).address(ADDRESS)
                .attemptTimeout(Duration.ofMillis(300)).deadline(Duration.ofSeconds(2))
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(2).withBaseDelay(Duration.ofMillis(1)));
    }

    @Test
    void noFailureNorLogLineShowsTheSecretOrPassphrase() throws Exception {
        String host = sim.baseUri().toString();
        OrderId id = liveOrder(sim);

        run(leaky(host), client -> client.cancelOrder(id));
        run(leaky(host), client -> client.cancelOrders(List.of(id, liveOrder(sim))));
        run(leaky(host), ClobHttpClient::cancelAll);
        run(leaky(host), client -> client.cancelMarketOrders(MarketCancel.market(TestSupport.MARKET)));
        run(leaky(host).useServerTimeRefreshedEvery(Duration.ofMinutes(1)), client -> client.cancelOrder(id));
        for (FaultRule rule : List.of(FaultRule.respond(500).build(), FaultRule.respond(503).build(),
                FaultRule.respond(429, "{\"error\":\"slow\",\"retry_after_seconds\":99}").build(), FaultRule.of(FaultAction.RESET).build(),
                FaultRule.of(FaultAction.EMPTY).build(), FaultRule.of(FaultAction.HANG).build(), FaultRule.respond(200, "not json").build())) {
            sim.faults().clear();
            sim.faults().add(rule);
            run(leaky(host).credentials(CREDS), client -> client.cancelOrder(id));
            run(leaky(host), client -> client.cancelOrder(id));
        }
        sim.faults().clear();
        run(leaky("http://127.0.0.1:" + closedLoopbackPort()), client -> client.cancelOrder(id));
        produced.add(LEAKY.toString());
        produced.add(logs.toString(StandardCharsets.UTF_8));

        assertThat(produced).hasSizeGreaterThan(20);
        assertThat(logs.toString(StandardCharsets.UTF_8)).as("the client's debug log, captured").contains("DELETE /order");
        assertThat(String.join("\n", produced))
                .as("everything the client produced")
                .contains("Invalid API key")
                .doesNotContain(SECRET)
                .doesNotContain(SECRET.replace('=', ' ').trim())
                .doesNotContain(PASSPHRASE);
    }
}
