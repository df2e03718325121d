package dev.parley.cli;

import dev.parley.server.Debrief;
import dev.parley.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
                + "Reads the store and adds nothing to it (opening it may bring its schema up to date, as every "
                + "command that opens it does).",
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
        boolean forClass = className != null;
        Debrief.Form chosen = Debrief.Form.byId(format).filter(f -> !forClass || f.forClass()).orElseThrow(
                () -> new UsageException("--format must be one of " + Debrief.Form.ids(forClass) + ", not '" + format
                        + "'"));
        // Without --out, the one form asked for; with it, every form the debrief comes in.
        List<Debrief.Form> forms = out == null
                ? List.of(chosen)
                : java.util.Arrays.stream(Debrief.Form.values()).filter(f -> !forClass || f.forClass()).toList();
        var files = new java.util.LinkedHashMap<Debrief.Form, String>();
        String stem;
        try (Store store = where.open(false, "give the server's --data DIR, or --db JDBC-URL", "export from a copy, "
                + "download the debrief from the console, or stop the server first")) {
            if (forClass) {
                List<Debrief> all = Debrief.ofClass(store, className);
                if (all.isEmpty()) {
                    throw new UsageException("no class '" + className + "' in the store");
                }
                stem = Debrief.classStem(className);
                forms.forEach(f -> files.put(f, f.ofClass(className, all)));
            } else {
                if (store.negotiation(id).isEmpty()) {
                    throw new UsageException("no negotiation " + id + " in the store" + known(store));
                }
                Debrief d = Debrief.of(store, id);
                stem = d.stem();
                forms.forEach(f -> files.put(f, f.of(d)));
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        if (out == null) {
            w.print(files.get(chosen));
            w.flush();
            return ExitCodes.OK;
        }
        Files.createDirectories(out);
        for (Debrief.Form f : files.keySet()) {
            Path file = out.resolve(stem + f.extension());
            if (Files.exists(file) && !force) {
                throw new UsageException(file + " exists; add --force to overwrite it");
            }
        }
        for (var f : files.entrySet()) {
            Path file = out.resolve(stem + f.getKey().extension());
            AtomicFiles.write(file, f.getValue());
            w.println("Wrote " + file);
        }
        return ExitCodes.OK;
    }

    /** The newest negotiations' ids, to say what there is. */
    private static String known(Store store) {
        var ids = new ArrayList<String>();
        store.negotiations().stream().limit(5).forEach(n -> ids.add(n.id()));
        return ids.isEmpty() ? " (it has none)" : "; the newest: " + String.join(", ", ids);
    }
}
