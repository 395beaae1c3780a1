package dev.clobcancel.simulator.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Scripted rules in the order they were added, for the HTTP faults and the channels' alike: a
 * rule with a count of times is used up after that many matches, a probability draws from the
 * simulator's one random source. Thread-safe.
 */
final class RuleBook<R> {

    /** A rule as added, with its id and the matches it has left (null: until removed). */
    record Entry<R>(String id, R rule, Integer remaining) {
    }

    private final String idPrefix;
    private final Random random;
    private final List<Entry<R>> rules = new ArrayList<>();
    private long nextId = 1;
    /** The number of rules, read without the lock: with none, a match takes no lock. */
    private volatile int count;

    RuleBook(String idPrefix, Random random) {
        this.idPrefix = idPrefix;
        this.random = random;
    }

    synchronized String add(R rule, Integer times) {
        String id = idPrefix + nextId++;
        rules.add(new Entry<>(id, rule, times));
        count = rules.size();
        return id;
    }

    synchronized List<Entry<R>> list() {
        return List.copyOf(rules);
    }

    synchronized boolean remove(String id) {
        boolean removed = rules.removeIf(entry -> entry.id().equals(id));
        count = rules.size();
        return removed;
    }

    synchronized void clear() {
        rules.clear();
        count = 0;
        nextId = 1;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** The first rule that {@code matches} and fires by its {@code probability} (null: always), counted against its times. */
    synchronized Optional<R> match(Predicate<R> matches, Function<R, Double> probability) {
        for (int i = 0; i < rules.size(); i++) {
            Entry<R> entry = rules.get(i);
            R rule = entry.rule();
            if (!matches.test(rule)) {
                continue;
            }
            Double chance = probability.apply(rule);
            if (chance != null && random.nextDouble() >= chance) {
                continue;
            }
            if (entry.remaining() != null) {
                int left = entry.remaining() - 1;
                if (left == 0) {
                    rules.remove(i);
                    count = rules.size();
                } else {
                    rules.set(i, new Entry<>(entry.id(), rule, left));
                }
            }
            return Optional.of(rule);
        }
        return Optional.empty();
    }
}
