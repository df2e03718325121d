package dev.parley.engine.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ceasefire clauses an agreed package yields, from the options it settles (the table is in
 * {@code docs/monitoring.md}): a ceasefire-scope option ({@code full-30d}, {@code full-after-monitoring},
 * {@code energy-and-sea}, {@code in-final-settlement}) and an option that deploys monitors ({@code neutral-monitors}).
 * Options it does not know yield nothing, and are named in {@link Yield#silent}. Stateless.
 */
public final class Clauses {
    /** How long the March 2025 proposals' ceasefires last. */
    public static final Duration THIRTY_DAYS = Duration.ofDays(30);

    private Clauses() {
    }

    /**
     * What a package yields.
     *
     * @param clauses the clauses, in the package's issue order
     * @param silent the package's options that yield no clause, as {@code ISSUE=option}
     */
    public record Yield(List<Clause> clauses, List<String> silent) {
        public Yield {
            clauses = List.copyOf(clauses);
            silent = List.copyOf(silent);
        }
    }

    /** The clauses of a package (issue id to option id, in issue order) agreed to start at {@code start}. */
    public static Yield of(Map<String, String> pkg, Instant start) {
        var clauses = new ArrayList<Clause>();
        var silent = new ArrayList<String>();
        Optional<Instant> thirty = Optional.of(start.plus(THIRTY_DAYS));
        pkg.forEach((issue, option) -> {
            int before = clauses.size();
            switch (option) {
                case "full-30d" -> clauses.add(new Clause("full-30d", "No attacks of any kind on land, in the air or "
                        + "at sea for 30 days", start, thirty, Set.of(), Set.of()));
                case "full-after-monitoring" -> clauses.add(new Clause("full", "No attacks of any kind, from the "
                        + "day the monitoring mechanism is agreed", start, Optional.empty(), Set.of(), Set.of()));
                case "energy-and-sea" -> {
                    clauses.add(new Clause("energy", "No strikes on energy infrastructure for 30 days", start, thirty,
                            Set.of(), Set.of(TargetCategory.ENERGY)));
                    clauses.add(new Clause("sea", "No naval attacks in the Black Sea for 30 days", start, thirty,
                            Set.of(), Set.of(TargetCategory.NAVAL)));
                }
                case "neutral-monitors" -> clauses.add(new Clause("monitors", "Monitors move and observe "
                        + "unhindered", start, Optional.empty(), Set.of(IncidentType.OBSTRUCTION_OF_MONITORS),
                        Set.of()));
                default -> {
                    // not a clause this table knows: the caller is told
                }
            }
            if (clauses.size() == before) {
                silent.add(issue + "=" + option);
            }
        });
        if (pkg.containsValue("full-after-monitoring") && !pkg.containsValue("neutral-monitors")) {
            // the mechanism the ceasefire waits for is a monitoring one: obstructing it breaks the ceasefire too
            clauses.add(new Clause("monitors", "Monitors move and observe unhindered", start, Optional.empty(), Set
                    .of(IncidentType.OBSTRUCTION_OF_MONITORS), Set.of()));
        }
        return new Yield(clauses, silent);
    }
}
