package dev.parley.scenario;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.agent.Agents;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.SeatRole;
import dev.parley.engine.tournament.Tournament;
import dev.parley.scenario.Node.Entry;
import dev.parley.scenario.Node.ListNode;
import dev.parley.scenario.Node.MapNode;
import dev.parley.scenario.Node.ScalarNode;
import dev.parley.scenario.Node.ScalarType;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Reads a tournament spec ({@code parley-tournament/1}, YAML or JSON) into a {@link Tournament}, every problem found
 * named by file, line, column and path, as scenarios are. Scenario files are read relative to the spec's folder;
 * built-in ids, {@code parley/1} files, GENIUS domains with their profiles, and generated scenarios may be mixed.
 * Stateless.
 */
public final class TournamentReader {
    /** The format line a spec starts with. */
    public static final String FORMAT = "parley-tournament/1";
    /** The time limit of one session unless the spec sets one. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

    private static final List<String> KEYS = List.of("format", "title", "seed", "repetitions", "rounds", "timeLimit",
            "selfPlay", "protocols", "agents", "seats", "scenarios");
    private static final List<String> PROTOCOL_KEYS = List.of("type", "name", "rounds", "discount");

    /**
     * A spec as read: its title, the tournament, and what rebuilds it elsewhere (another process, a Spark executor)
     * without the files it named.
     */
    public record Spec(String title, Tournament tournament, Source source) {
    }

