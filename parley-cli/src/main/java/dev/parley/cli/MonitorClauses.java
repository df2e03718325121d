package dev.parley.cli;

import dev.parley.scenario.report.TextTable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.InvalidInput;
import dev.parley.engine.monitor.Clause;
import dev.parley.engine.monitor.ClauseSet;
import dev.parley.engine.monitor.Clauses;
import dev.parley.scenario.Problem;
import dev.parley.scenario.ScenarioException;
import dev.parley.scenario.monitor.MonitorJson;
import dev.parley.scenario.wire.Json;
import dev.parley.server.MonitoringLog;
import dev.parley.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley monitor clauses}: the clauses in force, set from an agreed package or written by hand. */
@Command(name = "clauses", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Set the ceasefire clauses incidents are checked against, or (with no option) show those in force.",
        "From a package: CF=full-30d gives 'no attacks of any kind for 30 days'; CF=full-after-monitoring 'no "
                + "attacks' with no end, and 'monitors move unhindered'; CF=energy-and-sea 'no strikes on energy "
                + "infrastructure' and 'no naval attacks in the Black Sea', 30 days each; PK=neutral-monitors "
                + "'monitors move unhindered'; other options give none (and are named).",
        "By hand: --file clauses.json, a JSON list of {\"id\", \"title\", \"from\", \"until\", \"types\": [...], "
                + "\"targets\": [...]} (docs/monitoring.md). A new set replaces the old one for checking; both stay "
                + "in the log."})
final class MonitorClauses implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MonitorStore where;

    static final class Source {
        @Option(names = "--package", paramLabel = "ISSUE=OPTION,...", description = "The agreed package, e.g. "
                + "CF=energy-and-sea,PK=neutral-monitors.")
        String pkg;

        @Option(names = "--run", paramLabel = "FILE", description = "The agreement of a 'parley run --format json' "
                + "document.")
        Path run;

        @Option(names = "--file", paramLabel = "FILE", description = "Clauses written by hand (JSON).")
        Path file;
    }

    @ArgGroup(exclusive = true)
    Source source;

    @Option(names = "--from", paramLabel = "DAY", description = "When a package's clauses start (required with "
            + "--package or --run).")
    String from;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (source == null) {
            try (Store store = where.open(false)) {
                var ledger = where.existing(store).read();
                if (ledger.clauses().isEmpty()) {
                    out.println("No clauses set (parley monitor clauses --package CF=... --from DAY)");
                } else {
                    out.print(describe(ledger.clauses()));
                }
            }
            return ExitCodes.OK;
        }
        if (source.file == null && from == null) {
            throw new UsageException("--from DAY: when do the package's clauses start?");
        }
        if (source.file != null && from != null) {
            throw new UsageException("--from is for a package's clauses: hand-written ones give their own 'from'");
        }
        String origin;
        List<Clause> clauses;
        if (source.file != null) {
            clauses = file(source.file);
            origin = "file " + source.file.getFileName();
        } else {
            Map<String, String> pkg = source.pkg != null ? parse(source.pkg) : agreement(source.run);
            Instant start = MonitorArgs.instant("--from", from);
            Clauses.Yield y = Clauses.of(pkg, start);
            clauses = y.clauses();
            origin = MonitorJson.origin(pkg, start);
            if (!y.silent().isEmpty()) {
                out.println("No clause from " + String.join(", ", y.silent()));
            }
        }
        if (clauses.isEmpty()) {
            throw new UsageException("this package yields no clause to monitor");
        }
        List<Clause> set = clauses;
        // each setting is a new entry (the same clauses set again replace themselves), so its time is in its id
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        ClauseSet entry = MonitorArgs.option("clauses", () -> MonitorJson.clauses(origin, at, set));
        try (Store store = where.open(true)) {
            MonitoringLog log = where.ledger(store);
            MonitorArgs.option("clauses", () -> log.record(List.of(entry)));
        }
        out.print(describe(clauses));
        return ExitCodes.OK;
    }

    static String describe(List<Clause> clauses) {
        var t = new TextTable("", "CLAUSE", "FROM", "UNTIL", "FORBIDS");
        for (Clause c : clauses) {
            t.row(c.id(), c.from(), c.until().map(Object::toString).orElse("(no end)"), c.title());
        }
        return t.render();
    }

    /** A JSON file; one that is not JSON is said with where it stops being so (exit 3). */
    private static JsonNode document(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no file " + file);
        }
        if (!Files.isReadable(file)) {
            throw new UsageException("cannot read " + file + " (permission denied)");
        }
        try {
            return Json.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (InvalidInput e) {
            throw new ScenarioException(List.of(new Problem(file.toString(), 0, 0, "", e.getMessage().substring(file
                    .toString().length() + 2))));
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ScenarioException(List.of(new Problem(file.toString(), 0, 0, "", "not UTF-8 text")));
        }
    }

    /** {@code CF=energy-and-sea,PK=neutral-monitors}, in the order given. */
    static Map<String, String> parse(String text) {
        var pkg = new LinkedHashMap<String, String>();
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new UsageException("--package: '" + part + "' is not ISSUE=OPTION");
            }
            pkg.put(kv[0].strip(), kv[1].strip());
        }
        return pkg;
    }

    /** The agreed package of a run's JSON document. */
    static Map<String, String> agreement(Path run) throws IOException {
        JsonNode doc = document(run);
        JsonNode pkg = doc.path("deal").path("package");
        if (!pkg.isObject()) {
            throw new ScenarioException(List.of(new Problem(run.toString(), 0, 0, "deal.package", "the run reached no "
                    + "agreement, or this is not a 'parley run --format json' document")));
        }
        var out = new LinkedHashMap<String, String>();
        pkg.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** Clauses written by hand, every problem named with its clause. */
    static List<Clause> file(Path file) throws IOException {
        JsonNode doc = document(file);
        JsonNode list = doc.isArray() ? doc : doc.path("clauses");
        var problems = new ArrayList<Problem>();
        var out = new ArrayList<Clause>();
        if (!list.isArray() || list.isEmpty()) {
            problems.add(
                    new Problem(file.toString(), 0, 0, "", "expected a list of clauses (or {\"clauses\": [...]})"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                try {
                    out.add(MonitorJson.clause(list.get(i)));
                } catch (InvalidInput e) {
                    problems.add(new Problem(file.toString(), 0, 0, "clauses[" + i + "]" + e.field().map(f -> "."
                            + f).orElse(""), e.getMessage()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return out;
    }
}
