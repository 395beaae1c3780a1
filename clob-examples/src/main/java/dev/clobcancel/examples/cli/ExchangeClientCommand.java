package dev.clobcancel.examples.cli;

import dev.clobcancel.adapter.http.ClobHttpClient;
import dev.clobcancel.adapter.http.ClobHttpClientBuilder;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that sends to the exchange as the account in the environment: the exchange's options,
 * and the one way such a command opens its client, after everything it was given was checked.
 */
abstract class ExchangeClientCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ExchangeOptions exchange;

    private final Map<String, String> env;
    private final Clock clock;
    private final UnaryOperator<ClobHttpClientBuilder> tuning;

    ExchangeClientCommand(Map<String, String> env, Clock clock, UnaryOperator<ClobHttpClientBuilder> tuning) {
        this.env = env;
        this.clock = clock;
        this.tuning = tuning;
    }

    /**
     * A client of the environment's account with the exchange's options, {@code settings} applied
     * before the caller's tuning; a {@code ParameterException} for a bad variable or value.
     */
    ClobHttpClient openClient(UnaryOperator<ClobHttpClientBuilder> settings) {
        return exchange.open(spec.commandLine(), account(), clock, builder -> tuning.apply(settings.apply(builder)));
    }

    /** The environment's account; a {@code ParameterException} for a bad variable. */
    EnvCredentials.Account account() {
        return EnvCredentials.read(env, spec.commandLine());
    }
}
