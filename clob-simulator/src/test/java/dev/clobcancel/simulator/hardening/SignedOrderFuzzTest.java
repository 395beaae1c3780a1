package dev.clobcancel.simulator.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.SimulatorOptions;
import dev.clobcancel.simulator.eip712.OrderV2;
import dev.clobcancel.simulator.exchange.BookView;
import dev.clobcancel.simulator.exchange.MarketSpec;
import dev.clobcancel.simulator.exchange.Side;
import dev.clobcancel.simulator.junit.ClobSimulatorExtension;
import dev.clobcancel.simulator.wallet.SignedOrder;
import dev.clobcancel.simulator.wallet.TestWallet;
import dev.clobcancel.simulator.wallet.WalletAccount;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A seeded fuzz of signed orders and L1 requests, each bad by construction: bad and replayed
 * signatures, V1 shapes, wrong owners and signers, zero, overflowing and nonsensical amounts,
 * off-tick prices, expired GTDs, garbage JSON, single and in batches; and L1 headers with a
 * wrong signature, nonce, chain, address or timestamp. None gets a 5xx, each refusal is
 * {@code {"error": ...}} (a batch's refusals are its elements'), and nothing is left on the
 * books. Seeded ({@code -Dfuzz.seed=N}, {@code -Dfuzz.requests=N}) so a failure repeats.
 */
class SignedOrderFuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 20_261_202L);
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 400);
    static final String TOKEN = "424242";
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ClobSimulatorExtension SIMULATOR = new ClobSimulatorExtension(SimulatorOptions.builder().seed(SEED).build());

    private final Random random = new Random(SEED);
    private ClobSimulator sim;
    private WalletAccount carol;
    private WalletAccount dave;

    /** One fuzzed request: what it is, and how to send it. */
    private record Case(String description, Supplier<WalletAccount.Answer> send) {
    }

    @Test
    void badSignedOrdersAndL1RequestsAreRefusedCleanlyAndLeaveNothingOnTheBooks(ClobSimulator sim) {
        this.sim = sim;
        sim.markets().add(MarketSpec.of("0x" + "42".repeat(32), TOKEN));
        carol = sim.walletAccount(0);
        dave = sim.walletAccount(1);
        for (int i = 0; i < REQUESTS; i++) {
            Case fuzzed = next();
            WalletAccount.Answer answer = fuzzed.send().get();
            String where = "request " + i + " of seed " + SEED + ", " + fuzzed.description() + ": " + answer;
            assertThat(answer.status()).as(where).isBetween(200, 499);
            if (answer.status() >= 400) {
                assertThat(answer.error()).as(where).isNotBlank();
            } else {
                assertThat(answer.body().isArray()).as(where + " (only a batch may answer 200)").isTrue();
                answer.body().forEach(element -> assertThat(element.get("success").asBoolean()).as(where).isFalse());
            }
        }
        BookView book = sim.markets().book(TOKEN).orElseThrow();
        assertThat(book.bids()).isEmpty();
        assertThat(book.asks()).isEmpty();
        assertThat(sim.orders().open(carol.apiKey())).isEmpty();
        assertThat(sim.orders().open(dave.apiKey())).isEmpty();
    }

    private Case next() {
        return switch (random.nextInt(13)) {
            case 0 -> post("a flipped signature byte", flipSignature(goodBody()));
            case 1 -> replayed();
            case 2 -> post("a V1 shape", v1(goodBody()));
            case 3 -> post("another account's owner", with(goodBody(), null, "owner", dave.apiKey()));
            case 4 -> new Case("another wallet's order", () -> send(dave, "/order", goodBody()));
            case 5 -> post("an amount of 0", signed(BigInteger.ZERO, BigInteger.valueOf(10_000_000)));
            case 6 -> post("an amount past uint256", with(goodBody(), "order", random.nextBoolean() ? "makerAmount" : "takerAmount",
                    BigInteger.ONE.shiftLeft(256 + random.nextInt(64)).toString()));
            case 7 -> post("a price of nothing or above 1", random.nextBoolean()
                    ? signed(BigInteger.ONE, BigInteger.TEN.pow(40)) : signed(BigInteger.TEN.pow(40), BigInteger.ONE));
            case 8 -> post("an off-tick price", signed(BigInteger.valueOf(5_050_000 + random.nextInt(9) * 1000L), BigInteger.valueOf(10_000_000)));
            case 9 -> post("an expired or too-near GTD", gtd(Instant.now().getEpochSecond() - 3600 + random.nextInt(3700)));
            case 10 -> post("garbage JSON", garbage());
            case 11 -> batch();
            default -> l1();
        };
    }

    private Case post(String description, Object body) {
        return new Case(description, () -> send(carol, "/order", body));
    }

    private WalletAccount.Answer send(WalletAccount who, String path, Object body) {
        return who.send("POST", path, body instanceof String text ? text : json(body));
    }

    /** A valid GTC bid of carol's: every case breaks it. */
    private Map<String, Object> goodBody() {
        return carol.limitOrder(TOKEN, Side.BUY, "0.0" + (1 + random.nextInt(9)), "10").toJson(carol.apiKey(), "GTC", false);
    }

    private Map<String, Object> signed(BigInteger maker, BigInteger taker) {
        OrderV2 order = carol.order(new BigInteger(TOKEN), maker, taker, random.nextBoolean() ? Side.BUY : Side.SELL);
        return carol.sign(order, carol.chain().v2(false), 0).toJson(carol.apiKey(), random.nextBoolean() ? "GTC" : "FOK", false);
    }

    private Map<String, Object> gtd(long expiration) {
        return carol.limitOrder(TOKEN, Side.BUY, "0.05", "10", false, expiration).toJson(carol.apiKey(), "GTD", false);
    }

    /** A valid order placed, canceled, then sent again: its hash is taken. */
    private Case replayed() {
        SignedOrder order = carol.limitOrder(TOKEN, Side.SELL, "0.9" + random.nextInt(10), "10");
        return new Case("a replayed signature", () -> {
            WalletAccount.Answer first = carol.place(order, "GTC", false);
            assertThat(first.status()).as("the original of a replay: " + first).isEqualTo(200);
            carol.cancel(order.hash());
            return carol.place(order, "GTC", false);
        });
    }

    private Case batch() {
        List<Object> orders = List.of(flipSignature(goodBody()), v1(goodBody()), with(goodBody(), null, "owner", "nobody"),
                gtd(0), garbage());
        int size = random.nextInt(20);
        Object[] chosen = new Object[size];
        for (int i = 0; i < size; i++) {
            chosen[i] = orders.get(random.nextInt(orders.size() - 1));
        }
        return new Case("a batch of " + size + " bad orders", () -> send(carol, "/orders", json(List.of(chosen))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(Map<String, Object> body, String inner, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        if (inner == null) {
            copy.put(field, value);
        } else {
            Map<String, Object> order = new LinkedHashMap<>((Map<String, Object>) copy.get(inner));
            order.put(field, value);
            copy.put(inner, order);
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> flipSignature(Map<String, Object> body) {
        String signature = (String) ((Map<String, Object>) body.get("order")).get("signature");
        char[] hex = signature.toCharArray();
        int at = 2 + random.nextInt(128);
        hex[at] = hex[at] == '0' ? '1' : '0';
        return with(body, "order", "signature", new String(hex));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> v1(Map<String, Object> body) {
        Map<String, Object> order = new LinkedHashMap<>((Map<String, Object>) body.get("order"));
        order.remove("timestamp");
        order.remove("metadata");
        order.remove("builder");
        order.put("nonce", "0");
        order.put("feeRateBps", "0");
        order.put("taker", "0x0000000000000000000000000000000000000000");
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put("order", order);
        return copy;
    }

    private String garbage() {
        String good = json(goodBody());
        return switch (random.nextInt(5)) {
            case 0 -> good.substring(0, random.nextInt(good.length()));
            case 1 -> good.replace("\"side\":\"BUY\"", "\"side\":" + random.nextInt());
            case 2 -> good.replace("\"signatureType\":0", "\"signatureType\":\"" + random.nextInt(9) + "\"");
            case 3 -> "[" + good + "," + random.nextLong() + "]";
            default -> {
                byte[] bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
                yield new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
        };
    }

    /** An L1 request with one thing wrong. */
    private Case l1() {
        TestWallet wallet = TestWallet.fromSeed(SEED, 7);
        long now = Instant.now().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>(wallet.l1Headers(137, now, BigInteger.ZERO));
        String what;
        switch (random.nextInt(6)) {
            case 0 -> { headers.put("POLY_NONCE", Integer.toString(1 + random.nextInt(1000))); what = "another nonce"; }
            case 1 -> { headers = new LinkedHashMap<>(wallet.l1Headers(80002, now, BigInteger.ZERO)); what = "another chain"; }
            case 2 -> { headers.put("POLY_ADDRESS", TestWallet.fromSeed(SEED, 8).address()); what = "another address"; }
            case 3 -> { headers = new LinkedHashMap<>(wallet.l1Headers(137, now - 600 - random.nextInt(10_000), BigInteger.ZERO));
                what = "a stale timestamp"; }
            case 4 -> { headers.put("POLY_SIGNATURE", "0x" + "ab".repeat(random.nextInt(70))); what = "a garbage signature"; }
            default -> { headers.remove(List.of("POLY_ADDRESS", "POLY_SIGNATURE", "POLY_TIMESTAMP").get(random.nextInt(3)));
                what = "a missing header"; }
        }
        Map<String, String> sent = headers;
        boolean create = random.nextBoolean();
        return new Case("L1 " + (create ? "create" : "derive") + " with " + what, () -> l1Request(create, sent));
    }

    private WalletAccount.Answer l1Request(boolean create, Map<String, String> headers) {
        URI uri = sim.baseUri().resolve(create ? "/auth/api-key" : "/auth/derive-api-key");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(create ? "POST" : "GET", HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new WalletAccount.Answer(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
