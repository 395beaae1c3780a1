package dev.clobcancel.simulator.faults;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A scripted fault: which requests it matches (method, path; null matches any), how many times
 * (null: until removed), with what probability (null: always), how long it waits, and what it does.
 * Built by {@link #respond(int)}, {@link #of(FaultAction)} or {@link #builder()}; a bad setting
 * fails {@code build()} with a message that names it.
 *
 * <pre>{@code
 * sim.faults().add(FaultRule.respond(503).path("/order").times(2).build());
 * sim.faults().add(FaultRule.of(FaultAction.RESET).probability(0.1).delay(Duration.ofMillis(30)).build());
 * }</pre>
 *
 * @param status  the status of a {@code respond} rule; null with a {@code delay} only delays
 * @param body    the body of a {@code respond} rule; null: the exchange's own error for the status
 * @param delay   how long the rule waits before it acts (zero: not at all), at most {@link #MAX_DELAY}
 */
public record FaultRule(String method, String path, Integer times, Integer status, String body,
                        Map<String, String> headers, Duration delay, FaultAction action, Double probability) {

    /** The longest a rule may hold a request back. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(10);

    public FaultRule {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        action = action == null ? FaultAction.RESPOND : action;
        delay = delay == null ? Duration.ZERO : delay;
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times must be at least 1, not " + times);
        }
        if (status != null && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("status must be 100 to 599, not " + status);
        }
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("delay must be 0 to " + MAX_DELAY + ", not " + delay);
        }
        if (probability != null && !(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be 0 to 1, not " + probability);
        }
        if (action != FaultAction.RESPOND && (status != null || body != null || !headers.isEmpty())) {
            throw new IllegalArgumentException("status, body and headers go with action respond, not " + action.jsonName());
        }
    }

    /** A rule that answers every matching request with {@code status} and the exchange's own error body. */
    public static Builder respond(int status) {
        return builder().status(status);
    }

    /** A rule that answers every matching request with {@code status} and {@code body}. */
    public static Builder respond(int status, String body) {
        return builder().status(status).body(body);
    }

    /** A rule that does {@code action} to every matching request. */
    public static Builder of(FaultAction action) {
        return builder().action(action);
    }

    /** An empty rule: respond, to every request, always, at once; set what differs. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this rule, to make a variant of it. */
    public Builder toBuilder() {
        Builder builder = builder().action(action).headers(headers).delay(delay).body(body);
        builder.method = method;
        builder.path = path;
        builder.times = times;
        builder.status = status;
        builder.probability = probability;
        return builder;
    }

    boolean matches(String requestMethod, String requestPath) {
        return (method == null || method.equalsIgnoreCase(requestMethod)) && (path == null || path.equals(requestPath));
    }

    /** Collects a rule's settings; {@link #build()} checks them and names the first bad one. */
    public static final class Builder {

        private String method;
        private String path;
        private Integer times;
        private Integer status;
        private String body;
        private Map<String, String> headers = Map.of();
        private Duration delay = Duration.ZERO;
        private FaultAction action = FaultAction.RESPOND;
        private Double probability;

        private Builder() {
        }

        /** Matches requests of this HTTP method only, such as {@code DELETE}. */
        public Builder method(String method) {
            this.method = method;
            return this;
        }

        /** Matches requests to this path only, such as {@code /order}. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** Used up after this many matches, at least one; until removed if not set. */
        public Builder times(int times) {
            this.times = times;
            return this;
        }

        public Builder action(FaultAction action) {
            this.action = Objects.requireNonNull(action, "action");
            return this;
        }

        /** The status of a {@code respond} rule, 100 to 599. */
        public Builder status(int status) {
            this.status = status;
            return this;
        }

        /** The body of a {@code respond} rule; null for the exchange's own error. */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        public Builder headers(Map<String, String> headers) {
            this.headers = Objects.requireNonNull(headers, "headers");
            return this;
        }

        /** Waits this long (by the wall clock) before acting. */
        public Builder delay(Duration delay) {
            this.delay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /** Fires on a draw of the simulator's seeded random source below this, 0 to 1. */
        public Builder probability(double probability) {
            this.probability = probability;
            return this;
        }

        public FaultRule build() {
            return new FaultRule(method, path, times, status, body, headers, delay, action, probability);
        }
    }
}
