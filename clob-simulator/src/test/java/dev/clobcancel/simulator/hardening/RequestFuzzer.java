package dev.clobcancel.simulator.hardening;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Makes malformed requests, as raw bytes, from a seeded random source: the same seed, the same
 * requests, so a failure found once is found again.
 */
final class RequestFuzzer {

    /** One request: what it is, for a failure message, and its bytes. */
    record Fuzzed(String description, byte[] bytes) {
    }

    static final List<String> PATHS = List.of("/order", "/orders", "/cancel-all", "/cancel-market-orders", "/time",
            "/book", "/book?token_id=1", "/data/orders", "/data/order/0x12", "/v1/heartbeats", "/heartbeats",
            "/_sim/accounts", "/_sim/orders", "/_sim/markets", "/_sim/orders/0xab/match", "/_sim/orders/nothing",
            "/_sim/requests?method=DELETE", "/_sim/clock", "/_sim/seed", "/_sim/heartbeats", "/_sim/rate-limits",
            "/version", "/_sim/accounts/k-1/tier", "/_sim/accounts/nobody/tier",
            "/", "/nowhere", "/order/../time", "/%00", "/order?" + "q=1&".repeat(50));
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE",
            "FROB", "get", "DELETE\u0000");
    static final List<String> FIELDS = List.of("orderID", "market", "asset_id", "heartbeat_id", "apiKey", "secret",
            "passphrase", "address", "owner", "assetId", "side", "price", "size", "id", "seed", "advanceMs", "assets",
            "tier", "delayedMs", "postOnly", "enabled", "warning", "negativeBalance", "openEndedCost");

    private final Random random;

    RequestFuzzer(long seed) {
        this.random = new Random(seed);
    }

    Fuzzed next() {
        int kind = random.nextInt(100);
        String method = pick(METHODS);
        String path = pick(PATHS);
        if (kind < 8) {
            return new Fuzzed("random bytes", randomBytes(1 + random.nextInt(2000)));
        }
        if (kind < 30) {
            return request("wrong JSON types", method, path, headers(), utf8(wrongTypes()), true);
        }
        if (kind < 38) {
            int depth = 500 + random.nextInt(20_000);
            String nested = "[".repeat(depth) + "]".repeat(depth);
            return request("nesting " + depth + " deep", method, path, headers(), utf8(nested), true);
        }
        if (kind < 44) {
            String huge = "{\"orderID\":\"0x" + "a".repeat(100_000 + random.nextInt(400_000)) + "\"}";
            return request("a huge string", method, path, headers(), utf8(huge), true);
        }
        if (kind < 50) {
            String header = "X-Huge: " + "h".repeat(4_000 + random.nextInt(30_000)) + "\r\n";
            return request("a huge header", method, path, header + headers(), utf8("{}"), true);
        }
        if (kind < 54) {
            return request("hundreds of headers", method, path, "X-Many: 1\r\n".repeat(100 + random.nextInt(900)), new byte[0], true);
        }
        if (kind < 64) {
            byte[] invalid = {'{', '"', 'o', 'r', 'd', 'e', 'r', 'I', 'D', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
            return request("invalid UTF-8", method, path, headers(), invalid, true);
        }
        if (kind < 74) {
            byte[] body = utf8(wrongTypes());
            int length = random.nextBoolean() ? Math.max(0, body.length - 1 - random.nextInt(5)) : body.length + 1 + random.nextInt(100);
            String raw = method + " " + path + " HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\nContent-Length: " + length + "\r\n"
                    + headers() + "\r\n";
            return new Fuzzed("Content-Length " + length + " for " + body.length + " bytes", concat(utf8(raw), body));
        }
        if (kind < 76) {
            return request("a body over the limit", "POST", "/_sim/orders", headers(), new byte[1_100_000], true);
        }
        if (kind < 80) {
            String line = pick(List.of("GET", "DELETE")) + " /" + "x".repeat(5_000 + random.nextInt(20_000)) + " HTTP/1.1\r\n";
            return new Fuzzed("a huge request line", utf8(line + "Host: fuzz\r\nConnection: close\r\n\r\n"));
        }
        if (kind < 85) {
            return new Fuzzed("a broken request line", utf8(pick(List.of("DELETE /order\r\n\r\n", "HTTP/1.1 200 OK\r\n\r\n",
                    "GET  HTTP/1.1\r\n\r\n", "DELETE /order HTTP/9.9\r\nHost: x\r\n\r\n", "\r\n\r\n\r\n"))));
        }
        return request("random L2 headers", method, path, polyHeaders(), randomBytes(random.nextInt(300)), random.nextBoolean());
    }

    private Fuzzed request(String what, String method, String path, String headers, byte[] body, boolean withLength) {
        String raw = method + " " + path + " HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n"
                + (withLength ? "Content-Length: " + body.length + "\r\n" : "") + headers + "\r\n";
        return new Fuzzed(what + " (" + method.strip() + " " + path.substring(0, Math.min(40, path.length())) + ")",
                concat(utf8(raw), body));
    }

    /** A JSON object of the endpoints' field names, each with a value of a random type. */
    private String wrongTypes() {
        StringBuilder json = new StringBuilder(random.nextBoolean() ? "{" : "[{");
        int fields = random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(pick(FIELDS)).append("\":").append(value());
        }
        json.append('}');
        if (json.charAt(0) == '[') {
            json.append(']');
        }
        return random.nextInt(10) == 0 ? json.substring(0, random.nextInt(json.length())) : json.toString();
    }

    private String value() {
        return switch (random.nextInt(9)) {
            case 0 -> "null";
            case 1 -> Boolean.toString(random.nextBoolean());
            case 2 -> Long.toString(random.nextLong());
            case 3 -> Double.toString(random.nextDouble() * 1e300);
            case 4 -> "[" + random.nextInt() + ",\"x\"]";
            case 5 -> "{\"a\":{\"b\":[]}}";
            case 6 -> "\"0x" + Long.toHexString(random.nextLong()) + "\"";
            case 7 -> "\"\\u0000\\n\\r" + "\u00e9\u4e2d" + "\"";
            default -> "\"" + "z".repeat(random.nextInt(50)) + "\"";
        };
    }

    private String headers() {
        return random.nextInt(3) == 0 ? "Content-Type: application/json\r\n" : "";
    }

    private String polyHeaders() {
        StringBuilder headers = new StringBuilder();
        for (String name : List.of("POLY_API_KEY", "POLY_ADDRESS", "POLY_SIGNATURE", "POLY_PASSPHRASE", "POLY_TIMESTAMP")) {
            if (random.nextInt(5) > 0) {
                headers.append(name).append(": ").append(pick(List.of("", "0", "-1", "99999999999999999999", "0x",
                        "\u00e9", "k-1", "=====", "1764000000", "a".repeat(300)))).append("\r\n");
            }
        }
        return headers.toString();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] head, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + body.length);
        out.writeBytes(head);
        out.writeBytes(body);
        return out.toByteArray();
    }
}
