package dev.clobcancel.simulator.faults;

import java.util.ArrayList;
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

    private final List<Installed> rules = new ArrayList<>();
    private final Random random;
    private long nextId = 1;

    public Faults(Random random) {
        this.random = random;
    }

    /** Adds a rule after the others; returns its id. */
    public synchronized String add(FaultRule rule) {
        String id = "fault-" + nextId++;
        rules.add(new Installed(id, rule, rule.times()));
        return id;
    }

    public synchronized List<Installed> list() {
        return List.copyOf(rules);
    }

    public synchronized boolean remove(String id) {
        return rules.removeIf(installed -> installed.id().equals(id));
    }

    public synchronized void clear() {
        rules.clear();
        nextId = 1;
    }

    /** The first rule that matches the request and fires, counting the match against its times. */
    public synchronized Optional<FaultRule> match(String method, String path) {
        for (int i = 0; i < rules.size(); i++) {
            Installed installed = rules.get(i);
            FaultRule rule = installed.rule();
            if (!rule.matches(method, path)) {
                continue;
            }
            if (rule.probability() != null && random.nextDouble() >= rule.probability()) {
                continue;
            }
            if (installed.remaining() != null) {
                int left = installed.remaining() - 1;
                if (left == 0) {
                    rules.remove(i);
                } else {
                    rules.set(i, new Installed(installed.id(), rule, left));
                }
            }
            return Optional.of(rule);
        }
        return Optional.empty();
    }
}
