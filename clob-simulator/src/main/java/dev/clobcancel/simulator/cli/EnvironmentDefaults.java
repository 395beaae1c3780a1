package dev.clobcancel.simulator.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Every flag as an environment variable too, for containers: {@code --auth-window-seconds} is
 * {@code CLOB_SIM_AUTH_WINDOW_SECONDS}, {@code --tls} is {@code CLOB_SIM_TLS=true}. A flag on the
 * command line wins; an empty variable counts as unset. The names are derived from the flags, so
 * a flag added later has its variable at once.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {

    static final String PREFIX = "CLOB_SIM_";

    private final Map<String, String> environment;

    EnvironmentDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /** {@code --journal-capacity} → {@code CLOB_SIM_JOURNAL_CAPACITY}. */
    static String variableOf(OptionSpec option) {
        return PREFIX + option.longestName().replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String value = environment.get(variableOf(option));
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * Wraps {@code handler} so that an error about a flag the command line did not give names the
     * variable its value came from: {@code --port must be 0 to 65535, not 70000 (--port came from CLOB_SIM_PORT)}.
     */
    IParameterExceptionHandler namingTheVariable(IParameterExceptionHandler handler) {
        return (ParameterException error, String[] args) -> {
            StringBuilder message = new StringBuilder(error.getMessage());
            for (OptionSpec option : error.getCommandLine().getCommandSpec().options()) {
                if (defaultValue(option) != null && !given(option, List.of(args)) && error.getMessage().contains(option.longestName())) {
                    message.append(" (").append(option.longestName()).append(" came from ").append(variableOf(option)).append(')');
                }
            }
            if (message.length() == error.getMessage().length()) {
                return handler.handleParseException(error, args);
            }
            return handler.handleParseException(new ParameterException(error.getCommandLine(), message.toString(), error), args);
        };
    }

    private static boolean given(OptionSpec option, List<String> args) {
        for (String name : option.names()) {
            for (String arg : args) {
                if (arg.equals(name) || arg.startsWith(name + "=")) {
                    return true;
                }
            }
        }
        return false;
    }
}
