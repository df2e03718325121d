package dev.parley.engine.monitor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The monitoring dashboard's figures over a set of incidents: incidents per day; for each clause, the days after it
 * started against as many days before (the baseline); incidents alleged against each side beside those verified
 * against it; what each claimant says was launched, destroyed, lost and impacted; the violations of each clause;
 * and the places. Days are UTC days of an incident's earliest claimed start. Immutable.
 */
public record Dashboard(int incidents, int claims, List<Day> days, List<Baseline> baselines, List<Side> sides,
        List<Quantities> quantities, List<ClauseCount> violations, List<PlaceRow> places) {
    /** One day: incidents, attacks among them, and those verified. */
    public record Day(LocalDate date, int incidents, int attacks, int verified) {
    }

    /**
     * A clause's before and after: the incidents of the kind it forbids in the span before it started
     * ({@code from - window} to {@code from}, but not before the UTC day of the first incident recorded) and after
     * ({@code from} to the first of its end, {@code from + window} and the end of the UTC day of the last incident
     * recorded). Incidents are placed by the instant of their earliest claimed start, the spans measured in days
     * (fractions of a day when a clause does not start at midnight UTC).
     */
    public record Baseline(Clause clause, Instant beforeFrom, double beforeDays, int before, Instant afterTo,
            double afterDays, int after) {
        public double beforePerDay() {
            return beforeDays == 0 ? 0 : before / beforeDays;
        }

        public double afterPerDay() {
            return afterDays == 0 ? 0 : after / afterDays;
        }
    }

    /** A side: incidents claims allege it did, and those whose attribution to it is verified. */
    public record Side(String party, int alleged, int verified) {
    }

    /** A claimant's totals of the best figures it gave. */
    public record Quantities(String claimant, int claims, long launched, long destroyed, long notReached,
            long impacted) {
    }

    /** A clause's violations: alleged (some claim falls under it), verified, and how many are alleged against whom. */
    public record ClauseCount(Clause clause, int alleged, int verified, Map<String, Integer> allegedAgainst) {
        public ClauseCount {
            allegedAgainst = java.util.Collections.unmodifiableMap(new TreeMap<>(allegedAgainst));
        }
    }

    /** A place: incidents there, claims about them, and those verified. */
    public record PlaceRow(String place, int incidents, int claims, int verified) {
    }

    public Dashboard {
        days = List.copyOf(days);
        baselines = List.copyOf(baselines);
        sides = List.copyOf(sides);
        quantities = List.copyOf(quantities);
        violations = List.copyOf(violations);
        places = List.copyOf(places);
    }

    /** The dashboard of these incidents against these clauses, with baselines of {@code windowDays}. */
    public static Dashboard of(Iterable<Incident> incidents, List<Clause> clauses, int windowDays) {
        if (windowDays < 1) {
            throw new dev.parley.engine.InvalidInput("window", "the baseline window must be at least one day");
        }
        var days = new TreeMap<LocalDate, int[]>();
        var sides = new TreeMap<String, int[]>();
        var quantities = new TreeMap<String, long[]>();
        var places = new TreeMap<String, int[]>();
        int count = 0;
        int claims = 0;
        for (Incident i : incidents) {
            count++;
            claims += i.claims().size();
            int[] day = days.computeIfAbsent(day(i.when()), d -> new int[3]);
            day[0]++;
            if (i.claims().stream().anyMatch(c -> c.facts().attack())) {
                day[1]++;
            }
            if (i.verified()) {
                day[2]++;
            }
            for (String party : i.alleged()) {
                sides.computeIfAbsent(party, p -> new int[2])[0]++;
            }
            i.verifiedPerpetrator().ifPresent(p -> sides.computeIfAbsent(p, x -> new int[2])[1]++);
            for (Claim c : i.claims()) {
                long[] q = quantities.computeIfAbsent(c.claimant(), x -> new long[5]);
                q[0]++;
                q[1] += c.facts().launched().map(Estimate::best).orElse(0L);
                q[2] += c.facts().destroyed().map(Estimate::best).orElse(0L);
                q[3] += c.facts().notReached().map(Estimate::best).orElse(0L);
                q[4] += c.facts().impacted().map(Estimate::best).orElse(0L);
            }
            String place = i.place().map(Place::label).orElse("(no place given)");
            int[] row = places.computeIfAbsent(place, p -> new int[3]);
            row[0]++;
            row[1] += i.claims().size();
            if (i.verified()) {
                row[2]++;
            }
        }
        var dayList = new ArrayList<Day>();
        days.forEach((d, n) -> dayList.add(new Day(d, n[0], n[1], n[2])));
        var sideList = new ArrayList<Side>();
        sides.forEach((p, n) -> sideList.add(new Side(p, n[0], n[1])));
        var quantityList = new ArrayList<Quantities>();
        quantities.forEach((c, q) -> quantityList.add(new Quantities(c, (int) q[0], q[1], q[2], q[3], q[4])));
        var placeList = new ArrayList<PlaceRow>();
        places.forEach((p, n) -> placeList.add(new PlaceRow(p, n[0], n[1], n[2])));
        placeList.sort(java.util.Comparator.comparingInt(PlaceRow::incidents).reversed().thenComparing(
                PlaceRow::place));
        var baselines = new ArrayList<Baseline>();
        var violations = new ArrayList<ClauseCount>();
        for (Clause clause : clauses) {
            baselines.add(baseline(incidents, clause, windowDays, days.isEmpty() ? null : days.firstKey(),
                    days.isEmpty() ? null : days.lastKey()));
            int alleged = 0;
            int verified = 0;
            var against = new TreeMap<String, Integer>();
            for (Violation v : Violation.check(incidents, List.of(clause))) {
                alleged++;
                if (v.verified()) {
                    verified++;
                }
                v.allegedAgainst().forEach(p -> against.merge(p, 1, Integer::sum));
            }
            violations.add(new ClauseCount(clause, alleged, verified, against));
        }
        return new Dashboard(count, claims, dayList, baselines, sideList, quantityList, violations, placeList);
    }

    private static Baseline baseline(Iterable<Incident> incidents, Clause clause, int window, LocalDate first,
            LocalDate last) {
        Instant start = clause.from();
        Instant beforeFrom = start.minus(Duration.ofDays(window));
        if (first != null) {
            Instant firstDay = first.atStartOfDay(ZoneOffset.UTC).toInstant();
            if (firstDay.isAfter(beforeFrom)) {
                beforeFrom = firstDay.isBefore(start) ? firstDay : start;
            }
        }
        Instant afterTo = start.plus(Duration.ofDays(window));
        if (clause.until().filter(afterTo::isAfter).isPresent()) {
            afterTo = clause.until().get();
        }
        if (last != null) {
            Instant lastEnd = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (lastEnd.isBefore(afterTo)) {
                afterTo = lastEnd.isAfter(start) ? lastEnd : start;
            }
        }
        int before = 0;
        int after = 0;
        for (Incident i : incidents) {
            Instant t = i.when();
            if (t.isBefore(beforeFrom) || !t.isBefore(afterTo) || !i.claims().stream().anyMatch(c -> clause.ofKind(c
                    .facts()))) {
                continue;
            }
            if (t.isBefore(start)) {
                before++;
            } else {
                after++;
            }
        }
        return new Baseline(clause, beforeFrom, days(beforeFrom, start), before, afterTo, days(start, afterTo),
                after);
    }

    private static double days(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 86_400_000.0;
    }

    /** The UTC day of an instant. */
    public static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }
}
