package dev.parley.engine.model;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Parties, the issues on the table and each party's private profile, with optional protocol defaults. Built by the
 * scenario loader after it has validated a {@code parley/1} file; this class re-checks only the invariants the
 * engine relies on. Immutable and thread-safe.
 */
public final class Scenario {
    private final String id;
    private final String title;
    private final String description;
    private final List<Party> parties;
    private final List<Issue> issues;
    private final Map<String, Profile> profiles;
    private final Optional<ProtocolDefaults> protocol;
    private final Map<String, List<Demand>> demands;
    private final Map<String, Uncertainty> uncertainty;
    private final Map<String, Double> capabilities;
    /** Each demand resolved against the issues, once: by identity of the demand object. */
    private final Map<Demand, Demand.Mask> masks = new java.util.IdentityHashMap<>();
    private final OutcomeSpace space;

    private Scenario(String id, String title, String description, List<Party> parties, List<Issue> issues,
            Map<String, Profile> profiles, Optional<ProtocolDefaults> protocol, Map<String, List<Demand>> demands,
            Map<String, Uncertainty> uncertainty, Map<String, Double> capabilities) {
        this.id = Ids.require(id, "scenario");
        this.title = Objects.requireNonNull(title, "title");
        this.description = Objects.requireNonNull(description, "description");
        this.parties = List.copyOf(parties);
        this.issues = List.copyOf(issues);
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.space = OutcomeSpace.of(this.issues);
        // Profiles are kept in party order whatever order they came in, so output is stable.
        var ordered = new LinkedHashMap<String, Profile>();
        for (Party p : this.parties) {
            Profile profile = profiles.get(p.id());
            if (profile != null) {
                requireFits(p.id(), profile);
                ordered.put(p.id(), profile);
            } else if (p.ratifies()) {
                throw new IllegalArgumentException("ratifying party " + p.id() + " has no profile");
            }
        }
        for (String partyId : profiles.keySet()) {
            if (!ordered.containsKey(partyId)) {
                throw new IllegalArgumentException("profile for unknown party " + partyId);
            }
        }
        this.profiles = Collections.unmodifiableMap(ordered);
        requireUnique(this.parties.stream().map(Party::id).toList(), "party");
        requireUnique(this.issues.stream().map(Issue::id).toList(), "issue");
        for (Party p : this.parties) {
            for (String ally : p.allies()) {
                if (party(ally).isEmpty()) {
                    throw new IllegalArgumentException("party " + p.id() + " names an unknown ally " + ally);
                }
            }
        }
        // Demands are kept in party order, each party's in the order stated.
        var stated = new LinkedHashMap<String, List<Demand>>();
        for (Party p : this.parties) {
            List<Demand> list = demands.getOrDefault(p.id(), List.of());
            if (!list.isEmpty()) {
                list.forEach(d -> masks.put(d, d.mask(this.issues))); // every issue and option it names exists
                requireUnique(list.stream().map(Demand::id).toList(), p.id() + "'s demand");
                stated.put(p.id(), List.copyOf(list));
            }
        }
        for (String partyId : demands.keySet()) {
            if (party(partyId).isEmpty()) {
                throw new IllegalArgumentException("demands of unknown party " + partyId);
            }
        }
        this.demands = Collections.unmodifiableMap(stated);
        var spread = new LinkedHashMap<String, Uncertainty>();
        for (Party p : this.parties) {
            Uncertainty u = uncertainty.get(p.id());
            if (u != null) {
                if (!this.profiles.containsKey(p.id())) {
                    throw new IllegalArgumentException("uncertainty for " + p.id() + ", which has no profile");
                }
                spread.put(p.id(), u);
            }
        }
        for (String partyId : uncertainty.keySet()) {
            if (party(partyId).isEmpty()) {
                throw new IllegalArgumentException("uncertainty of unknown party " + partyId);
            }
        }
        this.uncertainty = Collections.unmodifiableMap(spread);
        var power = new LinkedHashMap<String, Double>();
        for (Party p : this.parties) {
            Double c = capabilities.get(p.id());
            if (c != null) {
                if (!(c >= 0) || c.isInfinite()) {
                    throw new IllegalArgumentException(
                            "the capability of " + p.id() + " must be a number of at least 0");
                }
                power.put(p.id(), c);
            }
        }
        for (String partyId : capabilities.keySet()) {
            if (party(partyId).isEmpty()) {
                throw new IllegalArgumentException("capability of unknown party " + partyId);
            }
        }
        this.capabilities = Collections.unmodifiableMap(power);
    }

    public static Scenario of(String id, String title, String description, List<Party> parties, List<Issue> issues,
            Map<String, Profile> profiles, Optional<ProtocolDefaults> protocol) {
        return new Scenario(id, title, description, parties, issues, profiles, protocol, Map.of(), Map.of(), Map.of());
    }

