package dev.parley.engine.monitor;

import dev.parley.engine.monitor.Assessment.Aspect;
import dev.parley.engine.monitor.Assessment.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An incident that would break a clause, as alleged by the claims that say so, beside what monitors established.
 * Immutable.
 *
 * @param allegedBy the claimants whose claims fall under the clause
 * @param allegedAgainst the perpetrators those claims name
 * @param occurrence the incident's status on whether it happened
 * @param verifiedAgainst the party it is verified against, when its attribution is verified
 */
public record Violation(Clause clause, String incident, Set<String> allegedBy, Set<String> allegedAgainst,
        Status occurrence, Optional<String> verifiedAgainst) {
    public Violation {
        allegedBy = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(allegedBy)); // in the order claimed
        allegedAgainst = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(allegedAgainst));
    }

    /** Whether it is a verified violation: monitors verified that it happened. */
    public boolean verified() {
        return occurrence == Status.VERIFIED;
    }

    /** Every incident of the ledger that would break a clause in force, clause by clause, in ledger order. */
    public static List<Violation> check(Iterable<Incident> incidents, List<Clause> clauses) {
        var out = new ArrayList<Violation>();
        for (Clause clause : clauses) {
            for (Incident i : incidents) {
                LinkedHashSet<String> by = null; // most incidents break no clause: no sets for them
                LinkedHashSet<String> against = null;
                for (Claim c : i.claims()) {
                    if (clause.forbids(c.facts())) {
                        if (by == null) {
                            by = new LinkedHashSet<>();
                            against = new LinkedHashSet<>();
                        }
                        by.add(c.claimant());
                        c.facts().perpetrator().ifPresent(against::add);
                    }
                }
                if (by != null) {
                    out.add(new Violation(clause, i.id(), by, against, i.status(Aspect.OCCURRENCE), i
                            .verifiedPerpetrator()));
                }
            }
        }
        return out;
    }
}
