package dev.parley.cli;

import dev.parley.scenario.ScenarioException;
import dev.parley.scenario.ScenarioReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parley validate}: checks scenario files and reports every problem in each. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check scenario files against the parley/1 format. Prints 'OK file' for each valid file, "
        + "or every problem found, one per line as file:line:column path: what is wrong. "
        + "Exits 3 when any file is invalid.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (.yaml, .yml or .json).")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int invalid = 0;
        int absent = 0;
        for (Path file : files) {
            try {
                ScenarioReader.read(file);
                out.println("OK " + file);
            } catch (ScenarioException e) {
                invalid++;
                e.problems().forEach(out::println);
                if (!java.nio.file.Files.isRegularFile(file)) {
                    absent++; // no file there: a mistake in the command
                }
            }
        }
        if (files.size() > 1 && invalid > 0) {
            out.println(invalid + " of " + files.size() + " files invalid");
        }
        return absent > 0 ? ExitCodes.USAGE : invalid == 0 ? ExitCodes.OK : ExitCodes.INVALID_SCENARIO;
    }
}
