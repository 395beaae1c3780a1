package dev.clobcancel.simulator;

import dev.clobcancel.simulator.exchange.BookView;
import dev.clobcancel.simulator.exchange.Exchange;
import dev.clobcancel.simulator.exchange.MarketSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The markets the simulator lists: add one, read its settings and its tokens' books.
 *
 * <pre>{@code
 * sim.markets().add(MarketSpec.of(conditionId, yesToken, noToken).withTickSize(new BigDecimal("0.001")));
 * assertThat(sim.markets().ofAsset(noToken)).map(m -> m.outcome(noToken).orElseThrow()).contains("No");
 * }</pre>
 */
public final class MarketsView {

    private final Exchange exchange;

    MarketsView(Exchange exchange) {
        this.exchange = exchange;
    }

    /** Lists a market with its settings, or changes the settings of one listed already; returns it as listed. */
    public MarketSpec add(MarketSpec market) {
        exchange.addMarket(market);
        return exchange.market(market.conditionId()).orElseThrow();
    }

    /** Lists a market of these tokens with the default settings, or adds the tokens to it. */
    public void add(String conditionId, List<String> tokenIds) {
        exchange.addMarket(conditionId, tokenIds);
    }

    public Optional<MarketSpec> get(String conditionId) {
        return exchange.market(conditionId);
    }

    /** The market a token belongs to. */
    public Optional<MarketSpec> ofAsset(String tokenId) {
        return exchange.marketOfAsset(tokenId);
    }

    /** The public book of a token, if it is listed. */
    public Optional<BookView> book(String tokenId) {
        return exchange.book(tokenId);
    }

    /** Each market's condition id with its tokens. */
    public Map<String, List<String>> all() {
        return exchange.markets();
    }
}
