package dev.clobcancel.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clobcancel.domain.failure.ClobException;
import dev.clobcancel.domain.failure.UnexpectedResponseException;
import dev.clobcancel.domain.model.CancelResult;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.domain.model.RateLimitState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the exchange's answers into domain values, and its refusals into typed failures. */
final class Responses {

    /** Reads a response of a request described by {@code what}. */
    @FunctionalInterface
    interface Reader<T> {
        /** @param rateLimit the rate limit as this answer left it, which a failure carries */
        T read(HttpTransport.Response response, String what, RateLimitState rateLimit);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_QUOTED_BODY = 200;
    /** {@code error} in every answer but one: the official SDK reads a heartbeat mismatch's {@code error_msg}. */
    private static final List<String> ERROR_FIELDS = List.of("error", "error_msg");

    private Responses() {
    }

    /** {@code {"canceled": [...], "not_canceled": {...}}} on 200; a typed failure otherwise. */
    static CancelResult cancelResult(HttpTransport.Response response, String what, RateLimitState rateLimit) {
        if (response.status() != 200) {
            throw failure(response, what, rateLimit);
        }
        JsonNode json = readJson(response, what);
        JsonNode canceled = json.get("canceled");
        JsonNode notCanceled = json.get("not_canceled");
        if (!json.isObject() || (canceled == null && notCanceled == null)) {
            throw unreadable(response, what, "no canceled or not_canceled field");
        }
        List<OrderId> ids = new ArrayList<>(canceled == null ? 0 : canceled.size());
        if (canceled != null && !canceled.isNull()) {
            if (!canceled.isArray()) {
                throw unreadable(response, what, "canceled is not an array");
            }
            for (JsonNode id : canceled) {
                if (!id.isTextual()) {
                    throw unreadable(response, what, "canceled holds a " + id.getNodeType() + ", not an order id");
                }
                ids.add(orderId(id.asText(), response, what, "canceled"));
            }
        }
        Map<OrderId, String> reasons = new LinkedHashMap<>();
        if (notCanceled != null && !notCanceled.isNull()) {
            if (!notCanceled.isObject()) {
                throw unreadable(response, what, "not_canceled is not an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = notCanceled.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                reasons.put(orderId(entry.getKey(), response, what, "not_canceled"), entry.getValue().isTextual() ? entry.getValue().asText() : entry.getValue().toString());
            }
        }
        return new CancelResult(ids, reasons);
    }

    /** An id of the answer: one the exchange names is an order hash, and anything else is not its answer. */
    private static OrderId orderId(String text, HttpTransport.Response response, String what, String field) {
        try {
            return OrderId.of(text);
        } catch (IllegalArgumentException malformed) {
            throw unreadable(response, what, field + " names " + malformed.getMessage());
        }
    }

    /** {@code {"heartbeat_id": "..."}} on 200: the id the next heartbeat must name; a typed failure otherwise. */
    static String heartbeatId(HttpTransport.Response response, String what, RateLimitState rateLimit) {
        if (response.status() != 200) {
            throw failure(response, what, rateLimit);
        }
        JsonNode id = readJson(response, what).get("heartbeat_id");
        if (id == null || !id.isTextual() || id.asText().isEmpty()) {
            throw unreadable(response, what, "no heartbeat_id string");
        }
        return id.asText();
    }

    /**
     * The typed failure of a status other than 200, with the exchange's {@code error} text, its
     * {@code code} (a 503's restriction), the wait it asked for ({@code Retry-After} or
     * {@code retry_after_seconds}, the longer when both), and for a 400 to a heartbeat the
     * {@code heartbeat_id} it expects. A 429 that asked for no wait but stated when the signer's
     * bucket is full again waits until then.
     */
    static ClobException failure(HttpTransport.Response response, String what, RateLimitState rateLimit) {
        JsonNode json = jsonObject(response.body());
        Duration wait = longer(retryAfterHeader(response.header("Retry-After")), retryAfterField(json));
        if (wait == null && response.status() == 429 && response.header(RateLimits.RESET) != null
                && rateLimit.reset().isPresent() && rateLimit.seenAt().isPresent()) {
            Duration untilReset = Duration.between(rateLimit.seenAt().get(), rateLimit.reset().get());
            wait = untilReset.isNegative() ? Duration.ZERO : untilReset;
        }
        return Failures.forStatus(response.status(), errorText(json, response.body()),
                json != null && json.path("code").isTextual() ? json.get("code").asText() : null, what,
                response.status() == 400 && json != null && json.path("heartbeat_id").isTextual()
                        ? json.get("heartbeat_id").asText() : null,
                wait, rateLimit);
    }

    /** The {@code error} (or {@code error_msg}) field of a JSON body, else the start of the body as text, else null. */
    private static String errorText(JsonNode json, byte[] body) {
        if (body.length == 0) {
            return null;
        }
        for (String field : ERROR_FIELDS) {
            if (json != null && json.hasNonNull(field)) {
                JsonNode error = json.get(field);
                return error.isTextual() ? error.asText() : error.toString();
            }
        }
        // A proxy's HTML page or a plain-text error still says something.
        return quoted(body);
    }

    /** The body as a JSON object, or null when it is not one. */
    private static JsonNode jsonObject(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.isObject() ? json : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** {@code Retry-After} in seconds; an HTTP date is not used, as the exchange sends seconds. */
    private static Duration retryAfterHeader(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException httpDate) {
            return null;
        }
    }

    /** The exchange's own {@code "retry_after_seconds": 2} (or 1.5) in a 425's, 429's or 503's body. */
    private static Duration retryAfterField(JsonNode json) {
        JsonNode seconds = json == null ? null : json.get("retry_after_seconds");
        if (seconds == null || !seconds.isNumber() || seconds.asDouble() < 0 || seconds.asDouble() > 86_400) {
            return null;
        }
        return Duration.ofMillis(Math.round(seconds.asDouble() * 1000));
    }

    /** Both asked for a wait: only the longer one honours both. */
    private static Duration longer(Duration a, Duration b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static JsonNode readJson(HttpTransport.Response response, String what) {
        try {
            JsonNode json = JSON.readTree(response.body());
            if (json == null || json.isMissingNode()) {
                throw unreadable(response, what, "empty body");
            }
            return json;
        } catch (IOException e) {
            throw unreadable(response, what, "not JSON");
        }
    }

    static UnexpectedResponseException unreadable(HttpTransport.Response response, String what, String problem) {
        return UnexpectedResponseException.unreadableBody(response.status(), quoted(response.body()), what, problem);
    }

    /** The body as one line of text, cut short. */
    private static String quoted(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?");
        return text.length() <= MAX_QUOTED_BODY ? text : text.substring(0, MAX_QUOTED_BODY) + "...";
    }
}
