package dev.parley.cli;

import dev.parley.engine.model.Scenario;
import dev.parley.scenario.BuiltinScenarios;
import picocli.CommandLine.Parameters;

/** The optional SCENARIO argument of the commands that work on one scenario (a picocli mixin). */
final class ScenarioArgument {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", defaultValue = BuiltinScenarios.DEFAULT, description = "A scenario file (.yaml, .yml, .json) or built-in id (default: ${DEFAULT-VALUE}).")
    String scenario;

    /** The scenario named: a file or a built-in. */
    Scenario resolve() {
        return BuiltinScenarios.resolve(scenario);
    }
}
