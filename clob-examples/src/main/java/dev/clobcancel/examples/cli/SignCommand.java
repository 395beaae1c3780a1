package dev.clobcancel.examples.cli;

import dev.clobcancel.domain.auth.L2Headers;
import dev.clobcancel.domain.auth.L2Signature;
import dev.clobcancel.domain.auth.L2Signer;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code clob sign}: the L2 headers the library would send for a request, for a developer whose
 * own client gets 401 and who wants to compare, header by header and byte by byte.
 */
@Command(name = "sign", mixinStandardHelpOptions = true,
        header = "Print the L2 headers of a request and the message signed, to debug a 401.",
        description = {"Prints the L2 headers the library would send for a request, one 'NAME: value' a line, "
                + "with the passphrase shown as <redacted>.",
                "Prints on stderr the exact message that was signed (timestamp + method + path + body), "
                + "to compare with what your own code signs."},
        footerHeading = "%nEnvironment (the account that signs):%n",
        footer = EnvCredentials.HELP,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the headers were printed", "2:bad usage or environment", "4:internal error"})
final class SignCommand implements Callable<Integer> {

    static final String REDACTED = "<redacted>";

    /** An HTTP token (RFC 9110): what a method may be made of. */
    private static final Pattern METHOD = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    @Spec
    CommandSpec spec;

    @Option(names = "--method", required = true, paramLabel = "METHOD",
            description = "The HTTP method, signed exactly as given. HTTP methods are upper case: DELETE, not delete.")
    String method;

    @Option(names = "--path", required = true, paramLabel = "PATH",
            description = "The request path, without host or query, such as /order.")
    String path;

    @Option(names = "--body", paramLabel = "BODY",
            description = "The exact body that will be sent, signed as its UTF-8 bytes (default: no body).")
    String body;

    @Option(names = "--timestamp", paramLabel = "SECONDS",
            description = "The request's time, in unix seconds (default: now).")
    Long timestamp;

    private final Map<String, String> env;
    private final Clock clock;

    SignCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        checkOptions();
        EnvCredentials.Account account = EnvCredentials.read(env, spec.commandLine());
        long seconds = timestamp != null ? timestamp : clock.instant().getEpochSecond();
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        L2Headers headers = new L2Signer(account.credentials(), account.address()).headers(seconds, method, path, bytes);

        PrintWriter out = spec.commandLine().getOut();
        headers.asMap().forEach((name, value) ->
                out.println(name + ": " + (name.equals(L2Headers.POLY_PASSPHRASE) ? REDACTED : value)));
        out.flush();

        PrintWriter err = spec.commandLine().getErr();
        if (!method.equals(method.toUpperCase(Locale.ROOT))) {
            // Signed as given, as the exchange would; but it is almost certainly not what was meant.
            err.println("note: HTTP methods are upper case; signed \"" + method + "\" as given");
        }
        err.println("signed message (timestamp + method + path + body), on the next line:");
        err.println(L2Signature.message(seconds, method, path, bytes));
        err.flush();
        return ExitCodes.OK;
    }

    private void checkOptions() {
        if (!METHOD.matcher(method).matches()) {
            throw usage("--method must be an HTTP method such as DELETE, not \"" + method + "\"");
        }
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw usage("--path must be a request path such as /order: it starts with / and has no spaces, not \""
                    + path + "\"");
        }
        if (timestamp != null && timestamp < 0) {
            throw usage("--timestamp must be unix seconds, 0 or more, not " + timestamp);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
