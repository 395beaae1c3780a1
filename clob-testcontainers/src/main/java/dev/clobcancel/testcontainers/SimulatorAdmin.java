package dev.clobcancel.testcontainers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The simulator's admin API under {@code /_sim}, typed: what a test needs to set the scene and to
 * see what happened. Every refusal of the simulator is a {@link SimulatorAdminException} carrying
 * its status and its {@code error} text.
 *
 * <pre>{@code
 * SimulatorAdmin admin = new SimulatorAdmin(URI.create("http://127.0.0.1:8080"));
 * admin.addAccount("k-1", secret, "p-1", "0x9fB2...");
 * String id = admin.placeOrder("k-1", "0xmarket", "123", SimulatorAdmin.Side.BUY, "0.5", "10");
 * admin.setMode(SimulatorAdmin.Mode.CANCEL_ONLY);
 * }</pre>
 */
public final class SimulatorAdmin {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** An order's side. */
    public enum Side { BUY, SELL }

    /** The exchange's trading modes (docs/simulator.md, Modes). */
    public enum Mode {
        NORMAL("normal"), CANCEL_ONLY("cancel-only"), POST_ONLY("post-only"), DISABLED("disabled"), RESTARTING("restarting");

        private final String jsonName;

        Mode(String jsonName) {
            this.jsonName = jsonName;
        }

        static Mode of(String jsonName) {
            for (Mode mode : values()) {
                if (mode.jsonName.equals(jsonName)) {
                    return mode;
                }
            }
            throw new IllegalStateException("the simulator answered an unknown mode " + jsonName);
        }
    }

    /** An order as the simulator holds it; {@code status} is {@code LIVE}, {@code DELAYED}, {@code MATCHED} or {@code CANCELED}. */
    public record Order(String id, String owner, String market, String assetId, Side side, String price, String size,
                        String sizeMatched, String status) {
    }

    /** One request the exchange endpoints received, from the journal; {@code status} 0 when none was sent. */
    public record RecordedRequest(long sequence, Instant time, String method, String path, String body, int status,
                                  String auth, String apiKey, String outcome) {
    }

    private final URI baseUri;
    private final HttpClient http;

    /** The admin API of the simulator at {@code baseUri}, over plain HTTP or HTTPS with the JDK's authorities. */
    public SimulatorAdmin(URI baseUri) {
        this(baseUri, null);
    }

