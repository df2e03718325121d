package dev.parley.scenario.genius;

import dev.parley.engine.model.Ids;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.ProtocolDefaults;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.model.Role;
import dev.parley.engine.model.Scenario;
import dev.parley.scenario.Problem;
import dev.parley.scenario.ScenarioReader;
import dev.parley.scenario.ScenarioException;
import dev.parley.scenario.genius.Xml.Element;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Reads a GENIUS domain file and its profile files into a {@code parley/1} scenario. Discrete items become options;
 * an integer issue gets one option per value, a real issue {@code steps} evenly spaced ones. An item's value is its
 * evaluation divided by the issue's largest; integer and real issues use their linear evaluator. Every
 * approximation made is returned as a note; every problem found is reported with its file and line. Stateless.
 */
public final class GeniusImport {
    /**
     * @param parties party ids, one per profile, instead of names taken from the profile files
     * @param steps how many options a real issue becomes
     */
    public record Settings(Optional<List<String>> parties, int steps) {
        public static Settings defaults() {
            return new Settings(Optional.empty(), 11);
        }
    }

    /** The scenario and the notes on what was approximated. Immutable. */
    public record Result(Scenario scenario, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    private final Findings f = new Findings();
    private final List<Problem> problems = f.problems;
    private final List<String> notes = f.notes;

    private GeniusImport() {
    }

    public static Result read(Path domain, List<Path> profiles, Settings settings) {
        return new GeniusImport().run(domain, profiles, settings);
    }

    private Result run(Path domainFile, List<Path> profileFiles, Settings settings) {
        if (settings.steps() < 2 || settings.steps() > ScenarioReader.MAX_OPTIONS_PER_ISSUE) {
            throw new IllegalArgumentException("steps must be 2 to " + ScenarioReader.MAX_OPTIONS_PER_ISSUE
                    + ", not " + settings.steps());
        }
        if (profileFiles.size() < 2) {
            throw new IllegalArgumentException((profileFiles.isEmpty() ? "no profile file" : "one profile file")
                    + "; a negotiation needs at least 2 parties, one profile file each");
        }
        if (profileFiles.size() > ScenarioReader.MAX_PARTIES) {
            throw new IllegalArgumentException(profileFiles.size() + " profiles; at most "
                    + ScenarioReader.MAX_PARTIES + " parties are supported");
        }
        String file = domainFile.toString();
        Element space = f.utilitySpace(Xml.read(domainFile), file);
        var domainReader = new DomainReader(f);
        List<DomainReader.DomainIssue> domain = new ArrayList<>();
        for (Element e : Findings.issues(space)) {
            domainReader.domainIssue(e, file, settings.steps()).ifPresent(domain::add);
        }
        if (domain.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(file, space.line(), space.column(), "", "the domain has no issues"));
        }
        domainReader.checkIndices(domain, file);
        long options = domain.stream().mapToLong(d -> d.labels().size()).sum();
        if (domain.size() > ScenarioReader.MAX_ISSUES) {
            problems.add(new Problem(file, space.line(), Math.max(1, space.column()), "", domain.size()
                    + " issues; at most " + ScenarioReader.MAX_ISSUES + " are supported"));
        } else if (options > ScenarioReader.MAX_OPTIONS) {
            problems.add(new Problem(file, space.line(), Math.max(1, space.column()), "", options
                    + " options over all issues; at most " + ScenarioReader.MAX_OPTIONS + " are supported"));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems); // profiles cannot be checked against a broken domain
        }
        List<String> partyIds = partyIds(profileFiles, settings);
        var issueList = new ArrayList<Issue>();
        var usedIssueIds = new Findings.UniqueIds();
        for (DomainReader.DomainIssue d : domain) {
            issueList.add(DomainReader.toIssue(d, usedIssueIds));
        }
        var profiles = new LinkedHashMap<String, Profile>();
        var discounts = new ArrayList<Double>();
        for (int p = 0; p < profileFiles.size(); p++) {
            int before = problems.size();
            Optional<Profile> profile = new ProfileReader(f).profile(profileFiles.get(p), domain, issueList,
                    partyIds.get(p), discounts);
            if (problems.size() == before && profile.isPresent()) {
                profiles.put(partyIds.get(p), profile.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        var parties = partyIds.stream().map(id -> new Party(id, id, Role.PRINCIPAL, true, List.of())).toList();
        String id = Findings.slug(Findings.stem(domainFile), "domain");
        OptionalDouble discount = discounts.stream().mapToDouble(Double::doubleValue).min();
        if (discounts.stream().distinct().count() > 1) {
            notes.add("the profiles have different discount factors " + discounts + "; the scenario keeps the "
                    + "smallest, " + discount.getAsDouble());
        }
        var protocol = new ProtocolDefaults((parties.size() == 2 ? ProtocolKind.ALTERNATING : ProtocolKind.SAOP).id(),
                Optional.empty(),
                OptionalInt.empty(), discount.isPresent() && discount.getAsDouble() < 1
                        ? discount
                        : OptionalDouble.empty());
        String title = space.children("objective").stream().findFirst().flatMap(o -> o.attribute("name"))
                .filter(t -> !t.isBlank()).orElse(Findings.stem(domainFile));
        Scenario s = Scenario.of(id, title, "Imported from GENIUS: " + domainFile.getFileName() + " with "
                + String.join(", ", profileFiles.stream().map(x -> x.getFileName().toString()).toList()) + ".",
                parties, issueList, profiles, Optional.of(protocol));
        return new Result(s, notes);
    }

    private List<String> partyIds(List<Path> profileFiles, Settings settings) {
        List<String> ids = settings.parties().orElseGet(() -> profileFiles.stream()
                .map(p -> Findings.slug(Findings.stem(p), "party")).toList());
        if (ids.size() != profileFiles.size()) {
            throw new IllegalArgumentException(ids.size() + " party names for " + profileFiles.size() + " profiles");
        }
        var out = new ArrayList<String>();
        var used = new HashSet<String>();
        for (String id : ids) {
            if (!Ids.isValid(id)) {
                throw new IllegalArgumentException("'" + id + "' is not a valid party id");
            }
            String unique = id;
            for (int n = 2; !used.add(unique); n++) {
                unique = id + "-" + n;
            }
            out.add(unique);
        }
        return out;
    }
}
