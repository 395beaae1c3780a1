package dev.clobcancel.simulator.exchange;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A market of the simulated exchange and the settings its orders are held to: its condition id,
 * its outcome tokens, the tick size prices must fall on, whether it trades on the neg-risk
 * exchange, the smallest order size, and how long a marketable order waits as {@code delayed}
 * before it matches (the delayed up/down markets of CLOB V2; zero for none).
 *
 * <pre>{@code
 * exchange.addMarket(MarketSpec.of("0xabc...", "123", "456").withTickSize(new BigDecimal("0.001")));
 * }</pre>
 */
public record MarketSpec(String conditionId, List<Token> tokens, BigDecimal tickSize, boolean negRisk,
                         BigDecimal minOrderSize, Duration takerDelay) {

    /** The tick size of a market listed without one, as the contract and most markets have it. */
    public static final BigDecimal DEFAULT_TICK_SIZE = new BigDecimal("0.01");
    /**
     * The smallest order in shares of a market listed without one: 5, what the exchange's markets
     * report as {@code minimum_order_size} ({@code mos} in {@code /clob-markets}) for most markets.
     */
    public static final BigDecimal DEFAULT_MIN_ORDER_SIZE = new BigDecimal("5");
    /** The tick sizes the official clients round prices to ({@code TickSize} of clob-client-v2 1.1.0). */
    public static final List<BigDecimal> TICK_SIZES = List.of(new BigDecimal("0.1"), new BigDecimal("0.01"),
            new BigDecimal("0.005"), new BigDecimal("0.0025"), new BigDecimal("0.001"), new BigDecimal("0.0001"));

    /** An outcome token: its id and, when known, its outcome's name ("Yes", "No"); empty when not. */
    public record Token(String tokenId, String outcome) {
        public Token {
            requireText(tokenId, "a token id");
            outcome = outcome == null ? "" : outcome;
        }
    }

    public MarketSpec {
        requireText(conditionId, "market");
        Objects.requireNonNull(tokens, "tokens");
        if (tokens.isEmpty()) {
            throw new InvalidInputException("a market needs at least one asset id");
        }
        Set<String> ids = new LinkedHashSet<>();
        tokens.forEach(token -> {
            if (!ids.add(token.tokenId())) {
                throw new InvalidInputException("asset " + token.tokenId() + " is listed twice");
            }
        });
        tokens = List.copyOf(tokens);
        tickSize = tickSize == null ? DEFAULT_TICK_SIZE : tickSize;
        if (!isTickSize(tickSize)) {
            throw new InvalidInputException("tickSize must be one of 0.1, 0.01, 0.005, 0.0025, 0.001, 0.0001, not "
                    + tickSize.toPlainString());
        }
        minOrderSize = minOrderSize == null ? DEFAULT_MIN_ORDER_SIZE : minOrderSize;
        if (minOrderSize.signum() < 0) {
            throw new InvalidInputException("minOrderSize must be 0 or more");
        }
        takerDelay = takerDelay == null ? Duration.ZERO : takerDelay;
        if (takerDelay.isNegative()) {
            throw new InvalidInputException("takerDelay must be 0 or more");
        }
    }

    private static boolean isTickSize(BigDecimal tick) {
        return TICK_SIZES.stream().anyMatch(t -> t.compareTo(tick) == 0);
    }

    /** A market with the default settings: tick 0.01, not neg-risk, minimum size 5, no taker delay. */
    public static MarketSpec of(String conditionId, String... tokenIds) {
        return of(conditionId, List.of(tokenIds));
    }

    public static MarketSpec of(String conditionId, List<String> tokenIds) {
        return new MarketSpec(conditionId, tokenIds.stream().map(id -> new Token(id, "")).toList(),
                null, false, null, null);
    }

    public MarketSpec withTickSize(BigDecimal tick) {
        return new MarketSpec(conditionId, tokens, tick, negRisk, minOrderSize, takerDelay);
    }

    public MarketSpec withNegRisk(boolean value) {
        return new MarketSpec(conditionId, tokens, tickSize, value, minOrderSize, takerDelay);
    }

    public MarketSpec withMinOrderSize(BigDecimal size) {
        return new MarketSpec(conditionId, tokens, tickSize, negRisk, size, takerDelay);
    }

    public MarketSpec withTakerDelay(Duration delay) {
        return new MarketSpec(conditionId, tokens, tickSize, negRisk, minOrderSize, delay);
    }

    /** The token ids, in the order listed. */
    public List<String> tokenIds() {
        return tokens.stream().map(Token::tokenId).toList();
    }

    /** The outcome's name of a token of this market, empty when unnamed or not of this market. */
    public Optional<String> outcome(String tokenId) {
        return tokens.stream().filter(t -> t.tokenId().equals(tokenId)).map(Token::outcome)
                .filter(outcome -> !outcome.isEmpty()).findFirst();
    }

    /** This market's settings with {@code more} tokens added after its own (a token already listed keeps its entry). */
    MarketSpec withTokens(List<Token> more) {
        List<Token> all = new ArrayList<>(tokens);
        Set<String> known = new LinkedHashSet<>(tokenIds());
        more.stream().filter(t -> known.add(t.tokenId())).forEach(all::add);
        return new MarketSpec(conditionId, all, tickSize, negRisk, minOrderSize, takerDelay);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(what + " is required");
        }
    }
}
