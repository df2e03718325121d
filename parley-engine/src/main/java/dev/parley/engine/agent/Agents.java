package dev.parley.engine.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The agent catalogue: name → constructor, with parameters given as {@code name:key=value:...}. Explicit, no
 * scanning. Stateless and thread-safe.
 */
public final class Agents {
    /** One entry of the catalogue: its name, what it does, and the parameters it takes. */
    public record Entry(String name, String description, Set<String> parameters) {
    }

    private static final List<Entry> CATALOGUE = List.of(
            new Entry("boulware", "time-dependent, concedes late (e=0.2)", Set.of("e")),
            new Entry("linear", "time-dependent, concedes linearly (e=1)", Set.of("e")),
            new Entry("conceder", "time-dependent, concedes early (e=2)", Set.of("e")),
            new Entry("tit-for-tat", "concedes as much as the others did", Set.of()),
            new Entry("hardliner", "never concedes", Set.of()),
            new Entry("random", "random acceptable bids", Set.of()),
            new Entry("truthful", "single-text voter: accepts any change that does not hurt it", Set.of()),
            new Entry("strategic", "single-text voter: accepts only gains of at least threshold (0.02)",
                    Set.of("threshold")),
            new Entry("hill-climb", "single-text mediator: changes one issue at a time", Set.of()),
            new Entry("anneal", "single-text mediator: changes many issues early, one late", Set.of()),
            new Entry("zeuthen", "follows Zeuthen's risk rule: concedes when its offer risks less", Set.of()));

    private Agents() {
    }

    public static List<Entry> catalogue() {
        return CATALOGUE;
    }

    /**
     * The agent a spec such as {@code boulware}, {@code conceder:e=3} or {@code strategic:threshold=0.05} names.
     *
     * @throws IllegalArgumentException naming the unknown agent or parameter
     */
    public static Agent create(String spec, RandomGenerator random) {
        String[] parts = spec.split(":");
        String name = parts[0].strip();
        Entry entry = CATALOGUE.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown agent '" + name + "' (agents: "
                        + String.join(", ", CATALOGUE.stream().map(Entry::name).toList()) + ")"));
        var params = new LinkedHashMap<String, Double>();
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length != 2 || !entry.parameters().contains(kv[0].strip())) {
                throw new IllegalArgumentException("agent " + name + " takes " + (entry.parameters().isEmpty()
                        ? "no parameters"
                        : "the parameters " + String.join(", ", entry.parameters()))
                        + ", not '" + parts[i] + "'");
            }
            try {
                params.put(kv[0].strip(), Double.parseDouble(kv[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("agent " + name + ": " + kv[0] + " must be a number, not '"
                        + kv[1] + "'");
            }
        }
        return build(name, params, random);
    }

    private static Agent build(String name, Map<String, Double> p, RandomGenerator random) {
        return switch (name) {
            case "boulware" -> new Strategies.TimeDependent(random, p.getOrDefault("e", 0.2));
            case "linear" -> new Strategies.TimeDependent(random, p.getOrDefault("e", 1.0));
            case "conceder" -> new Strategies.TimeDependent(random, p.getOrDefault("e", 2.0));
            case "tit-for-tat" -> new Strategies.TitForTat(random);
            case "hardliner" -> new Strategies.Hardliner(random);
            case "random" -> new Strategies.RandomBidder(random);
            case "truthful", "hill-climb", "zeuthen" -> new Strategies.Truthful(random);
            case "strategic" -> new Strategies.StrategicVoter(random, p.getOrDefault("threshold", 0.02));
            case "anneal" -> new Strategies.AnnealingMediator(random);
            default -> throw new IllegalStateException("catalogue entry without a constructor: " + name);
        };
    }
}
