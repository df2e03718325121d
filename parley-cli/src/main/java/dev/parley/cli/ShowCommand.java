package dev.parley.cli;

import dev.parley.scenario.report.TextTable;

import dev.parley.scenario.report.Text;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.ProtocolDefaults;
import dev.parley.engine.model.Scenario;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parley show}: a scenario's parties (with their allies), issues and options, stated demands; private profiles
 * only on request.
 */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false, description = "Show a scenario: its parties, issues and options, and the parties' stated demands. Profiles are private to each party and "
        + "are shown only with --profiles.")
final class ShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioArgument scenario;

    @Option(names = "--profiles", description = "Also show each party's private profile: reservation value, "
            + "weights, values, red lines, conditions and interaction terms.")
    boolean profiles;

    @Override
    public Integer call() {
        Scenario s = scenario.resolve();
        PrintWriter out = spec.commandLine().getOut();
        out.println(s.id() + ": " + s.title());
        out.println(Text.plural(s.parties().size(), "party").replace("partys", "parties") + ", "
                + Text.plural(s.issues().size(), "issue") + ", " + Text.count(s.space().count()) + " outcomes"
                + s.protocol().map(ShowCommand::protocol).orElse(""));
        if (!s.description().isBlank()) {
            out.println();
            s.description().strip().lines().forEach(l -> out.println(l.isBlank() ? "" : "  " + l));
        }
        out.println();
        out.println("Parties");
        var parties = new TextTable("  ", "", "", "", "", "");
        for (Party p : s.parties()) {
            parties.row(p.id(), p.name(), p.role().id(), p.ratifies() ? "ratifies" : "does not ratify",
                    p.allies().isEmpty() ? "" : "allies: " + String.join(", ", p.allies()));
        }
        out.print(parties.render());
        if (s.parties().stream().anyMatch(p -> !p.representatives().isEmpty())) {
            out.println();
            out.println("Representatives");
            int idWidth = s.parties().stream().mapToInt(p -> p.id().length()).max().orElse(0);
            for (Party p : s.parties()) {
                if (!p.representatives().isEmpty()) {
                    String head = "  " + p.id() + " ".repeat(idWidth - p.id().length()) + "  ";
                    out.print(Text.wrap(head, String.join("; ", p.representatives()), 100));
                }
            }
        }
        out.println();
        out.println("Issues");
        for (Issue issue : s.issues()) {
            out.println("  " + issue.id() + "  " + issue.name());
            var options = new TextTable("      ", "", "", "");
            for (int k = 0; k < issue.size(); k++) {
                options.row(k + 1, issue.option(k).id(), issue.option(k).label().equals(issue.option(k).id())
                        ? ""
                        : issue.option(k).label());
            }
            out.print(options.render());
        }
        if (!s.demands().isEmpty()) {
            out.println();
            out.println("Stated demands (public): satisfied by");
            var table = new TextTable("  ", "", "", "");
            s.demands().forEach((party, demands) -> {
                for (var d : demands) {
                    var by = new java.util.ArrayList<String>();
                    d.satisfiedBy().forEach((issue, options) -> by.add(issue + " " + String.join(" or ", options)));
                    table.row(party, d.id(), String.join(" and ", by));
                }
            });
            out.print(table.render());
        }
        if (profiles) {
            printProfiles(out, s);
        } else if (!s.profiles().isEmpty()) {
            out.println();
            out.println("(" + Text.plural(s.profiles().size(), "private profile") + " not shown; add --profiles)");
        }
        return ExitCodes.OK;
    }

    private static String protocol(ProtocolDefaults p) {
        return "; protocol " + p.type() + p.mediator().map(m -> " mediated by " + m).orElse("")
                + (p.rounds().isPresent() ? ", " + p.rounds().getAsInt() + " rounds" : "");
    }

    private static void printProfiles(PrintWriter out, Scenario s) {
        out.println();
        out.println("Profiles (private to each party)");
        for (Map.Entry<String, Profile> e : s.profiles().entrySet()) {
            Profile p = e.getValue();
            out.println("  " + e.getKey() + "  reservation " + Text.two(p.reservation()));
            var table = new TextTable("      ", "ISSUE", ">WEIGHT", "VALUES (in option order)", "RED LINES");
            for (int i = 0; i < s.issues().size(); i++) {
                Issue issue = s.issues().get(i);
                var values = new ArrayList<String>();
                var red = new ArrayList<String>();
                for (int k = 0; k < issue.size(); k++) {
                    values.add(Text.two(p.value(i, k)));
                    if (p.isRedLine(i, k)) {
                        red.add(issue.option(k).id());
                    }
                }
                table.row(issue.id(), Text.two(p.weight(i)), String.join(" ", values), String.join(", ", red));
            }
            out.print(table.render());
            p.conditions().forEach(c -> out.println("      condition: " + c.describe(s.issues())));
            p.interactions().forEach(t -> out.println("      interaction: " + t.describe(s.issues())));
        }
        List<String> without = s.parties().stream().map(Party::id).filter(id -> !s.profiles().containsKey(id))
                .toList();
        if (!without.isEmpty()) {
            out.println("  (no profile: " + String.join(", ", without) + ")");
        }
    }
}
