package dev.clobcancel.simulator.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.clobcancel.simulator.exchange.RejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Reads a {@link Scenario} from a {@code --config} file: JSON by its {@code .json} ending, YAML otherwise. */
public final class ScenarioFile {

    private static final ObjectMapper YAML = new YAMLMapper();

    private ScenarioFile() {
    }

    /** @throws IllegalArgumentException naming the file and what is wrong with it */
    public static Scenario read(Path file) {
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        try {
            byte[] bytes = Files.readAllBytes(file);
            JsonNode tree = json ? JsonFields.MAPPER.readTree(bytes) : YAML.readTree(bytes);
            if (tree == null || tree.isMissingNode()) {
                throw new IllegalArgumentException(file + " is empty");
            }
            return ModelJson.scenario(tree);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no config file " + file);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not valid " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        } catch (RejectedException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }
}
