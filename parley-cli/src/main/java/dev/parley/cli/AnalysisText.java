package dev.parley.cli;

import dev.parley.scenario.report.TextTable;

import dev.parley.scenario.report.Text;

import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.Assessment;
import dev.parley.engine.analysis.BlockingDemand;
import dev.parley.engine.analysis.FrontierListing;
import dev.parley.engine.analysis.FrontierPoint;
import dev.parley.engine.analysis.FrontierScope;
import dev.parley.engine.analysis.NearMiss;
import dev.parley.engine.analysis.Solution;
import dev.parley.engine.analysis.SolutionKind;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code parley analyze} as text for people: counts, the fair packages side by side, the frontier, the blockers. */
final class AnalysisText {
    private AnalysisText() {
    }

    /** Writes the text to {@code out}; the frontier's lines as they are made, never held whole. */
    static void write(Analysis a, long limit, Optional<Assessment> assessment, double victoryLimit, PrintWriter out) {
        Scenario s = a.scenario();
        out.append(s.id()).append(": ").append(s.title()).append('\n');
        var reservations = new ArrayList<String>();
        for (String id : a.ratifying()) {
            reservations.add(id + " " + Text.two(a.reservations().get(id)));
        }
        out.append("Ratifying parties and reservations: ").append(String.join(", ", reservations)).append("\n\n");

        var counts = new TextTable("", "", ">", "");
        counts.row("Outcomes", Text.count(a.outcomes()), "");
        boolean conditions = s.profiles().values().stream().anyMatch(p -> !p.conditions().isEmpty());
        counts.row("Within red lines", Text.count(a.withinRedLines()), "break no ratifying party's red line"
                + (conditions ? " or condition" : ""));
        counts.row("Agreement zone", count(a.agreementZone()), a.zoneEmpty()
                ? "EMPTY: no package gives every ratifying party its reservation; no deal is possible as things stand"
                : "also give every ratifying party at least its reservation");
        counts.row("Pareto frontier", count(a.frontierSize()), frontierNote(a));
        out.append(counts.render());

        Map<SolutionKind, Solution> solutions = a.solutions();
        if (!solutions.isEmpty()) {
            out.append("\nFair packages (each maximises its rule over the zone)\n");
            out.append(solutions(s, a, solutions));
        } else if (a.zoneEmpty()) {
            out.append("\nNo fair package: the agreement zone is empty.\n");
        }
        if (!a.nearMisses().isEmpty()) {
            out.append("\nNear misses (short of the fewest reservations, by the least)\n");
            out.append(nearMisses(s, a));
        }
        if (!a.relaxations().isEmpty()) {
            int size = a.relaxations().get(0).size();
            out.append("\nWhat would open the zone: the smallest sets (of ").append(String.valueOf(size))
                    .append(") of red lines "
                            + (conditions ? "and conditions " : "") + "to drop and reservations to waive\n");
            a.relaxations().forEach(set -> out.append("  ").append(String.join(" + ", set)).append('\n'));
        }
        FrontierListing points = a.listing(limit);
        if (points.size() > 0) {
            out.append("\nPareto frontier: ").append(Text.count(points.size())).append(" of ").append(count(a
                    .frontierSize())).append(", the most balanced (largest Nash product) first; options numbered as "
                            + "in 'parley show'\n");
            frontier(s, a, points, out);
        }
        if (!a.blockingDemands().isEmpty()) {
            out.append(
                    "\nWhat blocks a deal: each red line dropped, " + (conditions ? "each condition dropped, " : "")
                            + "each reservation lowered; the most blocking first\n");
            out.append(blocking(a));
            if (a.zoneEmpty() && a.blockingDemands().stream().allMatch(b -> b.nashWithout().isEmpty())) {
                out.append("  No single demand, dropped or lowered, opens the zone.\n");
            }
        }
        if (!a.statedDemands().isEmpty()) {
            out.append("\nStated demands: can each be part of an acceptable deal, and at what cost?\n");
            out.append(statedDemands(s, a));
        }
        assessment.ifPresent(x -> out.append('\n').append(assessment(s, a, x, victoryLimit)));
        if (!a.notes().isEmpty()) {
            out.append("\nNotes\n");
            a.notes().forEach(n -> out.append(Text.wrap("  - ", n, 100)));
        }
    }

