package dev.clobcancel.simulator.core;

import dev.clobcancel.simulator.exchange.ExchangeMode;
import dev.clobcancel.simulator.exchange.MarketSpec;
import dev.clobcancel.simulator.exchange.NewOrder;
import dev.clobcancel.simulator.exchange.SimAccount;
import dev.clobcancel.simulator.faults.FaultRule;
import java.util.List;

/**
 * What the simulator holds at start and after every reset: from {@code --config}, or empty.
 *
 * <pre>{@code
 * accounts:
 *   - {apiKey: k-1, secret: "vcR0...", passphrase: p-1, address: "0x9fB2..."}
 * markets:
 *   - {market: "0x5f5f...", assets: ["123", "456"], outcomes: ["Yes", "No"], tickSize: "0.01", takerDelayMs: 250}
 * orders:
 *   - {owner: k-1, market: "0x5f5f...", assetId: "123", side: BUY, price: "0.5", size: "10"}
 * mode: normal
 * faults:
 *   - {path: /order, status: 425, times: 1}
 * rateLimits: false
 * }</pre>
 */
public record Scenario(List<SimAccount> accounts, List<MarketSpec> markets, List<NewOrder> orders,
                       ExchangeMode mode, List<FaultRule> faults, boolean rateLimits) {

    public static final Scenario EMPTY = new Scenario(List.of(), List.of(), List.of(), ExchangeMode.NORMAL, List.of(), false);

    public Scenario {
        accounts = List.copyOf(accounts);
        markets = List.copyOf(markets);
        orders = List.copyOf(orders);
        faults = List.copyOf(faults);
    }
}
