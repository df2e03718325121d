package dev.parley.cli;

import dev.parley.scenario.report.TextTable;

import dev.parley.scenario.report.Text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.engine.monitor.Assessment;
import dev.parley.engine.monitor.Casualties;
import dev.parley.engine.monitor.Claim;
import dev.parley.engine.monitor.Dashboard;
import dev.parley.engine.monitor.Incident;
import dev.parley.engine.monitor.IncidentType;
import dev.parley.engine.monitor.Ledger;
import dev.parley.engine.monitor.Observation;
import dev.parley.engine.monitor.Place;
import dev.parley.engine.monitor.Violation;
import dev.parley.scenario.monitor.MonitorDocuments;
import dev.parley.scenario.monitor.MonitorJson;
import dev.parley.scenario.wire.Csv;
import dev.parley.scenario.wire.Json;
import dev.parley.store.Store;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parley monitor list}, {@code show} and {@code check}: reading the ledger. */
final class MonitorQueries {
    private MonitorQueries() {
    }

    static Ledger read(MonitorStore where) {
        try (Store store = where.open(false)) {
            return where.existing(store).read();
        }
    }

    static final List<String> INCIDENT_COLUMNS = List.of("incident", "day", "type", "place", "claimants",
            "alleged_perpetrators", "strike_status", "occurrence", "attribution", "attributed_to", "claims",
            "observations", "killed_low", "killed_best", "killed_high");

    /** An incident's row, as the table and the CSV give it. */
    static List<Object> row(Incident i) {
        var killed = i.harm(Casualties.Harm.KILLED);
        return List.of(i.id(), Dashboard.day(i.when()), i.type().map(IncidentType::id).orElse(""), i.place().map(
                Place::label).orElse(""), String.join(" ", i.claimants()), String.join(" ", i.alleged()), i
                        .strikeStatus().id(),
                i.status(Assessment.Aspect.OCCURRENCE).id(), i.status(
                        Assessment.Aspect.ATTRIBUTION).id(),
                i.current(Assessment.Aspect.ATTRIBUTION)
                        .flatMap(Assessment::party).orElse(""),
                i.claims().size(), i.observations()
                        .size(),
                killed.map(e -> (Object) e.low()).orElse(""), killed.map(
                        e -> (Object) e.best()).orElse(""),
                killed.map(e -> (Object) e
                        .high()).orElse(""));
    }

    /** The violations as CSV, a header and a row each, as {@code check} prints and {@code report} writes them. */
    static String violationsCsv(List<Violation> violations) {
        var csv = new StringBuilder(Csv.row(List.of("clause", "incident", "alleged_by", "alleged_against",
                "occurrence", "verified_against")));
        violations.forEach(v -> csv.append(Csv.row(List.of(v.clause().id(), v.incident(), String.join(" ", v
                .allegedBy()), String.join(" ", v.allegedAgainst()), v.occurrence().id(), v.verifiedAgainst()
                        .orElse("")))));
        return csv.toString();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false, description = {
            "List incidents, oldest first, with who claims what and their status; filter by period, place, type, "
                    + "claimant and status."})
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        MonitorStore where;

