package dev.clobcancel.simulator.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 7: a seeded storm of random orders from 8 accounts, crossing and resting, with
 * cancels among them, leaves every order and book consistent, the trades adding up to the fills,
 * the pUSD and shares where they were (only moved between accounts), and, run again with the
 * same seed on one thread, the same trades.
 */
class MatchingStormTest {

    private static final int ORDERS = 10_000;
    private static final int ACCOUNTS = 8;
    private static final BigDecimal START_PUSD = new BigDecimal("100000");
    private static final BigDecimal START_SHARES = new BigDecimal("100000");

    /** One storm: the exchange it ran on and the ids of the orders it took. */
    private record Storm(Traders traders, List<String> ids) {
    }

    @Test
    void aSeededStormEndsConsistentWithTheTradesAddingUpToTheFills() {
        Storm storm = storm(20261202L, false);

        assertConsistent(storm);
        assertThat(storm.traders().exchange.trades()).hasSizeGreaterThan(1000);
    }

    @Test
    void theSameSeedOnOneThreadGivesTheSameTrades() {
        List<String> first = digest(storm(42L, false).traders());
        List<String> second = digest(storm(42L, false).traders());

        assertThat(second).isEqualTo(first);
        assertThat(digest(storm(43L, false).traders())).isNotEqualTo(first);
    }

    @Test
    void cancelsRacingTheFillsOnAnotherThreadLeaveEverythingConsistent() throws InterruptedException {
        assertConsistent(storm(7L, true));
    }

