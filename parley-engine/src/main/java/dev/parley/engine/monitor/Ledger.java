package dev.parley.engine.monitor;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.monitor.Assessment.Aspect;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A monitoring ledger: the fold of its entries, in the order recorded. A claim about an incident not seen before
 * opens it; an observation or an assessment must be about one already open. An entry whose id was recorded before is
 * taken again only if it is the same entry (so importing a file twice adds nothing) and refused otherwise. The rules
 * of assessment follow practice (Ushahidi's lesson: approving a report is not verifying it):
 * <ul>
 * <li>{@code corroborated} needs two claimants or an observation;</li>
 * <li>{@code verified} needs an observation by a monitor;</li>
 * <li>an attribution verified to a party needs its occurrence verified first.</li>
 * </ul>
 * Not thread-safe: one writer, or a copy per reader.
 */
public final class Ledger {
    private final Map<String, Incident> incidents = new LinkedHashMap<>();
    private final Map<String, MonitorEntry> entries = new HashMap<>();
    private final List<ClauseSet> clauseSets = new ArrayList<>();

    /**
     * Checks an entry against the ledger without adding it.
     *
     * @return false when it is already recorded (the same entry, with the same id)
     * @throws InvalidInput when it cannot be recorded: its id is taken by another entry, it is about an unknown
     *     incident, or it breaks a rule of assessment
     */
    public boolean admits(MonitorEntry entry) {
        String id = id(entry);
        MonitorEntry before = entries.get(kind(entry) + ":" + id);
        if (before != null) {
            if (before.equals(entry)) {
                return false;
            }
            throw new IdTaken(kind(entry), "the id " + id + " is taken by another " + kind(entry) + " entry: "
                    + "what was recorded is never overwritten, record a new one");
        }
        switch (entry) {
            case Claim c -> {
                // a claim opens its incident if need be
            }
            case Observation o -> require(o.incident());
            case Assessment a -> check(a, require(a.incident()));
            case ClauseSet s -> {
                // any set of clauses may replace the one in force
            }
        }
        return true;
    }

    /**
     * Records an entry.
     *
     * @return false when it was already recorded
     * @throws InvalidInput as {@link #admits} does
     */
    public boolean add(MonitorEntry entry) {
        if (!admits(entry)) {
            return false;
        }
        entries.put(kind(entry) + ":" + id(entry), entry);
        switch (entry) {
            case Claim c -> incidents.computeIfAbsent(c.incident(), Incident::new).add(c);
            case Observation o -> incidents.get(o.incident()).add(o);
            case Assessment a -> incidents.get(a.incident()).add(a);
            case ClauseSet s -> clauseSets.add(s);
        }
        return true;
    }

    /** An entry under an id another entry holds. */
    public static final class IdTaken extends InvalidInput {
        private static final long serialVersionUID = 1L;

        IdTaken(String field, String message) {
            super(field, message);
        }
    }

    /**
     * Takes an entry as recorded in a stored log, whose writer checked it against the ledger as that writer saw it:
     * the rules of assessment are not applied again (another writer's entries may have come between), so nothing a
     * writer was told is recorded goes missing. An entry under an id taken by a different one before it is passed
     * over (the first stands), and so is one about an incident the log never opened.
     *
     * @return whether it was taken
     */
    public boolean replay(MonitorEntry entry) {
        MonitorEntry before = entries.get(kind(entry) + ":" + id(entry));
        if (before != null) {
            return false;
        }
        switch (entry) {
            case Claim c -> incidents.computeIfAbsent(c.incident(), Incident::new).add(c);
            case Observation o -> {
                if (!incidents.containsKey(o.incident())) {
                    return false;
                }
                incidents.get(o.incident()).add(o);
            }
            case Assessment a -> {
                if (!incidents.containsKey(a.incident())) {
                    return false;
                }
                incidents.get(a.incident()).add(a);
            }
            case ClauseSet s -> clauseSets.add(s);
        }
        entries.put(kind(entry) + ":" + id(entry), entry);
        return true;
    }

    private static void check(Assessment a, Incident incident) {
        if (a.draft()) {
            return; // a draft changes nothing, so it may say anything the monitor is still weighing
        }
        switch (a.status()) {
            case CORROBORATED -> {
                if (incident.claimants().size() < 2 && incident.observations().isEmpty()) {
                    throw new InvalidInput("status", "incident " + incident.id() + " has one claimant and no "
                            + "observation: corroborated needs a second, independent source");
                }
            }
            case VERIFIED -> {
                if (incident.observations().isEmpty()) {
                    throw new InvalidInput("status", "incident " + incident.id() + " has no monitor's observation: "
                            + "verified needs one (a report approved is not a report verified)");
                }
                if (a.aspect() == Aspect.ATTRIBUTION && !incident.verified()) {
                    throw new InvalidInput("status", "incident " + incident.id() + ": verify that it happened "
                            + "before verifying who did it");
                }
            }
            default -> {
                // reported, disputed, refuted and unverifiable need nothing more than a reason
            }
        }
    }

    private Incident require(String incident) {
        Incident i = incidents.get(incident);
        if (i == null) {
            throw new InvalidInput("incident", "no incident " + incident + " in the ledger");
        }
        return i;
    }

    private static String kind(MonitorEntry e) {
        return switch (e) {
            case Claim c -> "claim";
            case Observation o -> "observation";
            case Assessment a -> "assessment";
            case ClauseSet s -> "clauses";
        };
    }

    private static String id(MonitorEntry e) {
        return switch (e) {
            case Claim c -> c.id();
            case Observation o -> o.id();
            case Assessment a -> a.id();
            case ClauseSet s -> s.id();
        };
    }

    public Optional<Incident> incident(String id) {
        return Optional.ofNullable(incidents.get(id));
    }

    /** The incidents a filter lets through, oldest first (by earliest claimed start, then id): how they are shown. */
    public List<Incident> select(java.util.function.Predicate<Incident> filter) {
        return incidents.values().stream().filter(filter).sorted(java.util.Comparator.comparing(Incident::when)
                .thenComparing(Incident::id)).toList();
    }

    /** Every incident, in the order opened. */
    public Collection<Incident> incidents() {
        return Collections.unmodifiableCollection(incidents.values());
    }

    /** The clauses in force: the last set recorded (none before any). */
    public List<Clause> clauses() {
        return clauseSets.isEmpty() ? List.of() : clauseSets.get(clauseSets.size() - 1).clauses();
    }

    /** How many entries are recorded. */
    public int size() {
        return entries.size();
    }
}
