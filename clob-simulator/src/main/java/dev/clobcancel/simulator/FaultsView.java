package dev.clobcancel.simulator;

import dev.clobcancel.simulator.faults.FaultRule;
import dev.clobcancel.simulator.faults.Faults;
import java.util.List;

/**
 * The scripted faults of the HTTP endpoints, as the admin API's {@code /_sim/faults} has them:
 * add a rule, list those in force, remove one or all.
 *
 * <pre>{@code
 * String id = sim.faults().add(FaultRule.respond(503).path("/order").times(2).build());
 * sim.faults().remove(id);
 * }</pre>
 */
public final class FaultsView {

    private final Faults faults;

    FaultsView(Faults faults) {
        this.faults = faults;
    }

    /** Adds a rule after the others; returns its id. */
    public String add(FaultRule rule) {
        return faults.add(rule);
    }

    /** The rules in force, in the order they are tried, each with the matches it has left. */
    public List<Faults.Installed> list() {
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
