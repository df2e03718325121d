package dev.parley.scenario;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import dev.parley.scenario.Node.Entry;
import dev.parley.scenario.Node.ListNode;
import dev.parley.scenario.Node.MapNode;
import dev.parley.scenario.Node.ScalarNode;
import dev.parley.scenario.Node.ScalarType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A tournament spec's {@code scenarios}: built-in ids, {@code parley/1} files and GENIUS domains (relative to the
 * spec's folder), and generated scenarios, each under the name results give it; every problem recorded in the
 * spec's checks, a scenario file's own problems passed on as they are. Not thread-safe: one per read.
 */
final class TournamentScenarios {
    private static final List<String> GENERATE_KEYS = List.of("count", "parties", "issues", "options", "profiles",
            "reservation", "redLines", "seed", "name");
    private static final List<String> GENIUS_KEYS = List.of("domain", "profiles", "parties", "steps");
    private static final int MAX_GENERATED = 100_000;

    private final Checks checks;
    private final Path base;

    /** @param base the spec's folder, for relative file names; null to take them as they are */
    TournamentScenarios(Checks checks, Path base) {
        this.checks = checks;
        this.base = base;
    }

    /** Reads the list into {@code out} by name, and each scenario as {@code parley/1} JSON into {@code texts}. */
    void read(Node node, Map<String, Scenario> out, Map<String, String> texts) {
        Optional<ListNode> list = checks.list(node, "scenarios");
        if (list.isEmpty()) {
            return;
        }
        for (int i = 0; i < list.get().items().size(); i++) {
            Node item = list.get().items().get(i);
            String path = Checks.index("scenarios", i);
            var found = new LinkedHashMap<String, Scenario>();
            if (item instanceof ScalarNode s && s.type() == ScalarType.STRING) {
                resolve(item, path, () -> found.put(named(s.text()), BuiltinScenarios.find(s.text()).orElseGet(
                        () -> ScenarioReader.read(file(s.text())))));
            } else if (item instanceof MapNode m && m.entries().size() == 1) {
                Entry e = m.entries().get(0);
                String at = Checks.join(path, e.key());
                switch (e.key()) {
                    case "file" -> checks.string(e.value(), at).ifPresent(f -> resolve(e.value(), at,
                            () -> found.put(named(f), ScenarioReader.read(file(f)))));
                    case "genius" -> genius(e.value(), at, found);
                    case "generate" -> generate(e.value(), at, found);
                    default -> checks.add(e, at, "a scenario is a built-in id, file: PATH, genius: {domain, "
                            + "profiles} or generate: {count, parties, issues, options, ...}");
                }
            } else {
                checks.add(item, path, "a scenario is a built-in id, file: PATH, genius: {domain, profiles} or "
                        + "generate: {...}, got " + item.kind());
            }
            found.forEach((name, scenario) -> {
                if (out.containsKey(name)) {
                    checks.add(item, path, "a second scenario named " + name);
                } else {
                    out.put(name, scenario);
                    texts.put(name, ScenarioWriter.write(scenario, Format.JSON));
                }
            });
        }
    }