    private static String count(OptionalLong n) {
        return n.isPresent() ? Text.count(n.getAsLong()) : "not known";
    }

    private static String frontierNote(Analysis a) {
        if (a.frontierDistinct().isEmpty()) {
            return "not computed (see notes)";
        }
        int distinct = a.frontierDistinct().getAsInt();
        long size = a.frontierSize().getAsLong();
        String of = a.scope() == FrontierScope.ZONE ? "of the zone" : "of the whole space";
        return of + (size > distinct
                ? "; " + Text.count(distinct) + " distinct utility vectors, the rest ties"
                : "; no ties");
    }

    private static String solutions(Scenario s, Analysis a, Map<SolutionKind, Solution> solutions) {
        var headers = new ArrayList<String>();
        headers.add("");
        for (SolutionKind k : solutions.keySet()) {
            headers.add(k.id());
        }
        var table = new TextTable("  ", headers.toArray(String[]::new));
        for (int i = 0; i < s.issues().size(); i++) {
            Issue issue = s.issues().get(i);
            var row = new ArrayList<Object>();
            row.add(issue.id());
            for (Solution sol : solutions.values()) {
                row.add(issue.option(sol.outcome().option(i)).id());
            }
            table.row(row.toArray());
        }
        table.row();
        for (String party : solutions.values().iterator().next().utilities().keySet()) {
            var row = new ArrayList<Object>();
            row.add(party);
            for (Solution sol : solutions.values()) {
                row.add(four(sol.utilities().get(party)));
            }
            table.row(row.toArray());
        }
        return table.render();
    }

    private static String nearMisses(Scenario s, Analysis a) {
        var table = new TextTable("  ", headers(a, "SHORT OF", "BY"));
        for (NearMiss m : a.nearMisses()) {
            var row = new ArrayList<Object>();
            m.utilities().values().forEach(u -> row.add(four(u)));
            row.add(String.join(" ", m.shortOf()) + (m.redLinesBroken().isEmpty()
                    ? ""
                    : " red lines: " + String.join(", ", m.redLinesBroken())));
            row.add(four(m.shortfall()));
            row.add(m.outcome().format(s.issues()));
            table.row(row.toArray());
        }
        return table.render();
    }

    private static String[] headers(Analysis a, String... extra) {
        var h = new ArrayList<String>();
        for (String party : a.reservations().keySet()) {
            h.add(">" + party);
        }
        h.addAll(List.of(extra));
        h.add("PACKAGE");
        return h.toArray(String[]::new);
    }

    /**
     * The frontier's table, a line at a time: each column as wide as its header or its widest possible cell (a
     * utility's four decimals, the largest option number), so that no line need wait for the others.
     */
    private static void frontier(Scenario s, Analysis a, FrontierListing points, PrintWriter out) {
        var h = new ArrayList<String>();
        var widths = new ArrayList<Integer>();
        for (String party : a.reservations().keySet()) {
            h.add(">" + party);
            widths.add(four(1).length());
        }
        for (Issue issue : s.issues()) {
            h.add(">" + issue.id());
            widths.add(String.valueOf(issue.options().size()).length());
        }
        boolean all = a.scope() == FrontierScope.ALL;
        if (all) {
            h.add("IN ZONE");
        }
        var table = new TextTable("  ", h.toArray(String[]::new)).atLeast(widths.stream().mapToInt(Integer::intValue)
                .toArray());
        out.print(table.header());
        var row = new ArrayList<Object>();
        for (FrontierPoint p : points) {
            row.clear();
            p.utilities().values().forEach(u -> row.add(four(u)));
            for (int i = 0; i < s.issues().size(); i++) {
                row.add(p.outcome().option(i) + 1);
            }
            if (all) {
                row.add(p.inZone() ? "yes" : "no");
            }
            out.print(table.line(row.toArray()));
        }
    }