        @Mixin
        MonitorArgs.Filter filter;

        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text, json or csv "
                + "(default: ${DEFAULT-VALUE}).")
        TableFormat format;

        @Option(names = "--limit", defaultValue = "200", paramLabel = "N", description = "At most N incidents in text "
                + "(default: ${DEFAULT-VALUE}; JSON and CSV give all).")
        int limit;

        @Override
        public Integer call() {
            if (limit < 0) {
                throw new UsageException("--limit: give 0 or more, not " + limit);
            }
            var f = filter.filter();
            Ledger ledger = read(where);
            List<Incident> shown = ledger.select(f);
            PrintWriter out = spec.commandLine().getOut();
            switch (format) {
                case JSON -> {
                    ArrayNode list = JsonNodeFactory.instance.arrayNode();
                    shown.forEach(i -> list.add(MonitorDocuments.incident(i, false, false)));
                    ObjectNode doc = JsonNodeFactory.instance.objectNode().put("incidents", shown.size());
                    doc.set("list", list);
                    out.println(Json.pretty(doc));
                }
                case CSV -> {
                    out.print(Csv.row(INCIDENT_COLUMNS));
                    shown.forEach(i -> out.print(Csv.row(row(i))));
                }
                case TEXT -> {
                    var t = new TextTable("", "INCIDENT", "DAY", "TYPE", "PLACE", "CLAIMANTS", "ALLEGED", "STRIKE",
                            "OCCURRENCE", "ATTRIBUTION");
                    shown.stream().limit(limit).forEach(i -> {
                        List<Object> r = row(i);
                        t.row(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6), r.get(7), r.get(8)
                                + (r.get(9).toString().isEmpty() ? "" : " (" + r.get(9) + ")"));
                    });
                    out.print(t.render());
                    out.println(Text.plural(shown.size(), "incident") + (shown.size() > limit
                            ? ", the first " + limit + " shown (--limit)"
                            : "") + " of " + ledger.incidents().size());
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false, description = {
            "Show one incident: every claim made about it, side by side and never merged, the monitors' "
                    + "observations, and the full history of its assessments (drafts marked)."})
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        MonitorStore where;

        @Parameters(paramLabel = "INCIDENT")
        String id;

        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json "
                + "(default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Override
        public Integer call() {
            Incident i = read(where).incident(id).orElseThrow(() -> new UsageException("no incident " + id
                    + " (parley monitor list)"));
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) {
                out.println(Json.pretty(MonitorDocuments.incident(i, true, true)));
                return ExitCodes.OK;
            }
            out.println("Incident " + i.id() + ", " + Dashboard.day(i.when()) + i.type().map(t -> ", " + t.id())
                    .orElse("") + i.place().map(p -> ", " + p.label()).orElse(""));
            out.println("Strike status: " + i.strikeStatus().id() + "; occurrence " + i.status(
                    Assessment.Aspect.OCCURRENCE).id() + "; attribution " + i.status(Assessment.Aspect.ATTRIBUTION)
                            .id()
                    + i.current(Assessment.Aspect.ATTRIBUTION).flatMap(Assessment::party).map(p -> " ("
                            + p + ")").orElse(""));
            i.harm(Casualties.Harm.KILLED).ifPresent(e -> out.println("Killed, across claims: " + e.low() + " to " + e
                    .high() + " (most conservative " + e.best() + ")"
                    + i.conceded(Casualties.Harm.KILLED).map(
                            c -> "; conceded by the perpetrator: " + c).orElse("")));
            out.println();
            out.println("Claims (" + i.claims().size() + "):");
            for (Claim c : i.claims()) {
                var f = c.facts();
                out.println("  " + c.claimant() + " via " + c.channel() + ", stated " + c.statedAt() + (c.concession()
                        ? " (a concession)"
                        : ""));
                out.println("    occurred " + f.occurredFrom() + (f.occurredTo().equals(f.occurredFrom())
                        ? ""
                        : " to " + f.occurredTo()) + " (" + f.timePrecision().id() + ")" + f.place()
                                .map(p -> " at "
                                        + p.label() + " (" + p.precision().id() + ")")
                                .orElse(""));
                String what = f.type().map(IncidentType::id).orElse("") + f.subType().map(s -> "/" + s).orElse("") + f
                        .weapon().map(w -> " " + w).orElse("") + f.perpetrator().map(p -> " by " + p).orElse("")
                        + f
                                .target().map(t -> " on " + t).orElse("")
                        + f.targetCategory().map(t -> " [" + t.id()
                                + "]").orElse("");
                if (!what.isBlank()) {
                    out.println("    " + what.strip());
                }
                String counts = f.launched().map(e -> "launched " + e).orElse("")
                        + f.destroyed().map(e -> ", destroyed " + e).orElse("")
                        + f.notReached().map(e -> ", not reaching target " + e)
                                .orElse("")
                        + f.impacted().map(e -> ", impacted " + e).orElse("");
                if (!counts.isEmpty()) {
                    out.println("    " + counts);
                }
                if (!f.casualties().isEmpty()) {
                    out.println("    harm " + f.casualties());
                }
                f.text().ifPresent(t -> out.println("    \"" + t + "\""));
                c.source().ifPresent(s -> out.println("    source " + s));
            }
            if (!i.observations().isEmpty()) {
                out.println();
                out.println("Observations (" + i.observations().size() + "):");
                for (Observation o : i.observations()) {
                    out.println("  " + o.at() + " " + o.monitor() + o.position().map(p -> " at " + p).orElse("") + o
                            .direction().map(d -> ", looking " + d).orElse("") + ": " + o.seen());
                }
            }
            out.println();
            out.println("Assessment history (" + i.assessments().size() + "):");
            if (i.assessments().isEmpty()) {
                out.println("  none: every aspect is as reported");
            }
            for (Assessment a : i.assessments()) {
                out.println("  " + a.at() + " " + a.assessor() + ": " + a.aspect().id() + " " + a.status().id() + a
                        .party().map(p -> " (" + p + ")").orElse("")
                        + a.grading().map(g -> ", grading " + g.id())
                                .orElse("")
                        + (a.draft() ? " [draft]" : "") + " - " + a.reason());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false, description = {
            "Check every incident against the clauses in force: which clause it would break, who alleges it "
                    + "against whom, and whether monitors verified it. Exits 0 either way."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        MonitorStore where;

        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text, json or csv "
                + "(default: ${DEFAULT-VALUE}).")
        TableFormat format;

        @Override
        public Integer call() {
            Ledger ledger = read(where);
            if (ledger.clauses().isEmpty()) {
                throw new UsageException("no clauses set: parley monitor clauses --package CF=... --from DAY");
            }
            List<Violation> vs = Violation.check(ledger.incidents(), ledger.clauses());
            PrintWriter out = spec.commandLine().getOut();
            switch (format) {
                case JSON -> {
                    ObjectNode doc = JsonNodeFactory.instance.objectNode();
                    ArrayNode clauses = doc.putArray("clauses");
                    ledger.clauses().forEach(c -> clauses.add(MonitorJson.clause(c)));
                    ArrayNode list = doc.putArray("violations");
                    vs.forEach(v -> list.add(MonitorDocuments.violation(v)));
                    doc.put("alleged", vs.size()).put("verified", vs.stream().filter(Violation::verified).count());
                    out.println(Json.pretty(doc));
                }
                case CSV -> {
                    out.print(violationsCsv(vs));
                }
                case TEXT -> {
                    var t = new TextTable("", "CLAUSE", "INCIDENT", "ALLEGED BY", "AGAINST", "OCCURRENCE",
                            "VERIFIED AGAINST");
                    vs.forEach(v -> t.row(v.clause().id(), v.incident(), String.join(" ", v.allegedBy()), String
                            .join(" ", v.allegedAgainst()), v.occurrence().id(), v.verifiedAgainst().orElse("")));
                    out.print(t.render());
                    long verified = vs.stream().filter(Violation::verified).count();
                    out.println(Text.plural(vs.size(), "alleged violation") + ", " + verified + " verified, of "
                            + Text.plural(ledger.clauses().size(), "clause") + " in force");
                }
            }
            return ExitCodes.OK;
        }
    }
}
