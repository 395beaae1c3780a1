package dev.clobcancel.simulator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a running simulator can be reached from its own machine, written by the server once it
 * serves ({@code --state-file}) and read by the {@code health} command, so the probe always uses
 * the port and scheme the server was started with, whatever flags or variables set them.
 *
 * <pre>{@code {"url": "https://127.0.0.1:8080", "certificate": "/tmp/clob-simulator-123.crt"}}</pre>
 *
 * @param url         the base URL to probe: a wildcard listening address is given as loopback
 * @param certificate with TLS, the PEM file of the server's certificate
 */
record StateFile(URI url, Optional<Path> certificate) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The state of a server listening on {@code baseUri}. */
    static StateFile of(URI baseUri, Optional<Path> certificate) {
        return new StateFile(reachable(baseUri), certificate);
    }

    /** Writes whole or not at all: a probe never reads half a file. */
    void write(Path file) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", url.toString());
        json.put("certificate", certificate.map(Path::toString).orElse(null));
        try {
            Path absolute = file.toAbsolutePath();
            Path partial = Files.createTempFile(absolute.getParent(), ".clob-simulator-state", ".tmp");
            JSON.writeValue(partial.toFile(), json);
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The state a server wrote; an {@link IllegalStateException} that says why when there is none to read. */
    static StateFile read(Path file) {
        JsonNode json;
        try {
            json = JSON.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IllegalStateException("no state file " + file + ": the simulator has not started, or was started without --state-file");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the state file " + file + ": " + e.getMessage(), e);
        }
        JsonNode url = json == null ? null : json.get("url");
        if (url == null || !url.isTextual()) {
            throw new IllegalStateException("the state file " + file + " names no url");
        }
        JsonNode certificate = json.get("certificate");
        try {
            return new StateFile(new URI(url.asText()),
                    certificate == null || !certificate.isTextual() ? Optional.empty() : Optional.of(Path.of(certificate.asText())));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the state file " + file + " holds a malformed url: " + e.getMessage(), e);
        }
    }

    /** {@code http://0.0.0.0:8080} is not an address to connect to: its own machine reaches it on loopback. */
    private static URI reachable(URI baseUri) {
        String host = baseUri.getHost();
        boolean literal = host != null && host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':' || c == '[' || c == ']');
        if (!literal) {
            return baseUri;
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            if (!address.isAnyLocalAddress()) {
                return baseUri;
            }
            String loopback = host.contains(":") ? "[::1]" : "127.0.0.1";
            return new URI(baseUri.getScheme() + "://" + loopback + ":" + baseUri.getPort());
        } catch (UnknownHostException | URISyntaxException e) {
            return baseUri;
        }
    }
}
