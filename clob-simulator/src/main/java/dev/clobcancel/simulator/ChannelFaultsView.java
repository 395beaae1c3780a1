package dev.clobcancel.simulator;

import dev.clobcancel.simulator.faults.ChannelFaultRule;
import dev.clobcancel.simulator.faults.ChannelFaults;
import java.util.List;

/**
 * The fault rules of the WebSocket channels, as the admin API's {@code /_sim/channels/faults}
 * has them: drop, delay or lose events, stop answering {@code PING}.
 *
 * <pre>{@code
 * sim.channelFaults().add(ChannelFaultRule.of(ChannelFaultAction.LOSE).onChannel(ChannelFaultRule.USER).times(1));
 * }</pre>
 */
public final class ChannelFaultsView {

    private final ChannelFaults faults;

    ChannelFaultsView(ChannelFaults faults) {
        this.faults = faults;
    }

    /** Adds a rule after the others; returns its id. */
    public String add(ChannelFaultRule rule) {
        return faults.add(rule);
    }

    /** The rules in force, in the order they are tried, each with the matches it has left. */
    public List<ChannelFaults.Installed> list() {
        return faults.list();
    }

    /** Removes the rule with this id; false when there is none. */
    public boolean remove(String id) {
        return faults.remove(id);
    }

    public void clear() {
        faults.clear();
    }
}
