package dev.parley.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.ProtocolDefaults;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.model.Uncertainty;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a scenario as a {@code parley/1} document, YAML or JSON. Reading the output back gives an equal scenario.
 * Values are written as lists in option order, every key explicitly (ratifies included). Stateless and thread-safe.
 */
public final class ScenarioWriter {
    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS) // "1" stays a string, not a number
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build()).build();
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ScenarioWriter() {
    }

    public static String write(Scenario scenario, Format format) {
        try {
            String text = (format == Format.YAML ? YAML : JSON).writeValueAsString(tree(scenario));
            return text.endsWith("\n") ? text : text + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scenario as the tree both formats write: ordered maps and lists, in the key order of the format's
     * documentation; for embedding it in another JSON document. */
    public static Map<String, Object> tree(Scenario s) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("format", ScenarioBinder.FORMAT);
        doc.put("id", s.id());
        doc.put("title", s.title());
        if (!s.description().isEmpty()) {
            doc.put("description", s.description());
        }
        doc.put("parties", s.parties().stream().map(p -> party(p, s.capabilities().get(p.id()))).toList());
        doc.put("issues", s.issues().stream().map(ScenarioWriter::issue).toList());
        var profiles = new LinkedHashMap<String, Object>();
        s.profiles().forEach((party, profile) -> {
            Map<String, Object> m = profile(s.issues(), profile);
            java.util.Optional.ofNullable(s.uncertainty().get(party)).ifPresent(u -> m.put("uncertainty",
                    uncertainty(s.issues(), profile, u)));
            profiles.put(party, m);
        });
        doc.put("profiles", profiles);
        if (!s.demands().isEmpty()) {
            doc.put("demands", demands(s));
        }
        s.protocol().ifPresent(p -> doc.put("protocol", protocol(p)));
        return doc;
    }

    /** The parties' stated demands as parley/1 writes them: party → [{id, label, satisfiedBy}]. Public. */
    public static Map<String, Object> demands(Scenario s) {
        var out = new LinkedHashMap<String, Object>();
        s.demands().forEach((party, list) -> out.put(party, list.stream().map(d -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", d.id());
            m.put("label", d.label());
            m.put("satisfiedBy", d.satisfiedBy());
            return m;
        }).toList()));
        return out;
    }

    /** A party as parley/1 writes it; {@code capability} null when none is given. */
    private static Map<String, Object> party(Party p, Double capability) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("role", p.role().id());
        m.put("ratifies", p.ratifies());
        if (capability != null) {
            m.put("capability", capability);
        }
        if (!p.representatives().isEmpty()) {
            m.put("representatives", p.representatives());
        }
        if (!p.allies().isEmpty()) {
            m.put("allies", p.allies());
        }
        return m;
    }

    private static Map<String, Object> issue(Issue issue) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", issue.id());
        m.put("name", issue.name());
        var options = new ArrayList<Map<String, Object>>();
        for (Option o : issue.options()) {
            var option = new LinkedHashMap<String, Object>();
            option.put("id", o.id());
            option.put("label", o.label());
            options.add(option);
        }
        m.put("options", options);
        return m;
    }

    /** A profile as parley/1 writes it: reservation, weights by issue, values in option order, red lines. */
    public static Map<String, Object> profile(List<Issue> issues, Profile p) {
        var m = new LinkedHashMap<String, Object>();
        m.put("reservation", p.reservation());
        var weights = new LinkedHashMap<String, Object>();
        var values = new LinkedHashMap<String, Object>();
        var redLines = new LinkedHashMap<String, Object>();
        for (int i = 0; i < issues.size(); i++) {
            Issue issue = issues.get(i);
            weights.put(issue.id(), p.weight(i));
            var row = new ArrayList<Double>();
            var red = new ArrayList<String>();
            for (int k = 0; k < issue.size(); k++) {
                row.add(p.value(i, k));
                if (p.isRedLine(i, k)) {
                    red.add(issue.option(k).id());
                }
            }
            values.put(issue.id(), row);
            if (!red.isEmpty()) {
                redLines.put(issue.id(), red);
            }
        }
        m.put("weights", weights);
        m.put("values", values);
        if (!redLines.isEmpty()) {
            m.put("redLines", redLines);
        }
        if (!p.conditions().isEmpty()) {
            m.put("conditions", p.conditions().stream().map(c -> {
                var condition = new LinkedHashMap<String, Object>();
                condition.put("if", side(issues.get(c.ifIssue()), c::ifOption));
                condition.put("then", side(issues.get(c.thenIssue()), c::thenOption));
                return condition;
            }).toList());
        }
        if (!p.interactions().isEmpty()) {
            m.put("interactions", p.interactions().stream().map(t -> {
                var when = new LinkedHashMap<String, Object>();
                for (int j = 0; j < t.size(); j++) {
                    int at = j;
                    when.putAll(side(issues.get(t.issue(j)), k -> t.option(at, k)));
                }
                var term = new LinkedHashMap<String, Object>();
                term.put("when", when);
                term.put("add", t.value());
                return term;
            }).toList());
        }
        return m;
    }

    /** A profile's uncertainty as parley/1 writes it: only what differs from the point profile. */
    static Map<String, Object> uncertainty(List<Issue> issues, Profile point, Uncertainty u) {
        var m = new LinkedHashMap<String, Object>();
        switch (u.weights()) {
            case Uncertainty.Fixed f -> {
            }
            case Uncertainty.Dirichlet d -> m.put("weights", Map.of("dirichlet", d.concentration()));
            case Uncertainty.Intervals iv -> {
                var intervals = new LinkedHashMap<String, Object>();
                for (int i = 0; i < issues.size(); i++) {
                    if (iv.low()[i] != iv.high()[i]) {
                        intervals.put(issues.get(i).id(), List.of(iv.low()[i], iv.high()[i]));
                    }
                }
                m.put("weights", Map.of("intervals", intervals));
            }
            case Uncertainty.Ranking r -> m.put("weights", Map.of("ranking", java.util.Arrays.stream(r.order())
                    .mapToObj(i -> issues.get(i).id()).toList()));
        }
        var values = new LinkedHashMap<String, Object>();
        for (int i = 0; i < issues.size(); i++) {
            var options = new LinkedHashMap<String, Object>();
            for (int k = 0; k < issues.get(i).size(); k++) {
                if (u.valueLow(i, k) != u.valueHigh(i, k)) {
                    options.put(issues.get(i).option(k).id(), List.of(u.valueLow(i, k), u.valueHigh(i, k)));
                }
            }
            if (!options.isEmpty()) {
                values.put(issues.get(i).id(), options);
            }
        }
        if (!values.isEmpty()) {
            m.put("values", values);
        }
        if (u.reservationLow() != u.reservationHigh()) {
            m.put("reservation", List.of(u.reservationLow(), u.reservationHigh()));
        }
        return m;
    }

    /** One side of a condition: {issue: [the options it names]}. */
    private static Map<String, Object> side(Issue issue, java.util.function.IntPredicate named) {
        var options = new ArrayList<String>();
        for (int k = 0; k < issue.size(); k++) {
            if (named.test(k)) {
                options.add(issue.option(k).id());
            }
        }
        return Map.of(issue.id(), options);
    }

    private static Map<String, Object> protocol(ProtocolDefaults p) {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", p.type());
        p.mediator().ifPresent(x -> m.put("mediator", x));
        p.rounds().ifPresent(x -> m.put("rounds", x));
        p.discount().ifPresent(x -> m.put("discount", x));
        p.roundDuration().ifPresent(x -> m.put("roundDuration", ProtocolDefaults.iso(x)));
        p.start().ifPresent(x -> m.put("start", x.toString()));
        return m;
    }
}