    /** A scenario with the parties' stated demands (party id → its demands). */
    public static Scenario of(String id, String title, String description, List<Party> parties, List<Issue> issues,
            Map<String, Profile> profiles, Optional<ProtocolDefaults> protocol, Map<String, List<Demand>> demands) {
        return new Scenario(id, title, description, parties, issues, profiles, protocol, demands, Map.of(), Map.of());
    }

    /**
     * This scenario with what is not known of some profiles (party id → its spread, each made for that party's
     * profile); a party left out has none.
     */
    public Scenario withUncertainty(Map<String, Uncertainty> spread) {
        return new Scenario(id, title, description, parties, issues, profiles, protocol, demands, spread, capabilities);
    }

    /** This scenario with {@code partyId}'s profile replaced; its uncertainty, made for the old profile, is dropped. */
    public Scenario withProfile(String partyId, Profile profile) {
        if (party(partyId).isEmpty()) {
            throw new IllegalArgumentException("no party " + partyId);
        }
        var changed = new LinkedHashMap<>(profiles);
        changed.put(partyId, profile);
        var spread = new LinkedHashMap<>(uncertainty);
        spread.remove(partyId);
        return new Scenario(id, title, description, parties, issues, changed, protocol, demands, spread, capabilities);
    }

    private void requireFits(String partyId, Profile profile) {
        if (profile.issueCount() != issues.size()) {
            throw new IllegalArgumentException("profile of " + partyId + " covers " + profile.issueCount() + " issues");
        }
        for (int i = 0; i < issues.size(); i++) {
            if (profile.optionCount(i) != issues.get(i).size()) {
                throw new IllegalArgumentException("profile of " + partyId + " has the wrong option count on "
                        + issues.get(i).id());
            }
        }
    }

    private static void requireUnique(List<String> ids, String what) {
        var seen = new HashSet<String>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("duplicate " + what + " id " + id);
            }
        }
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public List<Party> parties() {
        return parties;
    }

    public List<Issue> issues() {
        return issues;
    }

    /** Every profile, keyed by party id, in party order. */
    public Map<String, Profile> profiles() {
        return profiles;
    }

    public Optional<ProtocolDefaults> protocol() {
        return protocol;
    }

    public OutcomeSpace space() {
        return space;
    }

    public Optional<Party> party(String partyId) {
        return parties.stream().filter(p -> p.id().equals(partyId)).findFirst();
    }

    public Optional<Profile> profile(String partyId) {
        return Optional.ofNullable(profiles.get(partyId));
    }

    /** The position of the issue with this id, or -1. */
    public int issueIndex(String issueId) {
        return Issue.indexIn(issues, issueId);
    }

    /**
     * The principals, in the scenario's order, at most two: the sides a bilateral protocol, the gap and the victory
     * index are about. A third principal, if any, takes part as a ratifying party.
     */
    public List<String> principals() {
        return parties.stream().filter(p -> p.role() == Role.PRINCIPAL).map(Party::id).limit(2).toList();
    }

    /** The mediator: the first party whose role is mediator, if any. */
    public Optional<String> mediator() {
        return parties.stream().filter(p -> p.role() == Role.MEDIATOR).map(Party::id).findFirst();
    }

    /** Each party's stated demands, in party order; parties that stated none are absent. Public, unlike profiles. */
    /**
     * This scenario with the parties' capabilities (party id → a number of at least 0: its power to sway the
     * outcome, for the expected-utility model); a party left out has none given.
     */
    public Scenario withCapabilities(Map<String, Double> power) {
        return new Scenario(id, title, description, parties, issues, profiles, protocol, demands, uncertainty, power);
    }

    /** Each party's capability, where given, in party order. */
    public Map<String, Double> capabilities() {
        return capabilities;
    }

    /** What is not known of each profile, by party, in party order; a party without an entry has none. */
    public Map<String, Uncertainty> uncertainty() {
        return uncertainty;
    }

    public Map<String, List<Demand>> demands() {
        return demands;
    }

    /** A stated demand of this scenario resolved against its issues (worked out once, when it was built). */
    public Demand.Mask mask(Demand demand) {
        Demand.Mask m = masks.get(demand);
        if (m == null) {
            throw new IllegalArgumentException("demand " + demand.id() + " is not one of this scenario's");
        }
        return m;
    }

    /** The parties whose consent a deal needs, in party order. */
    public List<Party> ratifyingParties() {
        return parties.stream().filter(Party::ratifies).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scenario s
                && id.equals(s.id)
                && title.equals(s.title)
                && description.equals(s.description)
                && parties.equals(s.parties)
                && issues.equals(s.issues)
                && profiles.equals(s.profiles)
                && protocol.equals(s.protocol)
                && demands.equals(s.demands)
                && uncertainty.equals(s.uncertainty)
                && capabilities.equals(s.capabilities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, title, parties, issues, profiles, protocol, demands);
    }

    @Override
    public String toString() {
        return "Scenario[" + id + ", " + parties.size() + " parties, " + space + "]";
    }
}
