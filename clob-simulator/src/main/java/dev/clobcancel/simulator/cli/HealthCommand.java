package dev.clobcancel.simulator.cli;

import dev.clobcancel.simulator.http.SimulatorHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.HttpURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.concurrent.Callable;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar clob-simulator.jar health [--state-file FILE | --url URL]}: exit 0 when the
 * running simulator answers {@code GET /_sim/health} with 200, 1 when it does not. The container
 * image's {@code HEALTHCHECK}: with the state file the server wrote, it probes the port and scheme
 * the server really listens on, and trusts the server's own certificate.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Probes a running simulator's GET /_sim/health: exit 0 when it answers 200, 1 when it does not.")
final class HealthCommand implements Callable<Integer> {

    static final int UNHEALTHY = 1;

    @Spec
    CommandSpec spec;

    @Option(names = "--state-file", paramLabel = "FILE",
            description = "The file the simulator wrote once it served (its --state-file): the URL to probe and the certificate to trust.")
    Path stateFile;

    @Option(names = "--url", paramLabel = "URL", description = "Probe the simulator at this base URL instead, such as http://127.0.0.1:8080.")
    URI url;

    @Option(names = "--timeout-ms", paramLabel = "MS", description = "How long to wait for the answer (default: ${DEFAULT-VALUE}).")
    long timeoutMs = 3000;

    @Override
    public Integer call() {
        if (timeoutMs < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout-ms must be at least 1, not " + timeoutMs);
        }
        if (url == null && stateFile == null) {
            throw new ParameterException(spec.commandLine(), "say where the simulator is: --state-file FILE (or "
                    + EnvironmentDefaults.PREFIX + "STATE_FILE) or --url URL");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        URI target = url;
        try {
            StateFile state = url != null ? null : StateFile.read(stateFile);
            target = state == null ? url : state.url();
            URI health = URI.create(target.toString().replaceFirst("/+$", "") + SimulatorHttp.HEALTH_PATH);
            // HttpURLConnection rather than java.net.http: the probe runs in a fresh JVM every few
            // seconds for the life of a container, and this one loads half the classes.
            HttpURLConnection connection = (HttpURLConnection) health.toURL().openConnection();
            if (connection instanceof HttpsURLConnection https && state != null && state.certificate().isPresent()) {
                https.setSSLSocketFactory(trusting(state.certificate().get()).getSocketFactory());
            }
            connection.setConnectTimeout((int) Math.min(timeoutMs, Integer.MAX_VALUE));
            connection.setReadTimeout((int) Math.min(timeoutMs, Integer.MAX_VALUE));
            int status = connection.getResponseCode();
            connection.disconnect();
            if (status != 200) {
                err.println("unhealthy: " + health + " answered " + status);
                return UNHEALTHY;
            }
            out.println("healthy: " + health);
            return 0;
        } catch (IllegalStateException | IllegalArgumentException e) {
            err.println("unhealthy: " + e.getMessage());
            return UNHEALTHY;
        } catch (IOException e) {
            err.println("unhealthy: no answer from " + target + ": " + e);
            return UNHEALTHY;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** TLS that trusts the simulator's own self-signed certificate, and nothing else. */
    static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("clob-simulator", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust the simulator's certificate " + pem + ": " + e.getMessage(), e);
        }
    }
}
