package dev.parley.cli;

import dev.parley.scenario.report.TextTable;

import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.analysis.Solution;
import dev.parley.engine.analysis.SolutionKind;
import dev.parley.engine.forecast.ExpectedUtility;
import dev.parley.engine.forecast.IssueModels;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import dev.parley.scenario.ActorsCsv;
import dev.parley.scenario.wire.ForecastJson;
import dev.parley.scenario.wire.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code parley forecast --model eu}: Bueno de Mesquita's expected-utility model, as replicated by Scholz, Calbert
 * and Smith (2011), issue by issue on a scenario (beside the weighted median, the mean and the Nash package) or on
 * the actors of a CSV, round by round; as text or one JSON document. Stateless.
 */
final class ForecastEu {
    private ForecastEu() {
    }

    /**
     * The expected-utility model on each issue of the scenario, or on the actors of a CSV, printed to the command's
     * output.
     */
    static int run(CommandSpec spec, ScenarioArgument scenario, Path actors, int modelRounds, String reading,
            OutputFormat format) throws IOException {
        if (modelRounds < 0 || modelRounds > 1000) {
            throw new UsageException("--model-rounds must be from 0 to 1000, not " + modelRounds);
        }
        if (!reading.equals("code") && !reading.equals("text")) {
            throw new UsageException("--reading must be code or text, not '" + reading + "'");
        }
        ExpectedUtility.Readings readings = reading.equals("code")
                ? ExpectedUtility.Readings.CODE
                : ExpectedUtility.Readings.TEXT;
        var doc = new LinkedHashMap<String, Object>();
        doc.put("model", "expected-utility");
        doc.put("method", "Bueno de Mesquita's expected-utility model as replicated by Scholz, Calbert and Smith "
                + "(2011), " + (reading.equals("code")
                        ? "following their code"
                        : "following Bueno de Mesquita's "
                                + "text")
                + " where the two differ");
        doc.put("reading", reading);
        doc.put("rounds", modelRounds);
        var text = new StringBuilder();
        text.append("Expected-utility model (Bueno de Mesquita, as replicated by Scholz, Calbert & Smith 2011; ")
                .append(reading.equals("code") ? "their code's reading" : "Bueno de Mesquita's text's reading")
                .append("), ").append(modelRounds).append(" rounds\n");
        if (actors != null) {
            List<ExpectedUtility.Actor> list = ActorsCsv.read(actors);
            List<ExpectedUtility.Round> run = ExpectedUtility.run(list, modelRounds, readings);
            doc.put("actors", actors.getFileName().toString());
            doc.put("issues", List.of(issueJson(actors.getFileName().toString(), list, run, null)));
            text.append("Actors from ").append(actors.getFileName()).append(": ").append(list.size()).append("\n\n");
            ExpectedUtility.Round last = run.get(run.size() - 1);
            text.append(String.format(Locale.ROOT, "Weighted median %.2f, weighted mean (compromise) %.2f at the "
                    + "start; after the rounds: median %.2f, mean %.2f%n", run.get(0).median(), run.get(0).mean(),
                    last
                            .median(),
                    last.mean()));
            text.append("\nRound by round (the weighted median and mean of the positions, then each actor's):\n");
            var header = new StringBuilder(String.format(Locale.ROOT, "  %5s  %8s  %8s", "round", "median", "mean"));
            list.forEach(a -> header.append(String.format(Locale.ROOT, "  %10.10s", a.name())));
            text.append(header).append('\n');
            for (ExpectedUtility.Round r : run) {
                var line = new StringBuilder(String.format(Locale.ROOT, "  %5d  %8.3f  %8.3f", r.number(), r.median(),
                        r.mean()));
                for (int a = 0; a < list.size(); a++) {
                    line.append(String.format(Locale.ROOT, "  %10.3f", r.position(a)));
                }
                text.append(line).append('\n');
            }
        } else {
            Scenario s = scenario.resolve();
            Analysis a = Analyzer.analyze(s, AnalysisOptions.defaults().withBlockingDemands(false).withZoneCount(
                    false));
            java.util.Optional<Outcome> nash = java.util.Optional.ofNullable(a.solutions().get(SolutionKind.NASH)).map(
                    Solution::outcome);
            List<IssueModels.IssueForecast> forecasts = IssueModels.of(s, modelRounds, readings);
            doc.put("scenario", s.id());
            doc.put("capabilities", IssueModels.capabilitiesGiven(s) ? "the scenario's" : "1 each (none given)");
            var issues = new ArrayList<Object>();
            text.append("Each issue's options evenly on 0–100 in their order; a party at the option it values most, "
                    + "its salience its weight over its largest, its capability ").append(
                            IssueModels.capabilitiesGiven(
                                    s) ? "the scenario's" : "1 (the scenario gives none)")
                    .append(".\n\n");
            var table = new TextTable("  ", "issue", "weighted median", "mean (compromise)", "after the rounds", "fair "
                    + "(Nash)");
            for (IssueModels.IssueForecast f : forecasts) {
                int i = s.issues().indexOf(f.issue());
                issues.add(issueJson(f.issue().id(), f.actors(), f.rounds(), f));
                table.row(f.issue().id(), f.issue().option(f.median()).id(), f.issue().option(f.mean()).id(), f.issue()
                        .option(f.forecast()).id(), nash.map(o -> f.issue().option(o.option(i)).id()).orElse("–"));
            }
            doc.put("issues", issues);
            text.append(table.render()).append("\n");
            text.append("The weighted median and mean are of the starting positions; 'after the rounds' is the "
                    + "weighted median once the actors have challenged, compromised and capitulated.\n");
        }
        PrintWriter w = spec.commandLine().getOut();
        w.print(format == OutputFormat.JSON ? Json.pretty(doc) + "\n" : text.toString());
        return ExitCodes.OK;
    }

    private static Map<String, Object> issueJson(String name, List<ExpectedUtility.Actor> actors,
            List<ExpectedUtility.Round> rounds, IssueModels.IssueForecast f) {
        var m = new LinkedHashMap<String, Object>();
        m.put("issue", name);
        m.put("actors", actors.stream().map(a -> {
            var e = new LinkedHashMap<String, Object>();
            e.put("actor", a.name());
            e.put("capability", a.capability());
            e.put("position", ForecastJson.round(a.position()));
            e.put("salience", ForecastJson.round(a.salience()));
            return e;
        }).toList());
        m.put("rounds", rounds.stream().map(r -> {
            var e = new LinkedHashMap<String, Object>();
            e.put("round", r.number());
            var positions = new LinkedHashMap<String, Object>();
            var moves = new LinkedHashMap<String, Object>();
            for (int a = 0; a < actors.size(); a++) {
                positions.put(actors.get(a).name(), ForecastJson.round(r.position(a)));
                if (r.moves().get(a) != ExpectedUtility.Move.STAYS) {
                    moves.put(actors.get(a).name(), r.moves().get(a).name().toLowerCase(Locale.ROOT).replace('_', '-')
                            + " " + r.toward().get(a));
                }
            }
            e.put("positions", positions);
            e.put("moves", moves);
            e.put("median", ForecastJson.round(r.median()));
            e.put("mean", ForecastJson.round(r.mean()));
            return e;
        }).toList());
        if (f != null) {
            m.put("weightedMedian", f.issue().option(f.median()).id());
            m.put("mean", f.issue().option(f.mean()).id());
            m.put("forecast", f.issue().option(f.forecast()).id());
        }
        return m;
    }
}