    private static String statedDemands(Scenario s, Analysis a) {
        var h = new ArrayList<String>(List.of("DEMAND", "IN A DEAL?", ">ZONE WITH IT"));
        List<String> parties = new ArrayList<>(s.profiles().keySet());
        for (String party : parties) {
            h.add(">" + party);
        }
        var table = new TextTable("  ", h.toArray(String[]::new));
        var why = new StringBuilder();
        for (var c : a.statedDemands()) {
            var row = new ArrayList<Object>();
            row.add(c.party() + " " + c.demand());
            row.add(c.possible().map(p -> p ? "yes" : "no").orElse("not known"));
            row.add(count(c.zoneWith()));
            for (String party : parties) {
                Double d = c.cost().get(party);
                row.add(d == null ? "-" : signed(-d));
            }
            table.row(row.toArray());
            if (c.possible().isEmpty()) {
                why.append(Text.wrap("  " + c.party() + " " + c.demand() + ": ", "not worked out (see the notes)",
                        110));
            } else if (!c.possible().get()) {
                String reason = !c.redLinesInTheWay().isEmpty()
                        ? "only if these " + (c.redLinesInTheWay().stream().anyMatch(x -> x.contains(" condition "))
                                ? "red lines and conditions"
                                : "red lines") + " went: " + String.join(", ",
                                        c
                                                .redLinesInTheWay())
                                + (c.nearMisses().isEmpty() ? "" : "; and even then " + shortOf(c.nearMisses().get(0)))
                        : c.nearMisses().isEmpty()
                                ? "no package within every ratifying party's red lines grants it"
                                : shortOf(c.nearMisses().get(0));
                why.append(Text.wrap("  " + c.party() + " " + c.demand() + ": ", reason, 110));
            }
        }
        return table.render() + "  (the party columns: how each party's utility at the Nash package moves when the "
                + "demand is imposed)\n" + why;
    }

    private static String shortOf(NearMiss n) {
        if (n.shortOf().isEmpty()) {
            return "no package within every ratifying party's red lines grants it";
        }
        return String.format(Locale.ROOT, "at best %s short of %s reservation%s, by %.4f in all",
                n.shortOf().size() == 1 ? "one party is" : n.shortOf().size() + " parties are",
                String.join(" and ", n.shortOf())
                        + "'s",
                n.shortOf().size() == 1 ? "" : "s", n.shortfall());
    }

    private static String blocking(Analysis a) {
        var h = new ArrayList<String>(List.of("DEMAND", "CHANGE", ">ZONE WITH", ">WITHOUT"));
        for (String party : a.ratifying()) {
            h.add(">" + party);
        }
        var table = new TextTable("  ", h.toArray(String[]::new));
        var legend = new StringBuilder(); // conditions are long: the table names them (a), (b), ... and says them below
        for (BlockingDemand b : a.blockingDemands()) {
            var row = new ArrayList<Object>();
            if (b.condition().isPresent()) {
                String mark = "(" + (char) ('a' + legend.toString().lines().count() % 26) + ")";
                legend.append("  ").append(mark).append(' ').append(b.party()).append(": ").append(b.condition()
                        .get()).append('\n');
                row.add(b.party() + " condition " + mark);
            } else {
                row.add(b.demand());
            }
            row.add(b.change());
            row.add(count(b.zoneWith()));
            row.add(count(b.zoneWithout()));
            Map<String, Double> shift = b.nashShift();
            for (String party : a.ratifying()) {
                Double d = shift.get(party);
                row.add(d == null ? (b.nashWithout().isPresent() ? "opens" : "-") : signed(d));
            }
            table.row(row.toArray());
        }
        return table.render() + "  (the party columns: how each party's Nash utility moves without the demand)\n"
                + legend;
    }

