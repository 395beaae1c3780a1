package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.clobcancel.simulator.exchange.RejectedException;
import java.io.IOException;
import java.math.BigDecimal;

/** Reads the fields of an admin request, with a 400 that names the field for anything amiss. */
final class JsonFields {

    private JsonFields() {
    }

    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw RejectedException.badRequest("a JSON body is required");
        }
        try {
            return Replies.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw RejectedException.badRequest("body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RejectedException.badRequest("body is not valid JSON: " + e.getMessage());
        }
    }

    static JsonNode object(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw RejectedException.badRequest(what + " must be a JSON object");
        }
        return node;
    }

    static String requiredText(JsonNode object, String field, String where) {
        String value = optionalText(object, field, where);
        if (value == null) {
            throw RejectedException.badRequest(where + field + " is required");
        }
        return value;
    }

    static String optionalText(JsonNode object, String field, String where) {
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
    static BigDecimal optionalDecimal(JsonNode object, String field, String where) {
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
}
