package dev.clobcancel.simulator.exchange;

import dev.clobcancel.domain.model.Address;
import dev.clobcancel.domain.model.ApiCredentials;
import dev.clobcancel.simulator.time.ManualClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** An exchange on a manual clock with a market and numbered accounts, for the matching tests. */
final class Traders {

    static final String MARKET = "0x" + "5f".repeat(32);
    static final String YES = "1001";
    static final String NO = "1002";
    static final long START = 1_764_000_000L;

    final ManualClock clock = ManualClock.at(Instant.ofEpochSecond(START));
    final Exchange exchange;
    final List<SimAccount> accounts;
    private final Random hashes;

    Traders(long seed, int accountCount) {
        exchange = new Exchange(new Random(seed), clock);
        hashes = new Random(seed ^ 0x5DEECE66DL);
        accounts = IntStream.range(0, accountCount).mapToObj(Traders::account).toList();
        accounts.forEach(exchange::addAccount);
        exchange.addMarket(new MarketSpec(MARKET, List.of(new MarketSpec.Token(YES, "Yes"), new MarketSpec.Token(NO, "No")),
                null, false, BigDecimal.ONE, null));
    }

    static SimAccount account(int i) {
        String n = String.format("%012d", i + 1);
        return SimAccount.of(new ApiCredentials("00000000-0000-4000-8000-" + n,
                Base64.getUrlEncoder().encodeToString(("secret of account " + i).getBytes(StandardCharsets.UTF_8)), "pass-" + i),
                Address.of("0x" + String.format("%040x", i + 1)));
    }

    String key(int account) {
        return accounts.get(account).apiKey();
    }

    /** A fresh order hash, as a client computes one. */
    String id() {
        byte[] hash = new byte[32];
        hashes.nextBytes(hash);
        return "0x" + HexFormat.of().formatHex(hash);
    }

    OrderRequest limit(int account, Side side, String price, String size) {
        return OrderRequest.limit(id(), key(account), YES, side, new BigDecimal(price), new BigDecimal(size));
    }

    Placement submit(int account, Side side, String price, String size) {
        return exchange.submit(limit(account, side, price, size));
    }

    OrderView order(String id) {
        return exchange.order(id).orElseThrow();
    }

    String bids() {
        return levels(exchange.book(YES).orElseThrow().bids());
    }

    String asks() {
        return levels(exchange.book(YES).orElseThrow().asks());
    }

    private static String levels(List<BookView.PriceLevel> side) {
        StringBuilder out = new StringBuilder();
        side.forEach(l -> out.append(l.price().toPlainString()).append('x').append(l.size().stripTrailingZeros().toPlainString()).append(' '));
        return out.toString().trim();
    }
}