    /** Over HTTPS trusting {@code certificatePem} alone (the simulator's self-signed certificate), when not null. */
    public SimulatorAdmin(URI baseUri, String certificatePem) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT);
        if (certificatePem != null) {
            builder.sslContext(trusting(certificatePem));
        }
        this.http = builder.build();
    }

    public URI baseUri() {
        return baseUri;
    }

    public void addAccount(String apiKey, String secret, String passphrase, String address) {
        send("POST", "/_sim/accounts", Map.of("apiKey", apiKey, "secret", secret, "passphrase", passphrase, "address", address));
    }

    /** Lists a market (condition id) with its assets (token ids). */
    public void addMarket(String market, List<String> assets) {
        send("POST", "/_sim/markets", Map.of("market", market, "assets", assets));
    }

    /** Places one live order of {@code owner} (an API key) and returns its id, generated from the seed. */
    public String placeOrder(String owner, String market, String assetId, Side side, String price, String size) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("owner", owner);
        order.put("market", market);
        order.put("assetId", assetId);
        order.put("side", side.name());
        order.put("price", price);
        order.put("size", size);
        return send("POST", "/_sim/orders", order).get("ids").get(0).asText();
    }

    /** The order, or empty when the simulator has none of that id. */
    public Optional<Order> order(String id) {
        try {
            return Optional.of(order(send("GET", "/_sim/orders/" + id, null)));
        } catch (SimulatorAdminException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Fills a live order by {@code size}, or wholly when {@code size} is null. */
    public Order match(String id, String size) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (size != null) {
            body.put("size", size);
        }
        return order(send("POST", "/_sim/orders/" + id + "/match", body));
    }

    public Mode mode() {
        return Mode.of(send("GET", "/_sim/mode", null).get("mode").asText());
    }

    /** Switches the mode until changed. */
    public void setMode(Mode mode) {
        send("PUT", "/_sim/mode", Map.of("mode", mode.jsonName));
    }

    /**
     * Switches the mode for {@code duration} by the simulator's clock, then back to normal; a restart is
     * followed by two minutes of post-only first, as the exchange's matching engine does.
     */
    public void setMode(Mode mode, Duration duration) {
        send("PUT", "/_sim/mode", Map.of("mode", mode.jsonName, "forMs", duration.toMillis()));
    }

    /** A restart of {@code duration}, then post-only for {@code postOnly} (zero: none), then normal. */
    public void restartFor(Duration duration, Duration postOnly) {
        send("PUT", "/_sim/mode", Map.of("mode", Mode.RESTARTING.jsonName, "forMs", duration.toMillis(),
                "postOnlyMs", postOnly.toMillis()));
    }

    /**
     * Adds a fault rule, such as {@code {"path": "/order", "status": 425, "times": 1}} (docs/simulator.md,
     * Faults), and returns its id.
     */
    public long addFault(String ruleJson) {
        try {
            return send("POST", "/_sim/faults", JSON.readTree(ruleJson)).get("id").asLong();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the fault rule is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public void clearFaults() {
        send("DELETE", "/_sim/faults", null);
    }

    /** Enforces the exchange's published rate limits on the cancel endpoints, or stops enforcing them. */
    public void enforceRateLimits(boolean enforce) {
        send("PUT", "/_sim/rate-limits", Map.of("enabled", enforce));
    }

    /** The simulator's time. */
    public Instant now() {
        return Instant.parse(send("GET", "/_sim/clock", null).get("now").asText());
    }

    /** Moves a manual clock forward and returns the time after; whatever falls due happens then. */
    public Instant advanceClock(Duration duration) {
        return Instant.parse(send("POST", "/_sim/clock", Map.of("advanceMs", duration.toMillis())).get("now").asText());
    }

    /** The journal, oldest first, of requests with this method and path (either null for any). */
    public List<RecordedRequest> requests(String method, String path) {
        StringBuilder query = new StringBuilder();
        if (method != null) {
            query.append("method=").append(encode(method));
        }
        if (path != null) {
            query.append(query.length() == 0 ? "" : "&").append("path=").append(encode(path));
        }
        List<RecordedRequest> requests = new ArrayList<>();
        for (JsonNode entry : send("GET", "/_sim/requests" + (query.length() == 0 ? "" : "?" + query), null)) {
            requests.add(new RecordedRequest(entry.get("sequence").asLong(), Instant.parse(entry.get("time").asText()),
                    entry.get("method").asText(), entry.get("path").asText(), text(entry, "body"), entry.get("status").asInt(),
                    text(entry, "auth"), text(entry, "apiKey"), text(entry, "outcome")));
        }
        return requests;
    }

    public void clearRequests() {
        send("DELETE", "/_sim/requests", null);
    }

    /** Seeds the random source afresh. */
    public void reseed(long seed) {
        send("POST", "/_sim/seed", Map.of("seed", seed));
    }

    /** Back to the start-up scenario and seed, journal and heartbeats emptied: call it before each test. */
    public void reset() {
        send("POST", "/_sim/reset", null);
    }

    private JsonNode send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(path)).timeout(TIMEOUT);
        try {
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new SimulatorAdminException(method + " " + path, response.statusCode(), error(response.body()));
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SimulatorAdminException(method + " " + path, 0, "no answer from " + baseUri + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulatorAdminException(method + " " + path, 0, "interrupted");
        }
    }

    private static String error(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            return error.isTextual() ? error.asText() : body;
        } catch (JsonProcessingException e) {
            return body;
        }
    }

    private static Order order(JsonNode json) {
        return new Order(json.get("id").asText(), json.get("owner").asText(), json.get("market").asText(),
                json.get("assetId").asText(), Side.valueOf(json.get("side").asText()), json.get("price").asText(),
                json.get("size").asText(), json.get("sizeMatched").asText(), json.get("status").asText());
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static SSLContext trusting(String certificatePem) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("clob-simulator", CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII))));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot trust the simulator's certificate: " + e.getMessage(), e);
        }
    }
}
