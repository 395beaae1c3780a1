package dev.clobcancel.simulator.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clobcancel.simulator.exchange.RejectedException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Reads the fields of an admin request, with a 400 that names the field for anything amiss. */
public final class JsonFields {

    /** Strict: trailing text after the JSON value is an error, not ignored. */
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonFields() {
    }

    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw RejectedException.badRequest("a JSON body is required");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw RejectedException.badRequest("body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RejectedException.badRequest("body is not valid JSON: " + e.getMessage());
        }
    }

    public static JsonNode object(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw RejectedException.badRequest(what + " must be a JSON object");
        }
        return node;
    }

    public static String requiredText(JsonNode object, String field, String where) {
        String value = optionalText(object, field, where);
        if (value == null) {
            throw RejectedException.badRequest(where + field + " is required");
        }
        return value;
    }

    public static String optionalText(JsonNode object, String field, String where) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw RejectedException.badRequest(where + field + " must be a string, not " + value.getNodeType().name().toLowerCase());
        }
        return value.asText();
    }

    /** A decimal given as a string ("0.5") or a JSON number (0.5); null when absent. */
    public static BigDecimal optionalDecimal(JsonNode object, String field, String where) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.asText());
            } catch (NumberFormatException e) {
                throw RejectedException.badRequest(where + field + " is not a decimal number: " + value.asText());
            }
        }
        throw RejectedException.badRequest(where + field + " must be a decimal number or string, not " + value.getNodeType().name().toLowerCase());
    }

    /** A whole number, or null when absent. */
    public static Integer optionalInt(JsonNode object, String field, String where) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw RejectedException.badRequest(where + field + " must be a whole number");
        }
        return value.intValue();
    }

    /** An array of strings, or an empty list when absent. */
    public static List<String> optionalTextArray(JsonNode object, String field, String where) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw RejectedException.badRequest(where + field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw RejectedException.badRequest(where + field + " must be an array of strings");
            }
            out.add(element.asText());
        }
        return out;
    }

    /** The elements of an array field, or an empty list when absent. */
    public static List<JsonNode> optionalArray(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw RejectedException.badRequest(field + " must be an array");
        }
        List<JsonNode> out = new ArrayList<>();
        value.forEach(out::add);
        return out;
    }
}