    /** A file's or id's name in results: its file name without folder and extension. */
    private static String named(String given) {
        String name = Path.of(given).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private Path file(String given) {
        Path p = Path.of(given);
        return p.isAbsolute() || base == null ? p : base.resolve(p);
    }

    /** Runs a read, its problems (the scenario file's own, or that it is missing) recorded here. */
    private void resolve(Node at, String path, Runnable read) {
        try {
            read.run();
        } catch (ScenarioException e) {
            for (Problem p : e.problems()) {
                checks.problems().add(p.line() == 0 && p.path().isEmpty()
                        ? new Problem(p.file(), 0, 0, "", p.message() + " (named at " + path + ", line " + at
                                .line() + ")")
                        : p);
            }
        } catch (InvalidInput | IllegalArgumentException e) {
            checks.add(at, path, e.getMessage());
        }
    }

    private void genius(Node node, String path, Map<String, Scenario> found) {
        Optional<MapNode> m = checks.map(node, path);
        if (m.isEmpty()) {
            return;
        }
        checks.onlyKeys(m.get(), path, GENIUS_KEYS);
        Optional<String> domain = checks.required(m.get(), path, "domain", "the GENIUS domain file").flatMap(
                n -> checks.string(n, Checks.join(path, "domain")));
        Optional<List<String>> profiles = checks.required(m.get(), path, "profiles", "the profile files, one "
                + "per party").flatMap(n -> checks.strings(n, Checks.join(path, "profiles")));
        Optional<List<String>> parties = m.get().get("parties").flatMap(n -> checks.strings(n, Checks.join(path,
                "parties")));
        int steps = m.get().get("steps").flatMap(n -> checks.whole(n, Checks.join(path, "steps"), 2,
                ScenarioReader.MAX_OPTIONS_PER_ISSUE)).map(Long::intValue).orElse(11);
        if (domain.isEmpty() || profiles.isEmpty()) {
            return;
        }
        resolve(node, path, () -> found.put(named(domain.get()), dev.parley.scenario.genius.GeniusImport.read(
                file(domain.get()), profiles.get().stream().map(this::file).toList(),
                new dev.parley.scenario.genius.GeniusImport.Settings(parties, steps)).scenario()));
    }

    private void generate(Node node, String path, Map<String, Scenario> found) {
        Optional<MapNode> opt = checks.map(node, path);
        if (opt.isEmpty()) {
            return;
        }
        MapNode m = opt.get();
        checks.onlyKeys(m, path, GENERATE_KEYS);
        int count = m.get("count").flatMap(n -> checks.whole(n, Checks.join(path, "count"), 1, MAX_GENERATED)).map(
                Long::intValue).orElse(1);
        int parties = m.get("parties").flatMap(n -> checks.whole(n, Checks.join(path, "parties"), 2,
                ScenarioReader.MAX_PARTIES)).map(Long::intValue).orElse(2);
        int issues = m.get("issues").flatMap(n -> checks.whole(n, Checks.join(path, "issues"), 1, 64)).map(
                Long::intValue).orElse(3);
        int[] options = m.get("options").flatMap(n -> range(n, Checks.join(path, "options"))).orElse(new int[]{
                10, 10});
        String style = m.get("profiles").flatMap(n -> checks.string(n, Checks.join(path, "profiles"))).orElse(
                "random");
        if (!style.equals("random") && !style.equals("ties")) {
            checks.add(m.get("profiles").orElseThrow(), Checks.join(path, "profiles"), "profiles are random "
                    + "(continuous values) or ties (values in quarters: many equal utilities), not '" + style
                    + "'");
        }
        double reservation = m.get("reservation").flatMap(n -> checks.unit(n, Checks.join(path,
                "reservation"))).orElse(0.0);
        double redLines = m.get("redLines").flatMap(n -> checks.unit(n, Checks.join(path, "redLines"))).orElse(
                0.0);
        long seed = m.get("seed").flatMap(n -> checks.whole(n, Checks.join(path, "seed"), Long.MIN_VALUE,
                Long.MAX_VALUE)).orElse(1L);
        String name = m.get("name").flatMap(n -> checks.id(n, Checks.join(path, "name"))).orElse("generated-"
                + parties + "x" + issues + "-s" + seed);
        double outcomes = Math.pow(options[1], issues);
        if (outcomes > 1e9) {
            checks.add(m, path, "up to " + (long) outcomes + " outcomes per scenario; keep generated scenarios "
                    + "at most 10^9 outcomes");
            return;
        }
        if (!checks.problems().isEmpty()) {
            return;
        }
        var settings = new RandomScenarios.Settings(parties, issues, options[0], options[1], style.equals("ties")
                ? 4
                : 0, reservation, redLines);
        var random = new SplittableRandom(seed);
        int width = String.valueOf(count).length();
        for (int i = 1; i <= count; i++) {
            found.put(name + "-" + String.format(java.util.Locale.ROOT, "%0" + width + "d", i),
                    RandomScenarios.generate(random.split(), settings));
        }
    }

    /** A whole number of options, or a range {@code [low, high]}. */
    private Optional<int[]> range(Node n, String path) {
        if (n instanceof ListNode l && l.items().size() == 2) {
            Optional<Long> lo = checks.whole(l.items().get(0), Checks.index(path, 0), 2,
                    ScenarioReader.MAX_OPTIONS_PER_ISSUE);
            Optional<Long> hi = checks.whole(l.items().get(1), Checks.index(path, 1), 2,
                    ScenarioReader.MAX_OPTIONS_PER_ISSUE);
            if (lo.isPresent() && hi.isPresent() && lo.get() > hi.get()) {
                checks.add(n, path, "the range's low end " + lo.get() + " is above its high end " + hi.get());
                return Optional.empty();
            }
            return lo.isPresent() && hi.isPresent()
                    ? Optional.of(new int[]{lo.get().intValue(), hi.get().intValue()})
                    : Optional.empty();
        }
        return checks.whole(n, path, 2, ScenarioReader.MAX_OPTIONS_PER_ISSUE).map(v -> new int[]{v.intValue(), v
                .intValue()});
    }
}
