package dev.parley.cli;

import dev.parley.scenario.report.Text;

import dev.parley.engine.monitor.Claim;
import dev.parley.scenario.monitor.MonitorImport;
import dev.parley.server.MonitoringLog;
import dev.parley.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parley monitor}: ceasefire monitoring against the store — incidents and the claims about them, monitors'
 * observations and assessments, the clauses in force, the check of incidents against them, and the dashboard.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Monitor a ceasefire: record what each side claims about incidents (never overwriting a claim), what "
                + "monitors observe, and their assessments of whether each incident happened and who did it, kept "
                + "apart; set the clauses of the agreed package; check incidents against them; report.",
        "Everything is kept in the store (--data/--db, like 'serve'), in a keyed, append-only log that 'parley "
                + "audit' verifies.",
        "Typical: parley monitor import attacks.csv; parley monitor clauses --package CF=energy-and-sea --from "
                + "2025-03-18; parley monitor report --out out/monitoring"}, subcommands = {
                        MonitorCommand.Import.class, MonitorRecord.ClaimCommand.class,
                        MonitorRecord.Observe.class, MonitorRecord.Assess.class, MonitorClauses.class,
                        MonitorQueries.ListCommand.class, MonitorQueries.Show.class, MonitorQueries.Check.class,
                        MonitorReport.class})
final class MonitorCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand; try 'parley monitor "
                + "import --help' or 'parley monitor report --help'.");
    }

    /** {@code parley monitor import}: claims from files in the public formats. */
    @Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false, description = {
            "Import incidents from CSV files, one claim per row: the Ukrainian Air Force's daily reports of missile "
                    + "and drone attacks (the columns of the 'massive missile attacks on Ukraine' data set: "
                    + "time_start, time_end, model, launch_place, target, target_main, launched, destroyed, "
                    + "not_reach_goal, ..., source), UCDP GED events, or ACLED exports. The format is told by the "
                    + "header unless --format says.",
            "Importing the same rows again adds nothing. A file with any problem adds nothing; every problem is "
                    + "named by line and column (exit 3)."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        MonitorStore where;

        @Option(names = "--format", paramLabel = "FORMAT", description = "missile-attacks, ucdp-ged or acled "
                + "(default: told by the header).")
        String format;

        @Option(names = "--progress-log", description = "A line on stderr each time more claims are committed (how many of "
                + "the file's new claims): what it says is durable.")
        boolean progressLog;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "CSV files to import.")
        List<Path> files;

        @Override
        public Integer call() throws IOException {
            Optional<MonitorImport.Format> f = Optional.ofNullable(format).map(x -> MonitorArgs.option("--format",
                    () -> MonitorImport.Format.of("--format", x)));
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    throw new UsageException("no file " + file);
                }
                if (!Files.isReadable(file)) {
                    throw new UsageException("cannot read " + file + " (permission denied)");
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            var read = new ArrayList<List<Claim>>();
            var results = new ArrayList<MonitorImport.Result>();
            // every file is read before anything is stored: a file with a problem stores nothing of any of them
            for (Path file : files) {
                var claims = new ArrayList<Claim>();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    results.add(MonitorImport.read(file.toString(), in, f, claims::add));
                } catch (java.nio.charset.MalformedInputException e) {
                    throw new dev.parley.scenario.ScenarioException(List.of(new dev.parley.scenario.Problem(file
                            .toString(), 0, 0, "", "not UTF-8 text")));
                }
                read.add(claims);
            }
            try (Store store = where.open(true)) {
                MonitoringLog log = where.ledger(store);
                for (int i = 0; i < files.size(); i++) {
                    List<Claim> claims = read.get(i);
                    Path file = files.get(i);
                    var progress = TerminalProgress.forStderr("claims");
                    java.util.function.IntConsumer told = n -> {
                        progress.progress("recording " + file.getFileName(), n, claims.size());
                        if (progressLog) {
                            spec.commandLine().getErr().println("committed " + n + " new claims of " + file);
                            spec.commandLine().getErr().flush();
                        }
                    };
                    MonitoringLog.Recorded r;
                    try {
                        r = MonitorArgs.option(file.toString(), () -> log.record(claims, told));
                    } finally {
                        TerminalProgress.closeIfOpen(progress);
                    }
                    MonitorImport.Result result = results.get(i);
                    out.println(files.get(i) + " (" + result.format().id() + "): " + Text.plural(result.rows(), "row")
                            + ", " + Text.plural(r.added().size(), "new claim") + ", " + r.already()
                            + " already recorded" + (result.skipped().isEmpty()
                                    ? ""
                                    : ", skipped as no ceasefire incident: " + result.skipped()));
                }
            }
            return ExitCodes.OK;
        }
    }
}
