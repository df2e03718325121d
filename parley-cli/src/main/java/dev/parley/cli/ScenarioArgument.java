package dev.parley.cli;

import dev.parley.engine.model.Scenario;
import dev.parley.scenario.BuiltinScenarios;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The scenario a command works on (a picocli mixin): the SCENARIO argument (a file or built-in id, by default
 * ceasefire-2025), or GENIUS files with {@code --genius DOMAIN PROFILE...}.
 */
final class ScenarioArgument {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "A scenario file (.yaml, .yml, .json) or built-in id (default: "
            + BuiltinScenarios.DEFAULT
            + ").")
    String scenario;

    @Option(names = "--genius", arity = "3..*", paramLabel = "FILE", description = "Read the scenario from GENIUS files instead: the domain, then one profile per party (at least 2).")
    List<Path> genius;

    /** The scenario named; notes on a GENIUS import go to stderr. */
    Scenario resolve() {
        if (genius != null) {
            if (scenario != null) {
                throw new UsageException("give a SCENARIO or --genius files, not both");
            }
            var r = ImportCommand.importFiles(genius.get(0), genius.subList(1, genius.size()), Optional.empty(), 11);
            r.notes().forEach(n -> mixee.commandLine().getErr().println("note: " + n));
            return r.scenario();
        }
        try {
            return BuiltinScenarios.resolve(scenario == null ? BuiltinScenarios.DEFAULT : scenario);
        } catch (dev.parley.scenario.ScenarioException e) {
            // Naming nothing there is a mistake in the command, not an invalid scenario: exit 2, not 3.
            if (e.problems().size() == 1 && e.problems().get(0).message().startsWith("no such file")) {
                throw new UsageException(e.problems().get(0).toString());
            }
            throw e;
        }
    }
}
