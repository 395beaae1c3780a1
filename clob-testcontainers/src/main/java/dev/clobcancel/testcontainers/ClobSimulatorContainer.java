package dev.clobcancel.testcontainers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.HttpWaitStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The CLOB simulator in a container, for tests in any JVM project: waits until
 * {@code GET /_sim/health} answers, then gives the URL to point a client at and the admin calls
 * that set the scene.
 *
 * <pre>{@code
 * try (ClobSimulatorContainer sim = new ClobSimulatorContainer().withSeed(42).withScenario(Path.of("scenario.yaml"))) {
 *     sim.start();
 *     SimulatorAdmin admin = sim.admin();
 *     admin.addAccount(apiKey, secret, passphrase, address);
 *     String id = admin.placeOrder(apiKey, market, tokenId, SimulatorAdmin.Side.BUY, "0.5", "10");
 *     // point the client under test at sim.baseUri() ...
 *     assertThat(admin.order(id)).map(SimulatorAdmin.Order::status).contains("CANCELED");
 * }
 * }</pre>
 *
 * Settings go to the simulator as its {@code CLOB_SIM_*} variables (docs/simulator.md). The
 * default image is the one this module's build made: {@code clob-simulator:<this version>}.
 */
public class ClobSimulatorContainer extends GenericContainer<ClobSimulatorContainer> {

    /** The port the simulator listens on inside the container. */
    public static final int PORT = 8080;
    /** Where a scenario file is copied to; the simulator reads JSON by its {@code .json} ending, YAML otherwise. */
    static final String SCENARIO_DIRECTORY = "/etc/clob-simulator/";
    /** The state file the image's simulator writes: it names the TLS certificate. */
    static final String STATE_FILE = "/tmp/clob-simulator.json";

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);

    private boolean tls;
    private SimulatorAdmin admin;

    /** The image this module's build made. */
    public ClobSimulatorContainer() {
        this(defaultImage());
    }

    /** {@code image}, such as {@code clob-simulator:latest}. */
    public ClobSimulatorContainer(String image) {
        this(DockerImageName.parse(image));
    }

    public ClobSimulatorContainer(DockerImageName image) {
        super(image);
        withExposedPorts(PORT);
        waitingFor(healthProbe(false));
    }

    /** {@code clob-simulator:<version of this module>}, the tag docker/build-image.sh gives the image of the same build. */
    public static DockerImageName defaultImage() {
        Properties properties = new Properties();
        try (InputStream in = ClobSimulatorContainer.class.getResourceAsStream("image.properties")) {
            if (in == null) {
                throw new IllegalStateException("image.properties is missing from the clob-testcontainers jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image.properties", e);
        }
        return DockerImageName.parse(properties.getProperty("image"));
    }

    private static WaitStrategy healthProbe(boolean tls) {
        HttpWaitStrategy probe = Wait.forHttp("/_sim/health").forPort(PORT).forStatusCode(200);
        if (tls) {
            // The certificate is made at start; it is trusted by name once read from the container (admin()).
            probe.usingTls().allowInsecure();
        }
        return probe.withStartupTimeout(STARTUP_TIMEOUT);
    }

    /** The seed of the simulator's one random source: generated order ids and fault probabilities repeat run after run. */
    public ClobSimulatorContainer withSeed(long seed) {
        return withEnv("CLOB_SIM_SEED", Long.toString(seed));
    }

    /** Time stands still until {@link SimulatorAdmin#advanceClock(Duration)} moves it. */
    public ClobSimulatorContainer withManualClock() {
        return withEnv("CLOB_SIM_CLOCK", "manual");
    }

    /** Accounts, markets, orders, mode and faults the simulator holds at start and after every reset (JSON or YAML). */
    public ClobSimulatorContainer withScenario(Path file) {
        return withScenario(MountableFile.forHostPath(file), file.getFileName().toString());
    }

    /** As {@link #withScenario(Path)}, from the test's class path. */
    public ClobSimulatorContainer withScenarioResource(String resource) {
        return withScenario(MountableFile.forClasspathResource(resource), Path.of(resource).getFileName().toString());
    }

    private ClobSimulatorContainer withScenario(MountableFile file, String name) {
        String inside = SCENARIO_DIRECTORY + (name.toLowerCase(Locale.ROOT).endsWith(".json") ? "scenario.json" : "scenario.yaml");
        return withCopyFileToContainer(file, inside).withEnv("CLOB_SIM_CONFIG", inside);
    }

    /** HTTPS with the certificate the simulator makes at start; {@link #certificatePem()} gives it to trust. */
    public ClobSimulatorContainer withTls() {
        this.tls = true;
        return withEnv("CLOB_SIM_TLS", "true").waitingFor(healthProbe(true));
    }

    /** How long after a heartbeat the next must come before the account's orders are canceled. */
    public ClobSimulatorContainer withHeartbeatWindow(Duration window) {
        return withEnv("CLOB_SIM_HEARTBEAT_WINDOW_MS", Long.toString(window.toMillis()));
    }

    /** How far a request's {@code POLY_TIMESTAMP} may be from the simulator's clock; zero: any time after 2001. */
    public ClobSimulatorContainer withAuthWindow(Duration window) {
        return withEnv("CLOB_SIM_AUTH_WINDOW_SECONDS", Long.toString(window.toSeconds()));
    }

    /** Where the started simulator answers from the test, such as {@code http://127.0.0.1:32768}. */
    public URI baseUri() {
        return URI.create((tls ? "https" : "http") + "://" + hostForUri() + ":" + getMappedPort(PORT));
    }

    private String hostForUri() {
        String host = getHost();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** With {@link #withTls()}: the PEM text of the certificate the simulator made at start; empty over plain HTTP. */
    public Optional<String> certificatePem() {
        if (!tls) {
            return Optional.empty();
        }
        JsonNode state = copyFileFromContainer(STATE_FILE, SimulatorAdmin.JSON::readTree);
        JsonNode certificate = state.path("certificate");
        if (!certificate.isTextual()) {
            throw new IllegalStateException("the simulator's state file names no certificate: was it started with TLS? " + state);
        }
        return Optional.of(copyFileFromContainer(certificate.asText(), in -> new String(in.readAllBytes(), StandardCharsets.US_ASCII)));
    }

    /** The admin API of the started simulator (over HTTPS, trusting its certificate alone). */
    public synchronized SimulatorAdmin admin() {
        URI uri = baseUri();
        if (admin == null || !admin.baseUri().equals(uri)) {
            admin = new SimulatorAdmin(uri, certificatePem().orElse(null));
        }
        return admin;
    }
}
