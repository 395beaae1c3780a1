package dev.clobcancel.simulator.faults;

import java.util.Map;

/**
 * A scripted fault: which requests it matches (method, path; null matches any), how many times
 * (null: until removed), with what probability (null: always), and what it does.
 *
 * <pre>{@code
 * sim.faults().add(FaultRule.respond(503, null).onPath("/order").times(2));
 * }</pre>
 *
 * @param status  the status of a {@code respond} rule; null with {@code delayMs} only delays
 * @param body    the body of a {@code respond} rule; null: the exchange's own error for the status
 */
public record FaultRule(String method, String path, Integer times, Integer status, String body,
                        Map<String, String> headers, long delayMs, FaultAction action, Double probability) {

    public FaultRule {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        action = action == null ? FaultAction.RESPOND : action;
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times must be at least 1, not " + times);
        }
        if (status != null && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("status must be 100 to 599, not " + status);
        }
        if (delayMs < 0 || delayMs > 600_000) {
            throw new IllegalArgumentException("delayMs must be 0 to 600000, not " + delayMs);
        }
        if (probability != null && !(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be 0 to 1, not " + probability);
        }
        if (action != FaultAction.RESPOND && (status != null || body != null || !headers.isEmpty())) {
            throw new IllegalArgumentException("status, body and headers go with action respond, not " + action.jsonName());
        }
    }

    /** Answers every matching request with {@code status} and {@code body} (null: the exchange's error). */
    public static FaultRule respond(int status, String body) {
        return new FaultRule(null, null, null, status, body, Map.of(), 0, FaultAction.RESPOND, null);
    }

    /** Does {@code action} to every matching request. */
    public static FaultRule of(FaultAction action) {
        return new FaultRule(null, null, null, null, null, Map.of(), 0, action, null);
    }

    public FaultRule onMethod(String method) {
        return new FaultRule(method, path, times, status, body, headers, delayMs, action, probability);
    }

    public FaultRule onPath(String path) {
        return new FaultRule(method, path, times, status, body, headers, delayMs, action, probability);
    }

    public FaultRule times(int times) {
        return new FaultRule(method, path, times, status, body, headers, delayMs, action, probability);
    }

    public FaultRule withHeaders(Map<String, String> headers) {
        return new FaultRule(method, path, times, status, body, headers, delayMs, action, probability);
    }

    public FaultRule delayedBy(long delayMs) {
        return new FaultRule(method, path, times, status, body, headers, delayMs, action, probability);
    }

    public FaultRule withProbability(double probability) {
        return new FaultRule(method, path, times, status, body, headers, delayMs, action, probability);
    }

    boolean matches(String requestMethod, String requestPath) {
        return (method == null || method.equalsIgnoreCase(requestMethod)) && (path == null || path.equals(requestPath));
    }
}
