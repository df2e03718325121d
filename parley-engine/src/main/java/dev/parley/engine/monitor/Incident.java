package dev.parley.engine.monitor;

import dev.parley.engine.monitor.Assessment.Aspect;
import dev.parley.engine.monitor.Assessment.Status;
import dev.parley.engine.monitor.Casualties.Harm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An incident as the ledger holds it: every claim made about it, every observation, and the history of its
 * assessments, with what follows from them. Nothing here merges the claims into one version of the facts: each figure
 * shown is said to be the most conservative, a range, or one claimant's. Read-only to its users; only its
 * {@link Ledger} adds to it, and like the ledger it is not thread-safe.
 */
public final class Incident {
    /**
     * Airwars' strike status: {@code declared} (the alleged perpetrator concedes it), {@code contested} (claims name
     * different perpetrators), {@code single-source} (one claimant only), {@code likely} (several claimants, one
     * perpetrator or none named).
     */
    public enum StrikeStatus {
        DECLARED, LIKELY, CONTESTED, SINGLE_SOURCE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final String id;
    private final List<Claim> claims = new ArrayList<>(1);
    private final List<Observation> observations = new ArrayList<>(0);
    private final List<Assessment> assessments = new ArrayList<>(0);

    Incident(String id) {
        this.id = id;
    }

    void add(Claim c) {
        claims.add(c);
    }

    void add(Observation o) {
        observations.add(o);
    }

    void add(Assessment a) {
        assessments.add(a);
    }

    public String id() {
        return id;
    }

    /** Every claim, in the order recorded. */
    public List<Claim> claims() {
        return Collections.unmodifiableList(claims);
    }

    public List<Observation> observations() {
        return Collections.unmodifiableList(observations);
    }

    /** Every assessment, drafts included, in the order recorded: the full history. */
    public List<Assessment> assessments() {
        return Collections.unmodifiableList(assessments);
    }

    /** The status of an aspect: the last assessment of it that is not a draft, or {@code reported}. */
    public Status status(Aspect aspect) {
        return current(aspect).map(Assessment::status).orElse(Status.REPORTED);
    }

    /** The last assessment of an aspect that is not a draft. */
    public Optional<Assessment> current(Aspect aspect) {
        for (int i = assessments.size() - 1; i >= 0; i--) {
            Assessment a = assessments.get(i);
            if (a.aspect() == aspect && !a.draft()) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * The party the incident is attributed to when its current attribution is verified and its occurrence still is
     * (an occurrence refuted later takes the attribution with it).
     */
    public Optional<String> verifiedPerpetrator() {
        if (!verified()) {
            return Optional.empty();
        }
        return current(Aspect.ATTRIBUTION).filter(a -> a.status() == Status.VERIFIED).flatMap(Assessment::party);
    }

    /** Whether monitors verified that it happened. */
    public boolean verified() {
        return status(Aspect.OCCURRENCE) == Status.VERIFIED;
    }

    /** Whoever claims made about it name as the perpetrator, in the order first named. */
    public Set<String> alleged() {
        var out = new LinkedHashSet<String>();
        claims.forEach(c -> c.facts().perpetrator().ifPresent(out::add));
        return out;
    }

    /** The claimants, in the order they first claimed. */
    public Set<String> claimants() {
        var out = new LinkedHashSet<String>();
        claims.forEach(c -> out.add(c.claimant()));
        return out;
    }

    public StrikeStatus strikeStatus() {
        if (claims.stream().anyMatch(Claim::concession)) {
            return StrikeStatus.DECLARED;
        }
        if (alleged().size() > 1) {
            return StrikeStatus.CONTESTED;
        }
        return claimants().size() == 1 ? StrikeStatus.SINGLE_SOURCE : StrikeStatus.LIKELY;
    }

    /** The earliest start any claim gives: the day it is counted on. */
    public Instant when() {
        Instant first = claims.get(0).facts().occurredFrom();
        for (int k = 1; k < claims.size(); k++) {
            Instant t = claims.get(k).facts().occurredFrom();
            if (t.isBefore(first)) {
                first = t;
            }
        }
        return first;
    }

    /** The type most claims give (the first named on a tie), if any claim gives one. */
    public Optional<IncidentType> type() {
        var counts = new java.util.LinkedHashMap<IncidentType, Integer>();
        claims.forEach(c -> c.facts().type().ifPresent(t -> counts.merge(t, 1, Integer::sum)));
        IncidentType best = null;
        for (var e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        return Optional.ofNullable(best);
    }

    /** The most precisely given place (the first on a tie), if any claim gives one. */
    public Optional<Place> place() {
        return claims.stream().map(c -> c.facts().place()).flatMap(Optional::stream).min(Comparator.comparing(
                Place::precision));
    }

    /**
     * The harm claimed, across claims that give it: from the lowest low to the highest high, with the most
     * conservative best (the smallest, as ACLED does); concessions and allegations together.
     */
    public Optional<Estimate> harm(Harm harm) {
        return range(claims, harm);
    }

    /** The harm the alleged perpetrator itself concedes, kept apart from what others allege. */
    public Optional<Estimate> conceded(Harm harm) {
        return range(claims.stream().filter(Claim::concession).toList(), harm);
    }

    private static Optional<Estimate> range(List<Claim> claims, Harm harm) {
        long low = Long.MAX_VALUE;
        long best = Long.MAX_VALUE;
        long high = -1;
        for (Claim c : claims) {
            Optional<Estimate> e = c.facts().casualties().total(harm);
            if (e.isPresent()) {
                low = Math.min(low, e.get().low());
                best = Math.min(best, e.get().best());
                high = Math.max(high, e.get().high());
            }
        }
        return high < 0 ? Optional.empty() : Optional.of(new Estimate(low, Math.max(low, best), high));
    }

}
