package dev.clobcancel.simulator.faults;

import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The fault rules of the WebSocket channels in force, tried in the order they were added, each
 * event (or {@code PING}) of each connection matched once. As with {@link Faults}, a rule with
 * {@code times} is used up after that many matches and a probability draws from the simulator's
 * one random source, so a seeded run with the same events repeats exactly.
 */
public final class ChannelFaults {

    /** A rule as added, with its id and the matches it has left. */
    public record Installed(String id, ChannelFaultRule rule, Integer remaining) {
    }

    private final RuleBook<ChannelFaultRule> rules;

    public ChannelFaults(Random random) {
        this.rules = new RuleBook<>("ws-fault-", random);
    }

    /** Adds a rule after the others; returns its id. */
    public String add(ChannelFaultRule rule) {
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

    /**
     * The first rule that matches an event ({@code ping} false) or a {@code PING} ({@code ping}
     * true) of a connection and fires, counting the match against its times.
     */
    public Optional<ChannelFaultRule> match(String channel, String apiKey, boolean ping) {
        // Every event of every connection asks: with no rule, no lock is taken.
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        return rules.match(rule -> rule.matches(channel, apiKey, ping), ChannelFaultRule::probability);
    }
}
