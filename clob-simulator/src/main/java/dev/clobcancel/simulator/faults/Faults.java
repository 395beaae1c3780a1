package dev.clobcancel.simulator.faults;

import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The fault rules in force, tried in the order they were added. A rule with {@code times} is
 * used up after that many matches; a rule with a probability draws from the one random source
 * of the simulator, so a seeded run repeats exactly.
 */
public final class Faults {

    /** A rule as added, with its id and the matches it has left. */
    public record Installed(String id, FaultRule rule, Integer remaining) {
    }

    private final RuleBook<FaultRule> rules;

    public Faults(Random random) {
        this.rules = new RuleBook<>("fault-", random);
    }

    /** Adds a rule after the others; returns its id. */
    public String add(FaultRule rule) {
        return rules.add(rule, rule.times());
    }

    public List<Installed> list() {
        return rules.list().stream().map(entry -> new Installed(entry.id(), entry.rule(), entry.remaining())).toList();
    }

    public boolean remove(String id) {
        return rules.remove(id);
    }

    public void clear() {
        rules.clear();
    }

    /** The first rule that matches the request and fires, counting the match against its times. */
    public Optional<FaultRule> match(String method, String path) {
        return rules.match(rule -> rule.matches(method, path), FaultRule::probability);
    }
}
