package dev.parley.cli;

import dev.parley.engine.model.Scenario;
import dev.parley.scenario.genius.GeniusExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parley export genius}: a scenario as GENIUS files. */
@Command(name = "genius", mixinStandardHelpOptions = true, sortOptions = false, description = "Write a scenario as GENIUS files into DIR: a domain file and a profile file per party. What "
        + "GENIUS cannot express (red lines) is reported as not exported.")
final class ExportGeniusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioArgument scenario;

    @Parameters(index = "1", paramLabel = "DIR", description = "The folder to write into (created if missing).")
    Path dir;

    @Option(names = "--force", description = "Overwrite files that exist.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        Scenario s = scenario.resolve();
        GeniusExport.Result r = GeniusExport.write(s);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException(dir + " is a file; name a folder");
        }
        for (String name : r.files().keySet()) {
            if (Files.exists(dir.resolve(name)) && !force) {
                throw new UsageException(dir.resolve(name) + " exists; add --force to overwrite it");
            }
        }
        for (Map.Entry<String, String> f : r.files().entrySet()) {
            AtomicFiles.write(dir.resolve(f.getKey()), f.getValue());
            spec.commandLine().getOut().println("Wrote " + dir.resolve(f.getKey()));
        }
        r.notes().forEach(n -> spec.commandLine().getErr().println("note: " + n));
        return ExitCodes.OK;
    }
}
