package dev.clobcancel.simulator.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Balances: unlimited until set; a set one is checked, held by live orders, moved by fills. */
class BalancesTest {

    private final Traders t = new Traders(11, 2);

    private Exchange.Balance balance(int account, String asset) {
        return t.exchange.balances(t.key(account)).get(asset);
    }

    @Test
    void anAccountWhoseBalanceWasNeverSetTradesWithoutLimit() {
        assertThat(t.submit(0, Side.BUY, "0.90", "1000000").status()).isEqualTo(Placement.LIVE);
        assertThat(t.exchange.balances(t.key(0))).isEmpty();
    }

    @Test
    void aBuyBeyondTheFreePusdIsRefusedWithTheExchangesWords() {
        t.exchange.setBalance(t.key(0), "pUSD", new BigDecimal("10"));
        t.submit(0, Side.BUY, "0.50", "12"); // holds 6

        assertThatThrownBy(() -> t.submit(0, Side.BUY, "0.50", "9")).isInstanceOf(OrderRefusedException.class)
                .hasMessage("not enough balance / allowance")
                .extracting(e -> ((OrderRefusedException) e).reason()).isEqualTo(OrderRefusedException.Reason.INVALID_ORDER_NOT_ENOUGH_BALANCE);
        assertThat(t.submit(0, Side.BUY, "0.50", "8").status()).isEqualTo(Placement.LIVE);
        assertThat(balance(0, "pUSD")).isEqualTo(new Exchange.Balance(new BigDecimal("10"), new BigDecimal("10.00")));
    }

    @Test
    void aSellBeyondTheSharesHeldIsRefused() {
        t.exchange.setBalance(t.key(0), Traders.YES, new BigDecimal("5"));

        assertThatThrownBy(() -> t.submit(0, Side.SELL, "0.50", "6")).hasMessage("not enough balance / allowance");
        assertThat(t.submit(0, Side.SELL, "0.50", "5").status()).isEqualTo(Placement.LIVE);
    }

    @Test
    void aCancelGivesBackWhatTheOrderHeld() {
        t.exchange.setBalance(t.key(0), "pUSD", new BigDecimal("10"));
        String order = t.submit(0, Side.BUY, "0.50", "20").orderId();

        t.exchange.cancel(t.key(0), List.of(order));

        assertThat(balance(0, "pUSD").available()).isEqualByComparingTo("10");
    }

    @Test
    void aFillMovesPusdAndSharesBetweenBothSidesAtTheRestingPrice() {
        t.exchange.setBalance(t.key(0), "pUSD", new BigDecimal("100"));
        t.exchange.setBalance(t.key(0), Traders.YES, new BigDecimal("0"));
        t.exchange.setBalance(t.key(1), "pUSD", new BigDecimal("0"));
        t.exchange.setBalance(t.key(1), Traders.YES, new BigDecimal("50"));
        t.submit(1, Side.SELL, "0.40", "30");

        t.submit(0, Side.BUY, "0.45", "10"); // pays 0.40 a share: 4 pUSD, not 4.50

        assertThat(balance(0, "pUSD").balance()).isEqualByComparingTo("96");
        assertThat(balance(0, "pUSD").held()).isEqualByComparingTo("0");
        assertThat(balance(0, Traders.YES).balance()).isEqualByComparingTo("10");
        assertThat(balance(1, "pUSD").balance()).isEqualByComparingTo("4");
        assertThat(balance(1, Traders.YES).balance()).isEqualByComparingTo("40");
        assertThat(balance(1, Traders.YES).held()).isEqualByComparingTo("20");
    }

    @Test
    void sharesBoughtCanBeSoldAtOnce() {
        t.exchange.setBalance(t.key(0), Traders.YES, BigDecimal.ZERO);
        t.submit(1, Side.SELL, "0.40", "10");
        t.submit(0, Side.BUY, "0.40", "10");

        assertThat(t.submit(0, Side.SELL, "0.60", "10").status()).isEqualTo(Placement.LIVE);
    }

    @Test
    void aBalanceForAnUnknownAssetIsRefused() {
        assertThatThrownBy(() -> t.exchange.setBalance(t.key(0), "12345", BigDecimal.ONE)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("neither pUSD nor a token");
    }
}