    private static String assessment(Scenario s, Analysis a, Assessment x, double victoryLimit) {
        var out = new StringBuilder("Package ").append(x.outcome().format(s.issues())).append('\n');
        var table = new TextTable("  ", "PARTY", ">UTILITY", ">RESERVATION", ">SHARE: OF THE ZONE",
                ">OF ITS RED LINES", ">DEMANDS GRANTED");
        x.utilities().forEach((party, u) -> table.row(party, four(u), Text.two(a.reservations().get(party)),
                share(x, party, x.shares(), "more than the zone allows"), share(x, party, x.sharesWithinRedLines(),
                        "more than its red lines allow"),
                Text.demands(x, party)));
        out.append(table.render());
        out.append("  (share of possible gain: (u − r)/(best − r), the best over the zone, or over every package the "
                + "party's own red lines allow)\n");
        for (Assessment.VictoryIndex v : x.victoryIndices()) {
            out.append(String.format(Locale.ROOT, "  Victory index %s vs %s: %+.2f (%s's share of the zone minus "
                    + "%s's; flagged beyond ±%.2f%s)%n", v.b(), v.a(), v.value(), v.b(), v.a(), victoryLimit,
                    Math.abs(v.value()) > 1
                            ? "; beyond ±1 because a share lies outside 0–100%, as the table says"
                            : ""));
        }
        x.demands().forEach((party, t) -> {
            if (!t.granted().isEmpty()) {
                out.append("  ").append(party).append(" is granted ").append(String.join(", ", t.granted()));
                out.append(t.notGranted().isEmpty() ? "\n" : "; not " + String.join(", ", t.notGranted()) + "\n");
            } else {
                out.append("  ").append(party).append(" is granted none of its demands\n");
            }
        });
        out.append("  In the zone: ").append(x.inZone() ? "yes" : "no").append("; Pareto-optimal in the zone: ")
                .append(x.paretoOptimal() ? "yes" : "no").append('\n');
        x.nashDistance().ifPresent(d -> out.append(String.format(Locale.ROOT,
                "  Against the Nash package: distance %.4f, Nash product %s of its optimum, differs on %s%n", d,
                Text.percent(x.nashProductShare().orElse(0.0)),
                x.differsFromNash().isEmpty() ? "no issue" : String.join(", ", x.differsFromNash()))));
        if (x.flags().isEmpty()) {
            out.append("  Not lopsided: no flag raised.\n");
        } else {
            out.append("  LOPSIDED:\n");
            for (Assessment.Flag f : x.flags()) {
                out.append(Text.wrap("    " + f.kind() + ": ", f.detail(), 110));
            }
        }
        return out.toString();
    }

    /**
     * A share as people read it: a percentage in 0–100%; "below reservation by x" for a package below the party's
     * reservation; {@code above} (e.g. "more than the zone allows") for a package that gives the party more than the
     * best it is measured against.
     */
    static String share(Assessment x, String party, Map<String, Double> shares, String above) {
        if (x.belowReservationBy().containsKey(party)) {
            return String.format(Locale.ROOT, "below reservation by %.4f", x.belowReservationBy().get(party));
        }
        Double share = shares.get(party);
        if (share == null) {
            return "-";
        }
        return share > 1 + 1e-9 ? above : Text.percent(Math.max(0, share));
    }

    /** "3 of 4 (76%)": the demands a package grants, the share by the party's own weights. */
    private static String four(double u) {
        return Text.four(u);
    }

    private static String signed(double d) {
        return Math.abs(d) < 5e-5 ? "0" : String.format(Locale.ROOT, "%+.4f", d);
    }

    static String format(Outcome o, Scenario s) {
        return o.format(s.issues());
    }
}