    private static Storm storm(long seed, boolean racingCanceler) {
        Traders t = new Traders(seed, ACCOUNTS);
        for (int a = 0; a < ACCOUNTS; a++) {
            t.exchange.setBalances(t.key(a), Map.of("pUSD", START_PUSD, Traders.YES, START_SHARES));
        }
        Random random = new Random(seed);
        List<String> ids = new CopyOnWriteArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        Thread canceler = racingCanceler ? new Thread(() -> cancelWhileRunning(t, ids, done, new Random(seed + 1))) : null;
        if (canceler != null) {
            canceler.start();
        }
        for (int i = 0; i < ORDERS; i++) {
            if (i % 50 == 49) {
                t.clock.advance(Duration.ofSeconds(7));
            }
            int account = random.nextInt(ACCOUNTS);
            try {
                ids.add(t.exchange.submit(randomOrder(t, account, random)).orderId());
            } catch (OrderRefusedException refused) {
                // FOK that cannot fill, FAK that meets nothing, post-only that crosses, balance: all part of the storm.
            }
            if (!racingCanceler && random.nextInt(10) < 3 && !ids.isEmpty()) {
                String victim = ids.get(random.nextInt(ids.size()));
                t.exchange.cancel(t.order(victim).owner(), List.of(victim));
            }
        }
        done.set(true);
        if (canceler != null) {
            try {
                canceler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return new Storm(t, ids);
    }

    /** Cancels random orders of the storm until it ends: a bounded loop, as many tries as the storm has orders at most. */
    private static void cancelWhileRunning(Traders t, List<String> ids, AtomicBoolean done, Random random) {
        for (int tries = 0; tries < ORDERS * 4 && !done.get(); tries++) {
            if (ids.isEmpty()) {
                Thread.onSpinWait();
                continue;
            }
            String victim = ids.get(random.nextInt(ids.size()));
            t.exchange.cancel(t.order(victim).owner(), List.of(victim));
        }
    }

    private static OrderRequest randomOrder(Traders t, int account, Random random) {
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        // Prices around the middle, buyers a little higher, so that orders cross often and rest often.
        int cents = 45 + random.nextInt(11) + (side == Side.BUY ? 1 : -1);
        BigDecimal price = BigDecimal.valueOf(cents, 2);
        BigDecimal size = BigDecimal.valueOf(1 + random.nextInt(4000), 2).add(BigDecimal.ONE);
        int kind = random.nextInt(20);
        OrderRequest order = OrderRequest.limit(t.id(), t.key(account), Traders.YES, side, price, size);
        long now = t.clock.instant().getEpochSecond();
        return switch (kind) {
            case 0, 1 -> order.withType(OrderType.GTD).withExpiration(now + 180 + random.nextInt(300));
            case 2, 3 -> order.withType(OrderType.FOK);
            case 4, 5, 6 -> order.withType(OrderType.FAK);
            case 7 -> order.withPostOnly(true);
            default -> order;
        };
    }

    private static void assertConsistent(Storm storm) {
        Traders t = storm.traders();
        Exchange exchange = t.exchange;
        Map<String, BigDecimal> tradedByOrder = new HashMap<>();
        for (Trade trade : exchange.trades()) {
            BigDecimal makers = BigDecimal.ZERO;
            for (Trade.MakerFill maker : trade.makerOrders()) {
                tradedByOrder.merge(maker.orderId(), maker.matchedAmount(), BigDecimal::add);
                makers = makers.add(maker.matchedAmount());
                assertThat(trade.side() == Side.BUY ? maker.price().compareTo(trade.price()) <= 0
                        : maker.price().compareTo(trade.price()) >= 0).as("trade %s at the maker's price or better", trade.id()).isTrue();
            }
            assertThat(makers).as("trade %s: its makers' parts add up to its size", trade.id()).isEqualByComparingTo(trade.size());
            tradedByOrder.merge(trade.takerOrderId(), trade.size(), BigDecimal::add);
        }
        Map<BigDecimal, BigDecimal> liveBids = new HashMap<>();
        Map<BigDecimal, BigDecimal> liveAsks = new HashMap<>();
        for (String id : storm.ids()) {
            OrderView order = t.order(id);
            assertThat(order.sizeMatched()).as("order %s matched", id).isBetween(BigDecimal.ZERO, order.size());
            assertThat(order.sizeMatched().add(order.remaining())).as("order %s matched + remaining", id).isEqualByComparingTo(order.size());
            assertThat(tradedByOrder.getOrDefault(id, BigDecimal.ZERO)).as("order %s: its trades add up to its fills", id)
                    .isEqualByComparingTo(order.sizeMatched());
            assertThat(order.status() == OrderStatus.MATCHED).as("order %s is MATCHED when wholly filled", id)
                    .isEqualTo(order.sizeMatched().compareTo(order.size()) == 0);
            if (order.status() == OrderStatus.LIVE) {
                (order.side() == Side.BUY ? liveBids : liveAsks).merge(order.price(), order.remaining(), BigDecimal::add);
            }
            if (!order.orderType().rests()) {
                assertThat(order.status()).as("FOK/FAK order %s never rests", id).isNotEqualTo(OrderStatus.LIVE);
            }
        }
        BookView book = exchange.book(Traders.YES).orElseThrow();
        assertThat(sizes(book.bids())).as("bids are the live buy orders").isEqualTo(normal(liveBids));
        assertThat(sizes(book.asks())).as("asks are the live sell orders").isEqualTo(normal(liveAsks));
        if (!book.bids().isEmpty() && !book.asks().isEmpty()) {
            assertThat(book.bids().get(book.bids().size() - 1).price()).as("best bid below best ask")
                    .isLessThan(book.asks().get(book.asks().size() - 1).price());
        }
        BigDecimal pusd = BigDecimal.ZERO;
        BigDecimal shares = BigDecimal.ZERO;
        for (int a = 0; a < ACCOUNTS; a++) {
            for (Map.Entry<String, Exchange.Balance> balance : exchange.balances(t.key(a)).entrySet()) {
                assertThat(balance.getValue().available().signum()).as("account %d never holds more %s than it has", a, balance.getKey())
                        .isGreaterThanOrEqualTo(0);
                if (balance.getKey().equals("pUSD")) {
                    pusd = pusd.add(balance.getValue().balance());
                } else {
                    shares = shares.add(balance.getValue().balance());
                }
            }
        }
        assertThat(pusd).as("pUSD only moves between accounts").isEqualByComparingTo(START_PUSD.multiply(BigDecimal.valueOf(ACCOUNTS)));
        assertThat(shares).as("shares only move between accounts").isEqualByComparingTo(START_SHARES.multiply(BigDecimal.valueOf(ACCOUNTS)));
    }

    private static Map<BigDecimal, BigDecimal> sizes(List<BookView.PriceLevel> levels) {
        Map<BigDecimal, BigDecimal> out = new HashMap<>();
        levels.forEach(level -> out.put(level.price().stripTrailingZeros(), level.size().stripTrailingZeros()));
        return out;
    }

    private static Map<BigDecimal, BigDecimal> normal(Map<BigDecimal, BigDecimal> levels) {
        Map<BigDecimal, BigDecimal> out = new HashMap<>();
        levels.forEach((price, size) -> out.put(price.stripTrailingZeros(), size.stripTrailingZeros()));
        return out;
    }

    private static List<String> digest(Traders t) {
        List<String> out = new ArrayList<>();
        for (Trade trade : t.exchange.trades()) {
            StringBuilder line = new StringBuilder(trade.id()).append(' ').append(trade.takerOrderId()).append(' ')
                    .append(trade.size().toPlainString());
            trade.makerOrders().forEach(m -> line.append(' ').append(m.orderId()).append('@').append(m.price().toPlainString())
                    .append('x').append(m.matchedAmount().toPlainString()));
            out.add(line.toString());
        }
        return Collections.unmodifiableList(out);
    }
}
