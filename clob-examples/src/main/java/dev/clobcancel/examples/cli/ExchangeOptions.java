package dev.clobcancel.examples.cli;

import dev.clobcancel.adapter.http.ClobHttpClient;
import dev.clobcancel.adapter.http.ClobHttpClientBuilder;
import dev.clobcancel.domain.retry.RetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of every command that talks to the exchange: where it is, how long a cancel may
 * take, whether it is retried, and whose clock dates the signature.
 */
final class ExchangeOptions {

    /** Server time is measured once per run; a command never lives long enough to refresh it. */
    private static final Duration SERVER_TIME_REFRESH = Duration.ofMinutes(5);

    @Option(names = "--host", required = true, paramLabel = "URL", converter = Converters.Hosts.class,
            description = "The CLOB's URL, such as https://clob.polymarket.com: http or https, no path.")
    URI host;

    @Option(names = {"--deadline-ms", "--timeout-ms"}, paramLabel = "MS",
            description = "The longest the cancel may take, every attempt and every wait between them included "
                    + "(default: ${DEFAULT-VALUE}). --timeout-ms is the same option.")
    long deadlineMs = ClobHttpClientBuilder.DEFAULT_DEADLINE.toMillis();

    @Option(names = "--attempt-timeout-ms", paramLabel = "MS",
            description = "The longest one attempt may wait for the exchange's whole answer (default: ${DEFAULT-VALUE}).")
    long attemptTimeoutMs = ClobHttpClientBuilder.DEFAULT_ATTEMPT_TIMEOUT.toMillis();

    @Option(names = "--no-retry",
            description = "Send once and report the first failure, instead of sending again after a 425, a 429, "
                    + "a 500, 502 or 504, or a lost connection.")
    boolean noRetry;

    @Option(names = "--server-time",
            description = "Sign with the exchange's clock (read from GET /time) rather than this machine's, "
                    + "for a machine whose clock is off.")
    boolean serverTime;

    /**
     * A client of {@code account} with these options, or a {@link ParameterException} for a bad
     * value, before anything is sent. {@code tuning} is how tests put in their own scheduler.
     */
    ClobHttpClient open(CommandLine command, EnvCredentials.Account account, Clock clock,
                        UnaryOperator<ClobHttpClientBuilder> tuning) {
        ClobHttpClientBuilder builder = ClobHttpClient.builder()
                .host(host)
                .credentials(account.credentials())
                .address(account.address())
                .clock(clock)
                .deadline(positive(command, "--deadline-ms (--timeout-ms)", deadlineMs))
                .attemptTimeout(positive(command, "--attempt-timeout-ms", attemptTimeoutMs))
                .retryPolicy(noRetry ? RetryPolicy.none() : RetryPolicy.defaults());
        if (serverTime) {
            builder.useServerTimeRefreshedEvery(SERVER_TIME_REFRESH);
        }
        return tuning.apply(builder).build();
    }

    private static Duration positive(CommandLine command, String option, long millis) {
        if (millis <= 0) {
            throw new ParameterException(command, option + " must be more than 0, not " + millis);
        }
        return Duration.ofMillis(millis);
    }
}
