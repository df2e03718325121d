package dev.parley.cli;

import dev.parley.engine.model.Scenario;
import dev.parley.scenario.Format;
import dev.parley.scenario.ScenarioWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley export}: writes a scenario (e.g. a built-in one) as a parley/1 file to start from. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false, subcommands = {
        ExportGeniusCommand.class,
        ExportNegotiationCommand.class}, description = "Write a scenario, profiles included, as a parley/1 document: to stdout, or to a file "
                + "whose extension chooses the format. A good start for a scenario of your own.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioArgument scenario;

    @Option(names = {"-o",
            "--out"}, paramLabel = "FILE", description = "Write to FILE (.yaml, .yml or .json) instead of stdout.")
    Path out;

    @Option(names = "--format", paramLabel = "yaml|json", description = "The format; by default the output file's extension, else yaml.")
    String format;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        Format chosen = format();
        if (out != null && Files.exists(out) && !force) {
            throw new UsageException(out + " exists; add --force to overwrite it");
        }
        if (out != null && Files.isDirectory(out)) {
            throw new UsageException(out + " is a directory; name a file");
        }
        Scenario s = scenario.resolve();
        String text = ScenarioWriter.write(s, chosen);
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        AtomicFiles.write(out, text);
        spec.commandLine().getErr().println("Wrote " + s.id() + " to " + out);
        return ExitCodes.OK;
    }

    private Format format() {
        if (format != null) {
            Format f = Format.byId(format)
                    .orElseThrow(() -> new UsageException("--format must be yaml or json, not '" + format + "'"));
            if (out != null && Format.byFileName(out.toString()).filter(x -> x != f).isPresent()) {
                throw new UsageException("--format " + f.id() + " does not match the extension of " + out);
            }
            return f;
        }
        if (out == null) {
            return Format.YAML;
        }
        return Format.byFileName(out.toString()).orElseThrow(() -> new UsageException(
                out + ": name the file .yaml, .yml or .json, or give --format"));
    }
}
