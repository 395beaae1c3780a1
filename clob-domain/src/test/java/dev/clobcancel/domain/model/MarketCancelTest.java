package dev.clobcancel.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarketCancelTest {

    private static final String MARKET = "0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1";
    private static final String ASSET = "71321045679252212594626385532706912750332728571942532289631379312455583992563";

    @Test
    void namesAMarketAnAssetOrBoth() {
        assertThat(MarketCancel.market(MARKET)).isEqualTo(new MarketCancel(MARKET, null));
        assertThat(MarketCancel.asset(ASSET)).isEqualTo(new MarketCancel(null, ASSET));
        assertThat(MarketCancel.of(MARKET, ASSET).assetId()).isEqualTo(ASSET);
    }

    @Test
    void refusesNeither() {
        assertThatThrownBy(() -> MarketCancel.of(null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a market cancel needs a market, an asset id or both; neither was given");
    }

    @Test
    void refusesALineBreakAndSaysWhere() {
        assertThatThrownBy(() -> MarketCancel.market(MARKET + "\r\n"))
                .hasMessageContaining("market").hasMessageContaining("position 66").hasMessageContaining("\\u000d");
        assertThatThrownBy(() -> MarketCancel.of(MARKET, "12 34")).hasMessageContaining("asset id \"12 34\"");
    }

    @Test
    void refusesBlankValues() {
        assertThatThrownBy(() -> MarketCancel.asset(" ")).hasMessage("asset id is blank");
        assertThatThrownBy(() -> MarketCancel.of("", ASSET)).hasMessage("market is blank");
    }

    @Test
    void theOneValueFactoriesRefuseNull() {
        assertThatThrownBy(() -> MarketCancel.market(null)).isInstanceOf(NullPointerException.class).hasMessage("market is null");
        assertThatThrownBy(() -> MarketCancel.asset(null)).isInstanceOf(NullPointerException.class).hasMessage("asset id is null");
    }
}
