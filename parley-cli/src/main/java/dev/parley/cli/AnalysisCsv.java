package dev.parley.cli;

import dev.parley.scenario.wire.Csv;

import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.FrontierPoint;
import dev.parley.engine.analysis.Solution;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code parley analyze --format csv}: the fair packages, then the first frontier packages, one line each: what it
 * is (a solution's id, or {@code frontier}), whether it is in the agreement zone, the option of each issue and each
 * party's utility. Stateless.
 */
final class AnalysisCsv {
    private AnalysisCsv() {
    }

    /** Writes the lines to {@code out} as they are made: the frontier is never held whole. */
    static void write(Analysis a, long limit, PrintWriter out) {
        Scenario s = a.scenario();
        List<String> parties = new ArrayList<>(s.profiles().keySet());
        var header = new ArrayList<Object>(List.of("package", "in zone"));
        s.issues().forEach(i -> header.add(i.id()));
        parties.forEach(p -> header.add("utility " + p));
        out.print(Csv.row(header));
        for (Solution sol : a.solutions().values()) {
            out.print(line(s, parties, sol.kind().id(), true, sol.outcome(), sol.utilities()));
        }
        for (FrontierPoint p : a.listing(limit)) {
            out.print(line(s, parties, "frontier", p.inZone(), p.outcome(), p.utilities()));
        }
    }

    private static String line(Scenario s, List<String> parties, String what, boolean inZone, Outcome o,
            Map<String, Double> utilities) {
        var fields = new ArrayList<Object>(List.of(what, inZone));
        for (int i = 0; i < s.issues().size(); i++) {
            fields.add(s.issues().get(i).option(o.option(i)).id());
        }
        for (String p : parties) {
            fields.add(utilities.containsKey(p) ? utilities.get(p) : s.profiles().get(p).utility(o.toArray()));
        }
        return Csv.row(fields);
    }
}