    /**
     * A spec's text with every scenario it names, already resolved, as {@code parley/1} JSON by name: all that
     * rebuilding the tournament needs. Immutable and serialisable.
     */
    public record Source(String file, String text, Map<String, String> scenarios) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Source {
            scenarios = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scenarios));
        }

        /** The tournament again, its scenarios taken from their texts, not from the files. */
        public Tournament tournament() {
            return TournamentReader.rebuild(this);
        }
    }

    private TournamentReader() {
    }

    /**
     * Reads the spec at {@code path}.
     *
     * @throws ScenarioException listing every problem, the spec's and those of the scenario files it names
     */
    public static Spec read(Path path) {
        String file = path.toString();
        Optional<Format> format = Format.byFileName(file);
        String text;
        try {
            if (Files.size(path) > ScenarioReader.MAX_BYTES) {
                throw new ScenarioException(List.of(Problem.ofFile(file, "is over the 10 MB limit")));
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ScenarioException(List.of(Problem.ofFile(file, "no such file")));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ScenarioException(List.of(Problem.ofFile(file, "cannot be read: " + e.getMessage())));
        }
        if (format.isEmpty()) {
            throw new ScenarioException(List.of(Problem.ofFile(file, "unknown file type; name it .yaml, .yml "
                    + "(YAML) or .json (JSON)")));
        }
        Path base = path.toAbsolutePath().getParent();
        return read(file, text, format.get(), base);
    }

    /**
     * Reads a spec from {@code text}, its scenario files relative to {@code base}.
     *
     * @throws ScenarioException listing every problem
     */
    public static Spec read(String file, String text, Format format, Path base) {
        return bind(file, text, format, base, null);
    }

    static Tournament rebuild(Source source) {
        Format format = Format.byFileName(source.file()).orElse(Format.YAML);
        return bind(source.file(), source.text(), format, null, source.scenarios()).tournament();
    }

    private static Spec bind(String file, String text, Format format, Path base, Map<String, String> prepared) {
        var problems = new ArrayList<Problem>();
        var checks = new Checks(file, problems);
        Optional<Node> root = TreeReader.read(file, text, format, problems);
        if (root.isEmpty()) {
            throw failed(problems);
        }
        var b = new Binder(checks, base, prepared);
        Optional<Spec> spec = checks.map(root.get(), "").flatMap(m -> b.spec(m, file, text));
        if (!problems.isEmpty() || spec.isEmpty()) {
            if (problems.isEmpty()) {
                throw new IllegalStateException("no tournament and no problem for " + file);
            }
            throw failed(problems);
        }
        return spec.get();
    }

    private static ScenarioException failed(List<Problem> problems) {
        problems.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line).thenComparingInt(
                Problem::column));
        return new ScenarioException(problems);
    }

    /** Binds one spec's tree. Not thread-safe: one per read. */
    private static final class Binder {
        private final Checks checks;
        private final Path base;
        private final Map<String, String> prepared;

        Binder(Checks checks, Path base, Map<String, String> prepared) {
            this.checks = checks;
            this.base = base;
            this.prepared = prepared;
        }

        Optional<Spec> spec(MapNode m, String file, String text) {
            checks.onlyKeys(m, "", KEYS);
            checks.required(m, "", "format", "write format: " + FORMAT).flatMap(n -> checks.string(n, "format"))
                    .filter(f -> {
                        if (!f.equals(FORMAT)) {
                            checks.add(m.get("format").orElseThrow(), "format", "must be " + FORMAT + ", not '" + f
                                    + "'");
                            return false;
                        }
                        return true;
                    });
            String title = m.get("title").flatMap(n -> checks.string(n, "title")).orElse("Tournament");
            long seed = m.get("seed").flatMap(n -> checks.whole(n, "seed", Long.MIN_VALUE, Long.MAX_VALUE)).orElse(1L);
            int repetitions = m.get("repetitions").flatMap(n -> checks.whole(n, "repetitions", 1, 1_000_000)).map(
                    Long::intValue).orElse(1);
            int rounds = m.get("rounds")
                    .flatMap(n -> checks.whole(n, "rounds", 1, dev.parley.engine.protocol.Settings.MAX_ROUNDS))
                    .map(Long::intValue).orElse(dev.parley.engine.protocol.Settings.DEFAULT_ROUNDS);
            Duration limit = m.get("timeLimit").flatMap(n -> duration(n, "timeLimit")).orElse(DEFAULT_TIME_LIMIT);
            boolean selfPlay = m.get("selfPlay").flatMap(n -> checks.bool(n, "selfPlay")).orElse(true);
            List<Tournament.Play> protocols = checks.required(m, "", "protocols", "list the protocols to play, "
                    + "e.g. [alternating, saop]").flatMap(n -> protocols(n, rounds)).orElse(List.of());
            Map<SeatRole, List<String>> agents = m.get("agents").flatMap(this::agents).orElse(Map.of());
            Map<String, String> seats = m.get("seats").flatMap(this::seats).orElse(Map.of());
            var scenarios = new LinkedHashMap<String, Scenario>();
            var texts = new LinkedHashMap<String, String>();
            checks.required(m, "", "scenarios", "list the scenarios: built-in ids, files, genius or generate")
                    .ifPresent(n -> scenarios(n, scenarios, texts));
            if (!checks.problems().isEmpty()) {
                return Optional.empty();
            }
            Tournament t;
            try {
                t = new Tournament(scenarios.entrySet().stream().map(e -> new Tournament.Entry(e.getKey(), e
                        .getValue())).toList(), protocols, agents, seats, selfPlay, repetitions, seed, limit);
            } catch (InvalidInput e) {
                String field = e.field().orElse("");
                Node at = m.get(field.split("\\.")[0]).orElse(m);
                if (at instanceof MapNode seatsNode && field.contains(".")) {
                    at = seatsNode.get(field.substring(field.indexOf('.') + 1)).orElse(at);
                }
                checks.add(at, field, e.getMessage());
                return Optional.empty();
            }
            return Optional.of(new Spec(title, t, new Source(file, text, texts)));
        }

        private Optional<List<Tournament.Play>> protocols(Node node, int rounds) {
            Optional<ListNode> list = node instanceof ScalarNode
                    ? Optional.of(new ListNode(node.line(), node
                            .column(), List.of(node)))
                    : checks.list(node, "protocols");
            if (list.isEmpty()) {
                return Optional.empty();
            }
            var out = new ArrayList<Tournament.Play>();
            for (int i = 0; i < list.get().items().size(); i++) {
                Node item = list.get().items().get(i);
                String path = Checks.index("protocols", i);
                Node typeNode = item;
                Optional<String> name = Optional.empty();
                int r = rounds;
                Optional<Double> discount = Optional.empty();
                if (item instanceof MapNode pm) {
                    checks.onlyKeys(pm, path, PROTOCOL_KEYS);
                    Optional<Node> t = checks.required(pm, path, "type", "one of " + String.join(", ",
                            ProtocolKind.ids()));
                    if (t.isEmpty()) {
                        continue;
                    }
                    typeNode = t.get();
                    name = pm.get("name").flatMap(n -> checks.id(n, Checks.join(path, "name")));
                    r = pm.get("rounds").flatMap(n -> checks.whole(n, Checks.join(path, "rounds"), 1,
                            dev.parley.engine.protocol.Settings.MAX_ROUNDS)).map(Long::intValue).orElse(rounds);
                    discount = pm.get("discount").flatMap(n -> checks.unit(n, Checks.join(path, "discount")));
                }
                Optional<String> type = checks.string(typeNode, item instanceof MapNode
                        ? Checks.join(path, "type")
                        : path);
                if (type.isEmpty()) {
                    continue;
                }
                Optional<ProtocolKind> kind = ProtocolKind.byId(type.get());
                if (kind.isEmpty()) {
                    checks.add(typeNode, path, "unknown protocol '" + type.get() + "'" + Checks.suggestion(type.get(),
                            ProtocolKind.ids()) + " (protocols: " + String.join(", ", ProtocolKind.ids()) + ")");
                    continue;
                }
                if (discount.isPresent() && discount.get() == 0) {
                    checks.add(item, Checks.join(path, "discount"), "the discount must be in (0, 1], not 0");
                    continue;
                }
                out.add(new Tournament.Play(name.orElse(kind.get().id()), kind.get(), r, discount));
            }
            return Optional.of(out);
        }

        private Optional<Map<SeatRole, List<String>>> agents(Node node) {
            Optional<MapNode> m = checks.map(node, "agents");
            if (m.isEmpty()) {
                return Optional.empty();
            }
            var roles = Arrays.stream(SeatRole.values()).map(SeatRole::id).toList();
            var out = new EnumMap<SeatRole, List<String>>(SeatRole.class);
            for (Entry e : m.get().entries()) {
                String path = Checks.join("agents", e.key());
                Optional<SeatRole> role = Arrays.stream(SeatRole.values()).filter(r -> r.id().equals(e.key()))
                        .findFirst();
                if (role.isEmpty()) {
                    checks.add(e, path, "unknown seat role" + Checks.suggestion(e.key(), roles) + " (roles: "
                            + String.join(", ", roles) + ")");
                    continue;
                }
                Optional<List<String>> specs = checks.strings(e.value(), path);
                if (specs.isEmpty()) {
                    continue;
                }
                if (specs.get().isEmpty()) {
                    checks.add(e.value(), path, "name at least one agent, or leave the role out for its default ("
                            + Agents.defaultFor(role.get()) + ")");
                    continue;
                }
                var seen = new java.util.HashSet<String>();
                for (int i = 0; i < specs.get().size(); i++) {
                    String spec = specs.get().get(i);
                    Node at = e.value() instanceof ListNode l ? l.items().get(i) : e.value();
                    if (!seen.add(spec)) {
                        checks.add(at, Checks.index(path, i), "'" + spec + "' is listed twice");
                    }
                    agentFits(at, Checks.index(path, i), spec, role.get());
                }
                out.put(role.get(), specs.get());
            }
            return Optional.of(out);
        }

        private void agentFits(Node at, String path, String spec, SeatRole role) {
            try {
                Agents.create(path, spec, role, new SplittableRandom(0));
            } catch (InvalidInput x) {
                checks.add(at, path, x.getMessage());
            }
        }

        private Optional<Map<String, String>> seats(Node node) {
            Optional<MapNode> m = checks.map(node, "seats");
            if (m.isEmpty()) {
                return Optional.empty();
            }
            var out = new LinkedHashMap<String, String>();
            for (Entry e : m.get().entries()) {
                // the agent is checked against its seat by the tournament, which knows the seat
                checks.string(e.value(), Checks.join("seats", e.key())).ifPresent(spec -> out.put(e.key(), spec));
            }
            return Optional.of(out);
        }

        private void scenarios(Node node, Map<String, Scenario> out, Map<String, String> texts) {
            if (prepared != null) { // rebuilding: the scenarios were resolved where the spec was read
                prepared.forEach((name, json) -> {
                    Scenario s = ScenarioReader.read(name, json, Format.JSON);
                    out.put(name, s);
                    texts.put(name, json);
                });
                return;
            }
            new TournamentScenarios(checks, base).read(node, out, texts);
        }

        private Optional<Duration> duration(Node node, String path) {
            if (node instanceof ScalarNode s && s.type() == ScalarType.NUMBER && s.number() > 0
                    && s.number() <= 86_400) {
                return Optional.of(Duration.ofMillis(Math.round(s.number() * 1000)));
            }
            if (node instanceof ScalarNode s && s.type() == ScalarType.STRING) {
                Optional<Duration> d = Durations.parse(s.text());
                if (d.isPresent() && d.get().compareTo(Duration.ofDays(1)) <= 0) {
                    return d;
                }
            }
            checks.add(node, path, "must be a duration up to a day: seconds (e.g. 60) or 500ms, 30s, 5m, 1h; got "
                    + (node instanceof ScalarNode s ? "'" + s.text() + "'" : node.kind()));
            return Optional.empty();
        }
    }
}
