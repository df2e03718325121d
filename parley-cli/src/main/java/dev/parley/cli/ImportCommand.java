package dev.parley.cli;

import dev.parley.scenario.Format;
import dev.parley.scenario.ScenarioWriter;
import dev.parley.scenario.genius.GeniusImport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parley import}: scenarios from other tools. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import a scenario from another tool's files.", subcommands = ImportCommand.Genius.class)
final class ImportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Say which format to import from: 'parley import genius DOMAIN.xml PROFILE.xml...'.");
    }

    /** {@code parley import genius}. */
    @Command(name = "genius", mixinStandardHelpOptions = true, sortOptions = false, description = {
            "Import a GENIUS domain file and its profile files as a parley/1 scenario: to stdout, "
                    + "or to --out. Every approximation made is printed as a note on stderr.",
            "Parties are named after the profile files unless --parties names them; all are principals; "
                    + "the reservation is the file's or 0; a discount factor becomes a protocol setting."})
    static final class Genius implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DOMAIN", description = "The GENIUS domain file.")
        Path domain;

        @Parameters(index = "1..*", arity = "2..*", paramLabel = "PROFILE", description = "A profile per party (at least 2).")
        List<Path> profiles;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the scenario to FILE (.yaml, "
                + ".yml or .json) instead of stdout.")
        Path out;

        @Option(names = "--parties", paramLabel = "A,B,...", split = ",", description = "Party ids, one per profile, in order.")
        List<String> parties;

        @Option(names = "--steps", paramLabel = "N", defaultValue = "11", description = "How many options a real-valued issue becomes (default: ${DEFAULT-VALUE}).")
        int steps;

        @Option(names = "--force", description = "Overwrite FILE if it exists.")
        boolean force;

        @Override
        public Integer call() throws IOException {
            GeniusImport.Result r = importFiles(domain, profiles, Optional.ofNullable(parties), steps);
            r.notes().forEach(n -> spec.commandLine().getErr().println("note: " + n));
            if (out == null) {
                spec.commandLine().getOut().print(ScenarioWriter.write(r.scenario(), Format.YAML));
                return ExitCodes.OK;
            }
            Format format = Format.byFileName(out.toString()).orElseThrow(() -> new UsageException(
                    out + ": name the file .yaml, .yml or .json"));
            if (Files.exists(out) && !force) {
                throw new UsageException(out + " exists; add --force to overwrite it");
            }
            AtomicFiles.write(out, ScenarioWriter.write(r.scenario(), format));
            spec.commandLine().getErr().println("Wrote " + r.scenario().id() + " to " + out);
            return ExitCodes.OK;
        }
    }

    /** Reads GENIUS files, turning bad settings into usage errors. */
    static GeniusImport.Result importFiles(Path domain, List<Path> profiles, Optional<List<String>> parties,
            int steps) {
        if (steps < 2) {
            throw new UsageException("--steps must be at least 2, not " + steps);
        }
        try {
            return GeniusImport.read(domain, profiles, new GeniusImport.Settings(parties, steps));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
