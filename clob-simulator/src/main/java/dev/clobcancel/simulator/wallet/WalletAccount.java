package dev.clobcancel.simulator.wallet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clobcancel.domain.auth.L2Signer;
import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.simulator.eip712.ExchangeDomain;
import dev.clobcancel.simulator.eip712.OrderV2;
import dev.clobcancel.simulator.exchange.Side;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An account of a running simulator backed by a {@link TestWallet}, for tests: it derives its API
 * key through L1 as the official client does, builds and signs V2 orders, places them over HTTP
 * with L2 headers, and knows each order's id before sending it.
 *
 * <pre>{@code
 * WalletAccount alice = sim.walletAccount(0);
 * SignedOrder bid = alice.limitOrder(tokenId, Side.BUY, "0.50", "10");
 * WalletAccount.Answer placed = alice.place(bid, "GTC", false);
 * alice.cancel(bid.hash());
 * }</pre>
 */
public final class WalletAccount {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final BigDecimal UNITS = BigDecimal.TEN.pow(6);

    /** An answer of the simulator: its status and JSON body. */
    public record Answer(int status, JsonNode body) {
        /** The body's {@code error}, or null. */
        public String error() {
            return body != null && body.hasNonNull("error") ? body.get("error").asText() : null;
        }
    }

    private final URI base;
    private final HttpClient http;
    private final TestWallet wallet;
    private final ExchangeDomain.Chain chain;
    private final ApiCredentials credentials;
    private final L2Signer signer;
    private final AtomicLong salt;

    private WalletAccount(URI base, HttpClient http, TestWallet wallet, ExchangeDomain.Chain chain, ApiCredentials credentials) {
        this.base = base;
        this.http = http;
        this.wallet = wallet;
        this.chain = chain;
        this.credentials = credentials;
        this.signer = new L2Signer(credentials, Address.of(wallet.address()));
        this.salt = new AtomicLong(Long.parseLong(wallet.address().substring(2, 12), 16));
    }

    /** Derives the wallet's API key (nonce 0) from the simulator at {@code base} through {@code GET /auth/derive-api-key}. */
    public static WalletAccount derive(URI base, long chainId, TestWallet wallet) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        Map<String, String> l1 = wallet.l1Headers(chainId, serverTime(http, base), BigInteger.ZERO);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/auth/derive-api-key")).timeout(TIMEOUT).GET();
        l1.forEach(request::header);
        Answer answer = send(http, request.build());
        if (answer.status() != 200) {
            throw new IllegalStateException("derive-api-key for " + wallet.address() + " got " + answer.status() + " " + answer.error());
        }
        JsonNode body = answer.body();
        ApiCredentials credentials = new ApiCredentials(body.get("apiKey").asText(), body.get("secret").asText(),
                body.get("passphrase").asText());
        return new WalletAccount(base, http, wallet, ExchangeDomain.chain(chainId), credentials);
    }

    public TestWallet wallet() {
        return wallet;
    }

    public ApiCredentials credentials() {
        return credentials;
    }

    public String apiKey() {
        return credentials.apiKey();
    }

    /**
     * A GTC-style limit order signed for CLOB V2 (domain version "2", the exchange of the market's
     * {@code negRisk}): a BUY gives {@code price * size} pUSD for {@code size} shares, a SELL the
     * other way round, in 6-decimal units as the client computes them.
     */
    public SignedOrder limitOrder(String tokenId, Side side, String price, String size, boolean negRisk, long expiration) {
        BigInteger shares = units(new BigDecimal(size));
        BigInteger usdc = units(new BigDecimal(price).multiply(new BigDecimal(size)));
        BigInteger maker = side == Side.BUY ? usdc : shares;
        BigInteger taker = side == Side.BUY ? shares : usdc;
        return sign(order(new BigInteger(tokenId), maker, taker, side), chain.v2(negRisk), expiration);
    }

    /** {@link #limitOrder(String, Side, String, String, boolean, long)} in a market that is not neg-risk, no expiration. */
    public SignedOrder limitOrder(String tokenId, Side side, String price, String size) {
        return limitOrder(tokenId, side, price, size, false, 0);
    }

    /** An order of the wallet (EOA, signer and maker its address) with these amounts, not yet signed. */
    public OrderV2 order(BigInteger tokenId, BigInteger makerAmount, BigInteger takerAmount, Side side) {
        return new OrderV2(BigInteger.valueOf(salt.incrementAndGet()), wallet.address(), wallet.address(), tokenId, makerAmount,
                takerAmount, side == Side.BUY ? 0 : 1, 0, BigInteger.valueOf(System.currentTimeMillis()),
                OrderV2.ZERO_BYTES32, OrderV2.ZERO_BYTES32);
    }

    /** Signs an order in a domain of this simulator's chain. */
    public SignedOrder sign(OrderV2 order, ExchangeDomain domain, long expiration) {
        return wallet.signOrder(order, domain, expiration);
    }

    /** The domains of the simulator's chain. */
    public ExchangeDomain.Chain chain() {
        return chain;
    }

    /** {@code POST /order}. */
    public Answer place(SignedOrder order, String orderType, boolean postOnly) {
        return send("POST", "/order", json(order.toJson(apiKey(), orderType, postOnly)));
    }

    /** {@code POST /orders}, each order of the same type. */
    public Answer placeAll(List<SignedOrder> orders, String orderType) {
        return send("POST", "/orders", json(orders.stream().map(o -> o.toJson(apiKey(), orderType, false)).toList()));
    }

    /** {@code DELETE /order} of one id. */
    public Answer cancel(String orderId) {
        return send("DELETE", "/order", json(Map.of("orderID", orderId)));
    }

    /** Any request with this account's L2 headers; {@code body} null for none. */
    public Answer send(String method, String path, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .method(method, bytes.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (bytes.length > 0) {
            request.header("Content-Type", "application/json");
        }
        signer.headers(serverTime(http, base), method, pathOnly, bytes.length == 0 ? null : bytes).asMap().forEach(request::header);
        return send(http, request.build());
    }

    /** {@code GET} of a public endpoint, such as {@code /tick-size?token_id=...}. */
    public Answer read(String path, String tokenId) {
        URI uri = base.resolve(path + "?token_id=" + URLEncoder.encode(tokenId, StandardCharsets.UTF_8));
        return send(http, HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build());
    }

    private static BigInteger units(BigDecimal amount) {
        try {
            return amount.multiply(UNITS).toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " has more than 6 decimals", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the body as JSON", e);
        }
    }

    /** The simulator's clock, as the client's {@code useServerTime} reads it: a manual clock is honoured. */
    private static long serverTime(HttpClient http, URI base) {
        Answer time = send(http, HttpRequest.newBuilder(base.resolve("/time")).timeout(TIMEOUT).GET().build());
        return time.body().asLong();
    }

    private static Answer send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "WalletAccount[" + wallet.address() + ", apiKey=" + apiKey() + "]";
    }
}
