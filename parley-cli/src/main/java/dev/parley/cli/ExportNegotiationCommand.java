package dev.parley.cli;

import dev.parley.server.Debrief;
import dev.parley.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parley export negotiation}: a served negotiation's debrief, or a class's, from the store. */
@Command(name = "negotiation", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Write the debrief of a negotiation 'parley serve' ran (or of every group of a class): the talks made again "
                + "from the store's log, each round's package, every party's utility, the gap and each party's "
                + "distance to acceptance, and the outcome beside the fair packages with the lopsidedness flags. "
                + "Reads the store; writes nothing to it.",
        "With --out DIR: NAME.html (one self-contained page with the report's charts), NAME.json, NAME.csv and, for "
                + "one negotiation, NAME.jsonl (its transcript, which 'parley replay' checks). Without: --format to "
                + "stdout."})
final class ExportNegotiationCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions where;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "The negotiation's id (GET /api/negotiations lists "
            + "them).")
    String id;

    @Option(names = "--class", paramLabel = "NAME", description = "Every group of this class instead, side by side.")
    String className;

    @Option(names = "--format", paramLabel = "json|csv|html|transcript", defaultValue = "json", description = "What "
            + "goes to stdout without --out (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Write every form into DIR (created if missing).")
    Path out;

    @Option(names = "--force", description = "Overwrite files that exist.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if ((id == null) == (className == null)) {
            throw new UsageException("give a negotiation's ID or --class NAME (one of them)");
        }
        if (!List.of("json", "csv", "html", "transcript").contains(format) || (className != null && format.equals(
                "transcript"))) {
            throw new UsageException("--format must be json, csv, html" + (className == null ? " or transcript" : "")
                    + ", not '" + format + "'");
        }
        Map<String, String> files;
        try (Store store = where.open(false, "give the server's --data DIR, or --db JDBC-URL", "export from a copy, "
                + "download the debrief from the console, or stop the server first")) {
            files = className == null ? one(store) : ofClass(store);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (out == null) {
            w.print(files.get(format));
            w.flush();
            return ExitCodes.OK;
        }
        Files.createDirectories(out);
        for (var f : files.entrySet()) {
            Path file = out.resolve(f.getKey());
            if (Files.exists(file) && !force) {
                throw new UsageException(file + " exists; add --force to overwrite it");
            }
        }
        for (var f : files.entrySet()) {
            AtomicFiles.write(out.resolve(f.getKey()), f.getValue());
            w.println("Wrote " + out.resolve(f.getKey()));
        }
        return ExitCodes.OK;
    }

    /** The forms of one negotiation's debrief, by format and by file name. */
    private Map<String, String> one(Store store) {
        if (store.negotiation(id).isEmpty()) {
            throw new UsageException("no negotiation " + id + " in the store" + known(store));
        }
        Debrief d = Debrief.of(store, id);
        return files(d.stem(), Map.of("json", dev.parley.scenario.wire.Json.pretty(d.json()) + "\n", "csv", d.csv(),
                "html", d.html(), "transcript", d.transcript()));
    }

    private Map<String, String> ofClass(Store store) {
        List<Debrief> all = Debrief.ofClass(store, className);
        if (all.isEmpty()) {
            throw new UsageException("no class '" + className + "' in the store");
        }
        return files(Debrief.classStem(className), Map.of("json", dev.parley.scenario.wire.Json.pretty(Debrief.json(
                className, all)) + "\n", "csv", Debrief.csv(all), "html", Debrief.html(className, all)));
    }

    /**
     * With --out, the file name of each form; without, each form by its format (the caller picks one). In a fixed
     * order: html, json, csv, transcript.
     */
    private Map<String, String> files(String stem, Map<String, String> forms) {
        var byName = new java.util.LinkedHashMap<String, String>();
        for (String f : List.of("html", "json", "csv", "transcript")) {
            if (forms.containsKey(f)) {
                byName.put(out == null ? f : stem + (f.equals("transcript") ? ".jsonl" : "." + f), forms.get(f));
            }
        }
        return byName;
    }

    /** The newest negotiations' ids, to say what there is. */
    private static String known(Store store) {
        var ids = new ArrayList<String>();
        store.negotiations().stream().limit(5).forEach(n -> ids.add(n.id()));
        return ids.isEmpty() ? " (it has none)" : "; the newest: " + String.join(", ", ids);
    }
}
