package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.clobcancel.simulator.core.Scenario;
import dev.clobcancel.simulator.exchange.ExchangeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a {@link Scenario} from a {@code --config} file: JSON by its {@code .json} ending, YAML
 * otherwise; the same records, and so the same rules, as the admin API's bodies.
 */
public final class ScenarioFile {

    private static final ObjectMapper YAML = WireJson.configure(YAMLMapper.builder()).build();

    private ScenarioFile() {
    }

    /** @throws IllegalArgumentException naming the file and what is wrong with it */
    public static Scenario read(Path file) {
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no config file " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw new IllegalArgumentException(file + " is empty");
        }
        AdminBodies.ScenarioBody body;
        try {
            body = (json ? WireJson.reader(AdminBodies.ScenarioBody.class) : YAML.readerFor(AdminBodies.ScenarioBody.class)).readValue(bytes);
        } catch (IOException e) {
            StreamReadException syntax = e instanceof StreamReadException read ? read
                    : e.getCause() instanceof StreamReadException read ? read : null;
            if (syntax != null) {
                throw new IllegalArgumentException(file + " is not valid " + (json ? "JSON" : "YAML") + ": " + syntax.getOriginalMessage());
            }
            throw new IllegalArgumentException(file + ": " + WireJson.problem(e));
        }
        if (body == null) {
            throw new IllegalArgumentException(file + " is empty");
        }
        try {
            return body.scenario();
        } catch (RequestRefused | ExchangeException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }
}
