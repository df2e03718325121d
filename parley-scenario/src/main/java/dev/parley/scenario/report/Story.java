package dev.parley.scenario.report;

import dev.parley.scenario.wire.Csv;

import dev.parley.engine.analysis.Picture;
import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.Assessment;
import dev.parley.engine.analysis.Solution;
import dev.parley.engine.analysis.SolutionKind;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.session.Session;
import dev.parley.engine.utility.UtilityTable;
import dev.parley.scenario.wire.AnalysisJson;
import dev.parley.scenario.wire.Json;
import dev.parley.scenario.wire.SettingsJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The story of a run: the rounds where something changed (a text adopted, an offer moved), each party's utility and
 * the gap between the principals, the result, the lopsidedness flags, and the deal beside the fair packages.
 * <p>
 * The gap (docs/glossary.md, {@link dev.parley.engine.analysis.Positions}): each principal's position on an issue is
 * what it has said there (its last offer; in single-text and shuttle its latest criticism or objection, else the text
 * or package it last accepted; its best option before it has said anything); per issue |k_a − k_b| / (K − 1),
 * weighted by the principals' mean weights. Every protocol shows it.
 */
public final class Story {
    /**
     * One row: something changed. {@code issueGaps}: the gap on each issue, in issue order; {@code shortOf}: each
     * ratifying party's distance to acceptance of the row's package (max(0, r − u)).
     */
    public record Row(int round, String who, String what, Outcome outcome, Map<String, Double> utilities,
            Optional<Double> gap, Optional<List<Double>> issueGaps, Map<String, Double> shortOf) {
        public Row {
            issueGaps = issueGaps.map(List::copyOf);
            shortOf = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shortOf));
        }
    }

    private final Scenario s;
    private final Protocol protocol;
    private final Settings settings;
    private final long seed;
    private final Map<String, String> seats;
    private final Session result;
    private final Analysis analysis;
    private final Map<String, UtilityTable> tables = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> principals;

    public Story(Scenario s, Protocol protocol, long seed, Map<String, String> seats, Session result,
            Analysis analysis) {
        this.s = s;
        this.protocol = protocol;
        this.settings = protocol.settings();
        this.seed = seed;
        this.seats = seats;
        this.result = result;
        this.analysis = analysis;
        s.profiles().forEach((id, p) -> tables.put(id, UtilityTable.of(s.space(), p)));
        this.principals = s.principals();
        buildRows();
    }

    /** Whether the talks ended in agreement. */
    public boolean agreed() {
        return result.agreement().isPresent();
    }

    /** The rounds where something changed, in order. */
    public List<Row> rows() {
        return rows;
    }

    private void buildRows() {
        Map<String, Outcome> lastOffer = new HashMap<>();
        Map<String, Outcome> lastAccepted = new HashMap<>();
        var said = new dev.parley.engine.analysis.Positions(s);
        Outcome text = null;
        for (Event e : result.events()) {
            said.see(e);
            switch (e) {
                case Event.TextAdopted t -> {
                    rows.add(row(t.round(), "", text == null ? "opening text" : changes(text, t.text()),
                            t.text(), said));
                    text = t.text();
                }
                case Event.Offered o -> {
                    Outcome before = lastOffer.put(o.party(), o.outcome());
                    if (before == null || !before.equals(o.outcome())) {
                        rows.add(row(o.round(), o.party(), before == null ? "opens" : changes(before, o.outcome()),
                                o.outcome(), said));
                    }
                }
                case Event.Presented p -> {
                    Outcome before = lastOffer.put(p.to(), p.outcome());
                    if (before == null || !before.equals(p.outcome())) {
                        rows.add(row(p.round(), p.to(), "presented: " + (before == null
                                ? "opening package"
                                : changes(before, p.outcome())), p.outcome(), said));
                    }
                }
                case Event.Rejected r when !r.objections().isEmpty() -> {
                    var wants = new ArrayList<String>();
                    for (int k = 0; k < r.objections().size(); k++) {
                        wants.add(r.objections().get(k) + " (toward " + r.toward().get(k) + ")");
                    }
                    rows.add(row(r.round(), r.party(), "rejects, objecting to " + String.join(" and ", wants),
                            r.outcome(), said));
                }
                case Event.Accepted a -> {
                    if (!a.outcome().equals(lastAccepted.put(a.party(), a.outcome()))) {
                        rows.add(row(a.round(), a.party(), "accepts", a.outcome(), said));
                    }
                }
                default -> {
                }
            }
        }
    }

    /** The ratifying parties below their reservation on a row, with how far: "RU 0.004", or "–" for none. */
    private static String shortOf(Row r) {
        var parts = new ArrayList<String>();
        r.shortOf().forEach((p, d) -> {
            if (d > 0) {
                parts.add(p + " " + String.format(Locale.ROOT, "%.3f", d));
            }
        });
        return parts.isEmpty() ? "–" : String.join(", ", parts);
    }

    private Row row(int round, String who, String what, Outcome o, dev.parley.engine.analysis.Positions said) {
        return new Row(round, who, what, o, utilities(o), said.gap(), said.issueGaps().map(g -> java.util.Arrays
                .stream(g).boxed().toList()),
                dev.parley.engine.analysis.Picture.distanceToAcceptance(s, o));
    }

    private String changes(Outcome from, Outcome to) {
        var parts = new ArrayList<String>();
        for (int i = 0; i < s.issues().size(); i++) {
            if (from.option(i) != to.option(i)) {
                Issue issue = s.issues().get(i);
                parts.add(issue.id() + " " + issue.option(from.option(i)).id() + " → " + issue.option(to.option(i))
                        .id());
            }
        }
        return String.join("; ", parts);
    }

    private Map<String, Double> utilities(Outcome o) {
        var m = new LinkedHashMap<String, Double>();
        tables.forEach((id, t) -> m.put(id, t.utility(o.toArray())));
        return m;
    }

    public String text(boolean quiet) {
        var out = new StringBuilder();
        out.append("parley run: ").append(s.id()).append(" — ").append(s.title()).append('\n');
        out.append("Protocol ").append(describeProtocol()).append("; seed ").append(seed).append('\n');
        var seatList = new ArrayList<String>();
        seats.forEach((party, agent) -> seatList.add(party + " " + agent));
        out.append(Text.wrap("Seats: ", String.join(", ", seatList), 100));
        if (!quiet) {
            out.append('\n').append(rounds());
        }
        out.append('\n').append(resultText());
        return out.toString();
    }

    private String describeProtocol() {
        ProtocolKind kind = settings.kind();
        return switch (kind) {
            case SHUTTLE -> "shuttle, mediated by " + settings.mediator().orElseThrow() + "; deadline "
                    + settings.rounds() + " rounds of private meetings";
            case SINGLE_TEXT -> "single-text, mediated by " + settings.mediator().orElseThrow() + "; deadline "
                    + settings.rounds() + " proposals, stall limit " + settings.stallLimit();
            case ALTERNATING -> "alternating offers between " + String.join(" and ", principals) + "; deadline "
                    + settings.rounds() + " rounds" + (settings.discount() < 1
                            ? ", discount " + settings.discount()
                            : "");
            case ZEUTHEN -> "zeuthen between " + String.join(" and ", principals) + ", each conceding by Zeuthen's "
                    + "risk rule, which ends at their Nash package; deadline " + settings.rounds() + " rounds";
            case SAOP -> "saop among " + String.join(", ", protocol.participants()) + "; deadline "
                    + settings.rounds() + " rounds";
        };
    }

    /** The rows as a text table, with a line that sums up the talks. */
    public String rounds() {
        boolean offers = settings.kind() != ProtocolKind.SINGLE_TEXT;
        boolean shuttle = settings.kind() == ProtocolKind.SHUTTLE;
        boolean gap = principals.size() == 2;
        var headers = new ArrayList<String>(List.of(">ROUND"));
        if (offers) {
            headers.add("PARTY");
        }
        tables.keySet().forEach(p -> headers.add(">" + p));
        if (gap) {
            headers.add(">GAP");
        }
        headers.add("SHORT OF RESERVATION");
        headers.add(shuttle
                ? "MEETING (package changes from the last presented to that party)"
                : offers ? "OFFER (changes from its last)" : "TEXT ADOPTED (changes)");
        var table = new TextTable("", headers.toArray(String[]::new));
        for (Row r : rows) {
            var row = new ArrayList<Object>();
            row.add(r.round() + 1);
            if (offers) {
                row.add(r.who());
            }
            r.utilities().values().forEach(u -> row.add(String.format(Locale.ROOT, "%.3f", u)));
            if (gap) {
                row.add(r.gap().map(g -> String.format(Locale.ROOT, "%.3f", g)).orElse(""));
            }
            row.add(shortOf(r));
            row.add(r.what());
            table.row(row.toArray());
        }
        String summary;
        if (shuttle) {
            long meetings = result.events().stream().filter(e -> e instanceof Event.Presented).count();
            summary = meetings + " private meetings in " + (result.state().round() + 1) + " rounds; shown: new "
                    + "packages, objections and acceptances";
        } else if (offers) {
            long offersMade = result.events().stream().filter(e -> e instanceof Event.Offered).count();
            summary = offersMade + " offers in " + (result.state().round() + 1) + " rounds; shown: the "
                    + rows.size() + " moves where an offer changed or a new one was accepted";
        } else {
            long proposals = result.events().stream().filter(e -> e instanceof Event.Proposed).count();
            long adopted = result.events().stream().filter(e -> e instanceof Event.TextAdopted).count() - 1;
            summary = proposals + " proposals, " + adopted + " adopted by every ratifying party (shown)";
        }
        return table.render() + "(" + summary + ")\n";
    }

    private String resultText() {
        var out = new StringBuilder();
        Optional<Outcome> deal = result.agreement();
        if (deal.isEmpty()) {
            out.append("Result: NO AGREEMENT — ").append(reason()).append('\n');
            result.state().currentText()
                    .ifPresent(t -> out.append("Last text: ").append(t.format(s.issues())).append('\n'));
        } else {
            out.append("Result: AGREEMENT — ").append(reason()).append('\n');
            out.append(Text.wrap("Deal: ", deal.get().format(s.issues()), 110));
            Assessment a = analysis.assess(deal.get());
            out.append(compare(deal.get(), a));
            discounted(a).ifPresent(d -> {
                out.append(String.format(Locale.ROOT,
                        "Discounted (δ = %s): the deal came in round %d, worth δ^%d = %.4f of "
                                + "its utility, as is each reservation%n",
                        Json.exact(protocol
                                .discount()),
                        d.delay() + 1, d.delay(), d.multiplier()));
                out.append(Text.wrap("  ", String.join(", ", d.utilities().entrySet().stream().map(e -> e.getKey()
                        + " " + four(e.getValue())).toList()), 110));
            });
            if (a.flags().isEmpty()) {
                out.append("Lopsided: no flag raised").append(a.paretoOptimal()
                        ? "; Pareto-optimal in the zone.\n"
                        : ".\n");
            } else {
                out.append("Lopsided:\n");
                a.flags().forEach(f -> out.append(Text.wrap("  " + f.kind() + ": ", f.detail(), 110)));
            }
        }
        return out.toString();
    }

    private String compare(Outcome deal, Assessment a) {
        Map<SolutionKind, Solution> sol = analysis.solutions();
        var table = new TextTable("  ", "", ">DEAL", ">NASH", ">KALAI-SMORODINSKY");
        for (String party : a.utilities().keySet()) {
            table.row(party, four(a.utilities().get(party)), sol.containsKey(SolutionKind.NASH)
                    ? four(sol.get(SolutionKind.NASH).utilities().get(party))
                    : "-",
                    sol.containsKey(SolutionKind.KALAI_SMORODINSKY)
                            ? four(sol.get(SolutionKind.KALAI_SMORODINSKY).utilities().get(party))
                            : "-");
        }
        var out = new StringBuilder("Beside the fair packages:\n").append(table.render());
        a.nashProductShare().ifPresent(x -> out.append(String.format(Locale.ROOT,
                "  Nash product of the deal: %.0f%% of the optimum; differs from the Nash package on %s%n", 100 * x,
                a.differsFromNash().isEmpty() ? "no issue" : String.join(", ", a.differsFromNash()))));
        a.victoryIndices().forEach(v -> out.append(String.format(Locale.ROOT,
                "  Victory index %s vs %s: %+.2f%n", v.b(), v.a(), v.value())));
        if (!a.demands().isEmpty()) {
            var granted = new ArrayList<String>();
            a.demands().keySet().forEach(party -> granted.add(party + " " + Text.demands(a, party)));
            out.append(Text.wrap("  Stated demands granted (share by each party's own weights): ", String.join(", ",
                    granted), 110));
        }
        return out.toString();
    }

    /**
     * Under a discount δ &lt; 1, the deal as it is worth when agreed: the rounds of delay t (the protocol's round
     * number, 0 for a deal in the first round), δ^t, and each party's utility times δ^t.
     */
    record Discounted(int delay, double multiplier, Map<String, Double> utilities) {
    }

    private Optional<Discounted> discounted(Assessment a) {
        double d = protocol.discount();
        if (d >= 1) {
            return Optional.empty();
        }
        int t = result.state().round();
        double m = Math.pow(d, t);
        var u = new LinkedHashMap<String, Double>();
        a.utilities().forEach((party, x) -> u.put(party, x * m));
        return Optional.of(new Discounted(t, m, u));
    }

    private String reason() {
        return result.end().map(Event.Ended::reason).orElse("not ended");
    }

    private static String four(double u) {
        return Text.four(u);
    }

    /**
     * The rounds as CSV, one line per row of the story: round, party, change, the option of each issue, each party's
     * utility, the gap, the gap on each issue, and each ratifying party's distance to acceptance.
     */
    public String csv() {
        return csv(List.of(), List.of(), true);
    }

    /**
     * As {@link #csv()}, with {@code leading} columns in front (their {@code values} on every line), the header line
     * written or not: several stories in one file.
     */
    public String csv(List<String> leading, List<?> values, boolean withHeader) {
        var header = new ArrayList<Object>(leading);
        header.addAll(List.of("round", "party", "change"));
        s.issues().forEach(i -> header.add(i.id()));
        tables.keySet().forEach(p -> header.add("utility " + p));
        header.add("gap");
        s.issues().forEach(i -> header.add("gap " + i.id()));
        s.ratifyingParties().forEach(p -> header.add("short of reservation " + p.id()));
        var out = new StringBuilder(withHeader ? Csv.row(header) : "");
        for (Row r : rows) {
            var line = new ArrayList<Object>(values);
            line.addAll(List.of(r.round() + 1, r.who(), r.what()));
            for (int i = 0; i < s.issues().size(); i++) {
                line.add(s.issues().get(i).option(r.outcome().option(i)).id());
            }
            line.addAll(r.utilities().values());
            line.add(r.gap().orElse(null));
            for (int i = 0; i < s.issues().size(); i++) {
                int issue = i;
                line.add(r.issueGaps().map(g -> g.get(issue)).orElse(null));
            }
            s.ratifyingParties().forEach(p -> line.add(r.shortOf().get(p.id())));
            out.append(Csv.row(line));
        }
        return out.toString();
    }

    public Map<String, Object> json() {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("scenario", s.id());
        doc.put("protocol", SettingsJson.write(settings, s));
        doc.put("seed", seed);
        doc.put("seats", seats);
        var roundList = new ArrayList<Map<String, Object>>();
        for (Row r : rows) {
            var m = new LinkedHashMap<String, Object>();
            m.put("round", r.round() + 1);
            if (!r.who().isEmpty()) {
                m.put("party", r.who());
            }
            m.put("change", r.what());
            m.put("package", r.outcome().toMap(s.issues()));
            m.put("utilities", Json.exact(r.utilities()));
            r.gap().ifPresent(g -> m.put("gap", Json.exact(g)));
            r.issueGaps().ifPresent(g -> {
                var byIssue = new LinkedHashMap<String, Double>();
                for (int i = 0; i < g.size(); i++) {
                    byIssue.put(s.issues().get(i).id(), Json.exact(g.get(i)));
                }
                m.put("issueGaps", byIssue);
            });
            m.put("distanceToAcceptance", Json.exact(r.shortOf()));
            roundList.add(m);
        }
        doc.put("rounds", roundList);
        doc.put("moves", result.moves().size());
        var how = new LinkedHashMap<String, Object>();
        Optional<Outcome> deal = result.agreement();
        how.put("type", deal.isPresent() ? "agreement" : "no-agreement");
        deal.ifPresent(d -> how.put("package", d.toMap(s.issues())));
        how.put("reason", reason());
        doc.put("result", how);
        deal.ifPresent(d -> {
            Assessment a = analysis.assess(d);
            doc.put("utilities", Json.exact(a.utilities()));
            doc.put("flags", a.flags().stream().map(Assessment.Flag::kind).toList());
            doc.put("assessment", a.flags().stream().map(Assessment.Flag::detail).toList());
            a.nashProductShare().ifPresent(x -> doc.put("nashProductShare", Json.exact(x)));
            // the same assessment with every figure a number: shares, victory index, each flag's figures
            doc.put("deal", AnalysisJson.assessment(a, s.issues()));
            discounted(a).ifPresent(x -> {
                var m = new LinkedHashMap<String, Object>();
                m.put("factor", Json.exact(protocol.discount()));
                m.put("delay", x.delay());
                m.put("multiplier", Json.exact(x.multiplier()));
                m.put("utilities", Json.exact(x.utilities()));
                doc.put("discounted", m);
            });
        });
        var solutions = new LinkedHashMap<String, Object>();
        analysis.solutions().forEach((k, v) -> solutions.put(k.id(), AnalysisJson.solution(v, s.issues())));
        doc.put("solutions", solutions);
        return doc;
    }
}
