package dev.parley.scenario.genius;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a scenario as GENIUS files: a domain file {@code ID-domain.xml} and a profile file {@code PARTY.xml} per
 * party with a profile, so that importing them names the parties as before. Issues and items are named by their
 * ids (labels that ids were made from are kept). GENIUS divides
 * each issue's evaluations by their largest, so where a party's best value on an issue is below 1 the factor moves
 * into the weights, and the utilities (and the reservation with them) are scaled by one common factor, which is
 * noted. Red lines cannot be expressed in GENIUS: they are reported as not exported. Stateless.
 */
public final class GeniusExport {
    /** The files to write (name → XML text, in order) and the notes on what could not be kept exactly. */
    public record Result(Map<String, String> files, List<String> notes) {
        public Result {
            files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
            notes = List.copyOf(notes);
        }
    }

    private GeniusExport() {
    }

    public static Result write(Scenario s) {
        var files = new LinkedHashMap<String, String>();
        var notes = new ArrayList<String>();
        List<String> issueNames = s.issues().stream().map(i -> name(i.name(), i.id())).toList();
        var itemNames = new ArrayList<List<String>>();
        for (Issue issue : s.issues()) {
            itemNames.add(issue.options().stream().map(o -> name(o.label(), o.id())).toList());
        }
        files.put(s.id() + "-domain.xml", domain(s, issueNames, itemNames));
        for (Party p : s.parties()) {
            Profile profile = s.profiles().get(p.id());
            if (profile == null) {
                notes.add(p.id() + " has no profile: no file written for it");
                continue;
            }
            files.put(p.id() + ".xml", profile(s, p, profile, issueNames, itemNames, notes));
        }
        s.profiles().forEach((party, profile) -> {
            if (!profile.conditions().isEmpty() || !profile.interactions().isEmpty()) {
                notes.add(party + ": " + profile.conditions().size() + " hard condition(s) and " + profile
                        .interactions().size() + " interaction term(s) cannot be expressed in GENIUS's additive "
                        + "profiles and were dropped");
            }
        });
        s.demands().forEach((party, demands) -> notes.add(party + ": stated demands " + String.join(", ", demands
                .stream().map(d -> d.id()).toList()) + " cannot be expressed in GENIUS and were dropped"));
        s.parties().stream().filter(p -> !p.allies().isEmpty()).forEach(p -> notes.add(p.id() + ": allies "
                + String.join(", ", p.allies()) + " cannot be expressed in GENIUS and were dropped"));
        s.uncertainty().keySet().forEach(party -> notes.add(party + ": the profile's uncertainty cannot be "
                + "expressed in GENIUS and was dropped (the point profile is written)"));
        return new Result(files, notes);
    }

    /**
     * The name GENIUS gets: the label when the id was made from it (as an import makes ids), so that a re-import
     * gives the same id and label; else the id itself, short and unique.
     */
    private static String name(String label, String id) {
        return Findings.slug(label, "").equals(id) ? label : id;
    }

    private static String domain(Scenario s, List<String> issueNames, List<List<String>> itemNames) {
        var x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<negotiation_template>\n");
        x.append("<utility_space number_of_issues=\"").append(s.issues().size()).append("\">\n");
        x.append("<objective index=\"0\" etype=\"objective\" type=\"objective\" description=\"\" name=\"")
                .append(escape(s.title())).append("\">\n");
        for (int i = 0; i < s.issues().size(); i++) {
            x.append(issueOpen(i, issueNames.get(i)));
            for (int k = 0; k < s.issues().get(i).size(); k++) {
                x.append("    <item index=\"").append(k + 1).append("\" value=\"")
                        .append(escape(itemNames.get(i).get(k))).append("\"/>\n");
            }
            x.append("  </issue>\n");
        }
        return x.append("</objective>\n</utility_space>\n</negotiation_template>\n").toString();
    }

    private static String issueOpen(int i, String name) {
        return "  <issue index=\"" + (i + 1) + "\" etype=\"discrete\" type=\"discrete\" vtype=\"discrete\" name=\""
                + escape(name) + "\">\n";
    }

    private static String profile(Scenario s, Party party, Profile p, List<String> issueNames,
            List<List<String>> itemNames, List<String> notes) {
        int n = s.issues().size();
        double[] max = new double[n];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < s.issues().get(i).size(); k++) {
                max[i] = Math.max(max[i], p.value(i, k));
            }
            scale += p.weight(i) * max[i];
        }
        if (scale <= 0) {
            scale = 1;
        }
        if (Math.abs(scale - 1) > 1e-12) {
            notes.add(party.id() + ": GENIUS normalises each issue's evaluations to a largest of 1, so utilities are "
                    + "scaled by 1/" + scale + " in GENIUS, the reservation with them");
        }
        var x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<utility_space>\n");
        x.append("<objective index=\"0\" etype=\"objective\" type=\"objective\" description=\"\" name=\"")
                .append(escape(s.title())).append("\">\n");
        for (int i = 0; i < n; i++) {
            x.append(issueOpen(i, issueNames.get(i)));
            for (int k = 0; k < s.issues().get(i).size(); k++) {
                double eval = max[i] > 0 ? p.value(i, k) / max[i] : 1;
                x.append("    <item index=\"").append(k + 1).append("\" value=\"")
                        .append(escape(itemNames.get(i).get(k))).append("\" evaluation=\"").append(eval)
                        .append("\"/>\n");
            }
            x.append("  </issue>\n");
        }
        for (int i = 0; i < n; i++) {
            x.append("  <weight index=\"").append(i + 1).append("\" value=\"").append(p.weight(i) * max[i] / scale)
                    .append("\"/>\n");
        }
        x.append("</objective>\n");
        x.append("<reservation value=\"").append(Math.min(1, p.reservation() / scale)).append("\"/>\n");
        s.protocol().ifPresent(d -> d.discount().ifPresent(f -> x.append("<discount_factor value=\"").append(f)
                .append("\"/>\n")));
        var red = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < s.issues().get(i).size(); k++) {
                if (p.isRedLine(i, k)) {
                    red.add(s.issues().get(i).id() + "=" + s.issues().get(i).option(k).id());
                }
            }
        }
        if (!red.isEmpty()) {
            notes.add(party.id() + ": red lines " + String.join(", ", red) + " cannot be expressed in GENIUS and were "
                    + "not exported");
        }
        return x.append("</utility_space>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\n", "&#10;");
    }
}
