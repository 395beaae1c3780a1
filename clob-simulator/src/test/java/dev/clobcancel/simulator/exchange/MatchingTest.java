package dev.clobcancel.simulator.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the exchange matches an order: the rules of issue 11, item 4, one behaviour each. */
class MatchingTest {

    private final Traders t = new Traders(7, 3);

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static OrderRefusedException.Reason reasonOf(Runnable submit) {
        try {
            submit.run();
        } catch (OrderRefusedException e) {
            return e.reason();
        }
        throw new AssertionError("the order was not refused");
    }

    @Test
    void anOrderThatDoesNotCrossRestsAndIsLive() {
        Placement placed = t.submit(0, Side.BUY, "0.40", "10");

        assertThat(placed.status()).isEqualTo(Placement.LIVE);
        assertThat(placed.makingAmount()).isEmpty();
        assertThat(placed.tradeIds()).isEmpty();
        assertThat(t.bids()).isEqualTo("0.40x10");
        assertThat(t.order(placed.orderId()).status()).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void aCrossingOrderFillsAtTheRestingOrdersPriceBestPriceFirstThenOldestFirst() {
        String later = t.submit(0, Side.SELL, "0.55", "10").orderId();
        String best = t.submit(1, Side.SELL, "0.50", "10").orderId();
        String older = t.submit(0, Side.SELL, "0.55", "10").orderId();
        // 'later' came before 'older' at 0.55: it is the older of the two.
        Placement taker = t.submit(2, Side.BUY, "0.60", "15");

        assertThat(taker.status()).isEqualTo(Placement.MATCHED);
        assertThat(taker.takingAmount()).isEqualTo("15");
        assertThat(taker.makingAmount()).isEqualTo("7.75"); // 10 × 0.50 + 5 × 0.55
        assertThat(t.order(best).status()).isEqualTo(OrderStatus.MATCHED);
        assertThat(t.order(later).sizeMatched()).isEqualByComparingTo("5");
        assertThat(t.order(older).sizeMatched()).isEqualByComparingTo("0");
        assertThat(t.asks()).isEqualTo("0.55x15");
        assertThat(t.bids()).isEmpty();
    }

    @Test
    void whatALimitOrderCannotFillRestsOnTheBookAtItsPrice() {
        t.submit(0, Side.SELL, "0.50", "4");
        Placement taker = t.submit(1, Side.BUY, "0.52", "10");

        OrderView order = t.order(taker.orderId());
        assertThat(taker.status()).isEqualTo(Placement.MATCHED);
        assertThat(order.status()).isEqualTo(OrderStatus.LIVE);
        assertThat(order.sizeMatched()).isEqualByComparingTo("4");
        assertThat(order.remaining()).isEqualByComparingTo("6");
        assertThat(t.bids()).isEqualTo("0.52x6");
        assertThat(t.asks()).isEmpty();
    }

    @Test
    void aSellTakesTheHighestBidFirst() {
        t.submit(0, Side.BUY, "0.40", "5");
        t.submit(0, Side.BUY, "0.45", "5");
        Placement taker = t.submit(1, Side.SELL, "0.40", "7");

        assertThat(taker.makingAmount()).isEqualTo("7");
        assertThat(taker.takingAmount()).isEqualTo("3.05"); // 5 × 0.45 + 2 × 0.40
        assertThat(t.bids()).isEqualTo("0.40x3");
    }

    @Test
    void aFillOrKillOrderThatTheBookCannotFillWhollyIsRefusedAndChangesNothing() {
        String resting = t.submit(0, Side.SELL, "0.50", "5").orderId();
        OrderRequest fok = t.limit(1, Side.SELL, "0.50", "6").withType(OrderType.FOK);

        assertThatThrownBy(() -> t.exchange.submit(fok.withType(OrderType.FOK)))
                .isInstanceOf(OrderRefusedException.class).hasMessage("order couldn't be fully filled. FOK orders are fully filled or killed.");
        OrderRequest buy = t.limit(1, Side.BUY, "0.50", "6").withType(OrderType.FOK).withAmounts(d("3"), d("6"));
        assertThat(reasonOf(() -> t.exchange.submit(buy))).isEqualTo(OrderRefusedException.Reason.FOK_ORDER_NOT_FILLED_ERROR);
        assertThat(t.order(resting).sizeMatched()).isEqualByComparingTo("0");
        assertThat(t.exchange.order(buy.id())).isEmpty();
        assertThat(t.exchange.trades()).isEmpty();
    }

    @Test
    void aBuyFillOrKillSpendsItsAmountAndGetsMoreSharesWhenTheBookIsBetterThanItsLimit() {
        t.submit(0, Side.SELL, "0.40", "5");
        t.submit(0, Side.SELL, "0.50", "10");
        // $5 at a worst price of 0.50: 5 shares at 0.40 ($2), then 6 at 0.50 ($3).
        OrderRequest fok = t.limit(1, Side.BUY, "0.50", "10").withType(OrderType.FOK).withAmounts(d("5"), d("10"));

        Placement placed = t.exchange.submit(fok);

        assertThat(placed.makingAmount()).isEqualTo("5");
        assertThat(placed.takingAmount()).isEqualTo("11");
        OrderView order = t.order(fok.id());
        assertThat(order.status()).isEqualTo(OrderStatus.MATCHED);
        assertThat(order.size()).isEqualByComparingTo("11");
        assertThat(order.sizeMatched()).isEqualByComparingTo("11");
        assertThat(t.asks()).isEqualTo("0.50x4");
    }

    @Test
    void aFillAndKillOrderTakesWhatThereIsAndKillsTheRest() {
        t.submit(0, Side.BUY, "0.45", "3");
        OrderRequest fak = t.limit(1, Side.SELL, "0.45", "10").withType(OrderType.FAK);

        Placement placed = t.exchange.submit(fak);

        assertThat(placed.status()).isEqualTo(Placement.MATCHED);
        assertThat(placed.makingAmount()).isEqualTo("3");
        OrderView order = t.order(fak.id());
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(order.sizeMatched()).isEqualByComparingTo("3");
        assertThat(t.asks()).isEmpty();
        assertThat(t.exchange.liveOrders(t.key(1), null, null, null)).isEmpty();
    }

    @Test
    void aFillAndKillOrderThatMeetsNothingIsRefused() {
        t.submit(0, Side.BUY, "0.40", "3");
        OrderRequest fak = t.limit(1, Side.SELL, "0.45", "10").withType(OrderType.FAK);

        assertThatThrownBy(() -> t.exchange.submit(fak)).isInstanceOf(OrderRefusedException.class)
                .hasMessage("no orders found to match with FAK order. FAK orders are partially filled or killed if no match is found.");
        assertThat(t.exchange.order(fak.id())).isEmpty();
    }

    @Test
    void aPostOnlyOrderThatWouldCrossIsRefusedAndOneThatWouldNotRests() {
        t.submit(0, Side.SELL, "0.50", "5");

        assertThatThrownBy(() -> t.exchange.submit(t.limit(1, Side.BUY, "0.50", "5").withPostOnly(true)))
                .isInstanceOf(OrderRefusedException.class).hasMessage("invalid post-only order: order crosses book");
        Placement rests = t.exchange.submit(t.limit(1, Side.BUY, "0.49", "5").withPostOnly(true));
        assertThat(rests.status()).isEqualTo(Placement.LIVE);
        assertThat(t.bids()).isEqualTo("0.49x5");
    }

    @Test
    void postOnlyIsForGtcAndGtdOrdersAlone() {
        OrderRequest fok = t.limit(1, Side.BUY, "0.50", "5").withType(OrderType.FOK).withPostOnly(true);

        assertThatThrownBy(() -> t.exchange.submit(fok)).isInstanceOf(OrderRefusedException.class)
                .hasMessage("invalid post-only order: only GTC and GTD order types are allowed");
    }

    @Test
    void aPriceOffTheMarketsTickIsRefusedWithTheExchangesWords() {
        OrderRequest off = t.limit(0, Side.BUY, "0.505", "10");

        assertThatThrownBy(() -> t.exchange.submit(off)).isInstanceOf(OrderRefusedException.class)
                .hasMessage("order " + off.id() + " is invalid. Price (0.505) breaks minimum tick size rule: 0.01");
    }

    @Test
    void aFinerTickMarketTakesFinerPrices() {
        t.exchange.addMarket(t.exchange.market(Traders.MARKET).orElseThrow().withTickSize(d("0.001")));

        assertThat(t.submit(0, Side.BUY, "0.505", "10").status()).isEqualTo(Placement.LIVE);
    }

    @Test
    void aRestingOrderBelowTheMarketsMinimumSizeIsRefused() {
        OrderRequest small = t.limit(0, Side.BUY, "0.50", "0.5");

        assertThatThrownBy(() -> t.exchange.submit(small)).isInstanceOf(OrderRefusedException.class)
                .hasMessage("order " + small.id() + " is invalid. Size (0.5) lower than the minimum: 1");
    }

    @Test
    void anOrderIdTakenAlreadyIsADuplicate() {
        OrderRequest order = t.limit(0, Side.BUY, "0.40", "5");
        t.exchange.submit(order);

        assertThatThrownBy(() -> t.exchange.submit(order)).isInstanceOf(OrderRefusedException.class)
                .hasMessage("order " + order.id() + " is invalid. Duplicated.");
    }

    @Test
    void aTokenOfNoListedMarketIsRefused() {
        OrderRequest order = OrderRequest.limit(t.id(), t.key(0), "999", Side.BUY, d("0.5"), d("5"));

        assertThat(reasonOf(() -> t.exchange.submit(order))).isEqualTo(OrderRefusedException.Reason.MARKET_NOT_FOUND);
    }

    @Test
    void aGtdOrderMustExpireAtLeastThreeMinutesAhead() {
        OrderRequest soon = t.limit(0, Side.BUY, "0.40", "5").withType(OrderType.GTD).withExpiration(Traders.START + 179);

        assertThatThrownBy(() -> t.exchange.submit(soon)).isInstanceOf(OrderRefusedException.class).hasMessage("invalid expiration");
        OrderRequest later = t.limit(0, Side.BUY, "0.40", "5").withType(OrderType.GTD).withExpiration(Traders.START + 180);
        assertThat(t.exchange.submit(later).status()).isEqualTo(Placement.LIVE);
    }

    @Test
    void aGtdOrderLeavesTheBookAMinuteBeforeItsExpirationOnTheSimulatorsClock() {
        OrderRequest gtd = t.limit(0, Side.SELL, "0.60", "5").withType(OrderType.GTD).withExpiration(Traders.START + 600);
        t.exchange.submit(gtd);

        t.clock.advance(Duration.ofSeconds(539));
        assertThat(t.order(gtd.id()).status()).isEqualTo(OrderStatus.LIVE);
        t.clock.advance(Duration.ofSeconds(1));

        assertThat(t.order(gtd.id()).status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(t.asks()).isEmpty();
        assertThatThrownBy(() -> t.exchange.submit(t.limit(1, Side.BUY, "0.60", "5").withType(OrderType.FOK)))
                .isInstanceOf(OrderRefusedException.class);
    }

    @Test
    void anOrderSeededThroughTheAdminApiMatchesLikeAnyOther() {
        String resting = t.submit(0, Side.SELL, "0.50", "5").orderId();

        String seeded = t.exchange.place(List.of(new NewOrder(null, t.key(1), Traders.MARKET, Traders.YES, Side.BUY, d("0.55"), d("8"))))
                .get(0);

        assertThat(t.order(resting).status()).isEqualTo(OrderStatus.MATCHED);
        assertThat(t.order(seeded).sizeMatched()).isEqualByComparingTo("5");
        assertThat(t.bids()).isEqualTo("0.55x3");
        assertThat(t.exchange.trades()).hasSize(1);
    }

    @Test
    void aMatchMakesOneTradeWithEachRestingOrdersPartAndBothSidesKnowIt() {
        String a = t.submit(0, Side.SELL, "0.50", "4").orderId();
        String b = t.submit(1, Side.SELL, "0.51", "4").orderId();
        Placement taker = t.submit(2, Side.BUY, "0.51", "6");

        Trade trade = t.exchange.trades().get(0);
        assertThat(taker.tradeIds()).containsExactly(trade.id());
        assertThat(taker.transactionsHashes()).containsExactly(trade.transactionHash());
        assertThat(trade.transactionHash()).matches("0x[0-9a-f]{64}");
        assertThat(trade.takerOrderId()).isEqualTo(taker.orderId());
        assertThat(trade.side()).isEqualTo(Side.BUY);
        assertThat(trade.size()).isEqualByComparingTo("6");
        assertThat(trade.price()).isEqualByComparingTo("0.51");
        assertThat(trade.outcome()).isEqualTo("Yes");
        assertThat(trade.status()).isEqualTo("CONFIRMED");
        assertThat(trade.matchTime()).isEqualTo(Traders.START);
        assertThat(trade.makerOrders()).extracting(Trade.MakerFill::orderId, m -> m.matchedAmount().toPlainString(),
                        m -> m.price().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a, "4", "0.50"), org.assertj.core.groups.Tuple.tuple(b, "2", "0.51"));
        assertThat(t.order(a).tradeIds()).containsExactly(trade.id());
        assertThat(t.order(taker.orderId()).tradeIds()).containsExactly(trade.id());
        assertThat(t.exchange.trades(t.key(0), TradeFilter.ALL)).containsExactly(trade);
        assertThat(t.exchange.trades(t.key(2), TradeFilter.ALL)).containsExactly(trade);
    }

    @Test
    void tradesAreReadThroughTheirFilters() {
        t.submit(0, Side.SELL, "0.50", "5");
        t.submit(1, Side.BUY, "0.50", "5");
        t.clock.advance(Duration.ofSeconds(10));
        t.submit(0, Side.SELL, "0.50", "5");
        t.submit(2, Side.BUY, "0.50", "5");
        List<Trade> all = t.exchange.trades(t.key(0), TradeFilter.ALL);
        String bobAddress = t.accounts.get(1).address().value();

        assertThat(all).hasSize(2);
        assertThat(t.exchange.trades(t.key(0), new TradeFilter(all.get(1).id(), null, null, null, null, null))).containsExactly(all.get(1));
        assertThat(t.exchange.trades(t.key(1), new TradeFilter(all.get(1).id(), null, null, null, null, null))).isEmpty();
        assertThat(t.exchange.trades(t.key(0), new TradeFilter(null, null, null, bobAddress, null, null))).containsExactly(all.get(0));
        assertThat(t.exchange.trades(t.key(0), new TradeFilter(null, null, null, null, Traders.START + 5, null))).containsExactly(all.get(0));
        assertThat(t.exchange.trades(t.key(0), new TradeFilter(null, null, null, null, null, Traders.START + 5))).containsExactly(all.get(1));
        assertThat(t.exchange.trades(t.key(0), new TradeFilter(null, "0xother", null, null, null, null))).isEmpty();
        assertThat(t.exchange.trades(t.key(0), new TradeFilter(null, Traders.MARKET, Traders.NO, null, null, null))).isEmpty();
    }

    @Test
    void theListenerHearsEachChangeInTheOrderItHappens() {
        List<String> heard = new ArrayList<>();
        t.exchange.listen(new ExchangeListener() {
            @Override
            public void orderPlaced(OrderView order) {
                heard.add("placed " + order.side() + " " + order.status());
            }

            @Override
            public void orderUpdated(OrderView order) {
                heard.add("updated " + order.side() + " " + order.status() + " " + order.sizeMatched().toPlainString());
            }

            @Override
            public void orderCanceled(OrderView order) {
                heard.add("canceled " + order.side());
            }

            @Override
            public void traded(Trade trade) {
                heard.add("trade " + trade.size().toPlainString());
            }
        });
        String sell = t.submit(0, Side.SELL, "0.50", "5").orderId();
        t.exchange.submit(t.limit(1, Side.BUY, "0.50", "3"));
        t.exchange.cancel(t.key(0), List.of(sell));

        assertThat(heard).containsExactly("placed SELL LIVE", "placed BUY LIVE", "updated SELL LIVE 3", "updated BUY MATCHED 3",
                "trade 3", "canceled SELL");
    }

    @Test
    void aMarketableOrderInAMarketWithATakerDelayWaitsAsDelayedAndCannotBeCanceledMeanwhile() {
        t.exchange.addMarket(t.exchange.market(Traders.MARKET).orElseThrow().withTakerDelay(Duration.ofMillis(250)));
        String resting = t.submit(0, Side.SELL, "0.50", "5").orderId();

        Placement taker = t.submit(1, Side.BUY, "0.50", "5");

        assertThat(taker.status()).isEqualTo(Placement.DELAYED);
        assertThat(t.order(taker.orderId()).status()).isEqualTo(OrderStatus.DELAYED);
        assertThat(t.exchange.cancel(t.key(1), List.of(taker.orderId())).notCanceled())
                .containsEntry(taker.orderId(), "cannot cancel because the order is in pending/delayed status");
        assertThat(t.order(resting).sizeMatched()).isEqualByComparingTo("0");
        t.clock.advance(Duration.ofMillis(249));
        assertThat(t.order(taker.orderId()).status()).isEqualTo(OrderStatus.DELAYED);

        t.clock.advance(Duration.ofMillis(1));

        assertThat(t.order(taker.orderId()).status()).isEqualTo(OrderStatus.MATCHED);
        assertThat(t.order(resting).status()).isEqualTo(OrderStatus.MATCHED);
        assertThat(t.exchange.trades()).singleElement().extracting(Trade::takerOrderId).isEqualTo(taker.orderId());
    }

    @Test
    void anOrderThatDoesNotCrossInADelayedMarketRestsAtOnce() {
        t.exchange.addMarket(t.exchange.market(Traders.MARKET).orElseThrow().withTakerDelay(Duration.ofMillis(250)));

        Placement maker = t.submit(0, Side.SELL, "0.50", "5");

        assertThat(maker.status()).isEqualTo(Placement.LIVE);
        assertThat(t.exchange.cancel(t.key(0), List.of(maker.orderId())).canceled()).containsExactly(maker.orderId());
    }

    @Test
    void aDelayedFillOrKillThatTheBookCanNoLongerFillIsKilledWhenItsDelayEnds() {
        t.exchange.addMarket(t.exchange.market(Traders.MARKET).orElseThrow().withTakerDelay(Duration.ofMillis(250)));
        String resting = t.submit(0, Side.SELL, "0.50", "5").orderId();
        OrderRequest fok = t.limit(1, Side.BUY, "0.50", "5").withType(OrderType.FOK).withAmounts(d("2.5"), d("5"));
        assertThat(t.exchange.submit(fok).status()).isEqualTo(Placement.DELAYED);
        t.exchange.cancel(t.key(0), List.of(resting));

        t.clock.advance(Duration.ofMillis(250));

        assertThat(t.order(fok.id()).status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(t.order(fok.id()).sizeMatched()).isEqualByComparingTo("0");
        assertThat(t.exchange.trades()).isEmpty();
    }
}
