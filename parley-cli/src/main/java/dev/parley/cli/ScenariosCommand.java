package dev.parley.cli;

import dev.parley.scenario.report.TextTable;

import dev.parley.scenario.report.Text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Scenario;
import dev.parley.scenario.BuiltinScenarios;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley scenarios}: the built-in scenarios. */
@Command(name = "scenarios", mixinStandardHelpOptions = true, sortOptions = false, description = "List the built-in scenarios with their parties, issues and outcome counts.")
final class ScenariosCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        List<Scenario> scenarios = BuiltinScenarios.ids().stream()
                .map(id -> BuiltinScenarios.find(id).orElseThrow()).toList();
        if (format == OutputFormat.JSON) {
            var list = new ArrayList<Map<String, Object>>();
            for (Scenario s : scenarios) {
                var m = new LinkedHashMap<String, Object>();
                m.put("id", s.id());
                m.put("title", s.title());
                m.put("parties", s.parties().stream().map(Party::id).toList());
                m.put("issues", s.issues().size());
                m.put("outcomes", s.space().count());
                m.put("default", s.id().equals(BuiltinScenarios.DEFAULT));
                list.add(m);
            }
            out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(list));
            return ExitCodes.OK;
        }
        var table = new TextTable("", "ID", "TITLE", "PARTIES", ">ISSUES", ">OUTCOMES");
        for (Scenario s : scenarios) {
            table.row(s.id() + (s.id().equals(BuiltinScenarios.DEFAULT) ? " (default)" : ""), s.title(),
                    s.parties().stream().map(Party::id).collect(Collectors.joining(" ")), s.issues().size(),
                    Text.count(s.space().count()));
        }
        out.print(table.render());
        return ExitCodes.OK;
    }
}
