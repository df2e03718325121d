package dev.parley.scenario;

import dev.parley.engine.model.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scenarios that ship with Parley, listed explicitly (no classpath scanning), and the rule that turns a
 * command-line argument into a scenario: an existing path, else a built-in id. Thread-safe; parsed scenarios are
 * cached.
 */
public final class BuiltinScenarios {
    /** The scenario used when none is named. */
    public static final String DEFAULT = "ceasefire-2025";

    private static final List<String> IDS = List.of(DEFAULT);
    private static final ConcurrentHashMap<String, Scenario> CACHE = new ConcurrentHashMap<>();

    private BuiltinScenarios() {
    }

    /** The ids of the built-in scenarios, the default first. */
    public static List<String> ids() {
        return IDS;
    }

    /** The built-in scenario {@code id}, if there is one. */
    public static Optional<Scenario> find(String id) {
        if (!IDS.contains(id)) {
            return Optional.empty();
        }
        return Optional.of(CACHE.computeIfAbsent(id, BuiltinScenarios::load));
    }

    /** The {@code parley/1} YAML text of the built-in scenario {@code id}. */
    public static Optional<String> source(String id) {
        if (!IDS.contains(id)) {
            return Optional.empty();
        }
        String resource = "/scenarios/" + id + ".yaml";
        try (InputStream in = BuiltinScenarios.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in scenario " + resource + " is missing from the jar");
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Scenario load(String id) {
        return ScenarioReader.read(id + ".yaml", source(id).orElseThrow(), Format.YAML);
    }

    /**
     * The scenario an argument names: a file when the path exists or looks like a file name, else a built-in id.
     *
     * @throws ScenarioException when the file is invalid, or the argument is neither a file nor a built-in id
     */
    public static Scenario resolve(String argument) {
        Path path = Path.of(argument);
        if (Files.exists(path) || Format.byFileName(argument).isPresent() || argument.contains("/")) {
            return ScenarioReader.read(path);
        }
        return find(argument).orElseThrow(() -> new ScenarioException(List.of(Problem.ofFile(argument,
                "no such file or built-in scenario" + Checks.suggestion(argument, IDS) + " (built-in: "
                        + String.join(", ", IDS) + ")"))));
    }
}
