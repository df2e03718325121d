package dev.parley.scenario;

import dev.parley.engine.model.Scenario;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code parley/1} scenarios from files or text, YAML or JSON. Either the whole scenario is valid and
 * returned, or a {@link ScenarioException} lists every problem found; nothing partial is ever returned. Stateless
 * and thread-safe.
 */
public final class ScenarioReader {
    /** Files larger than this are refused before parsing. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    /**
     * The largest scenario read: every analysis, protocol and agent works within these, and a file past them is
     * refused where it is read, before any of them start. The GENIUS import keeps to them too.
     */
    public static final int MAX_PARTIES = 64;
    public static final int MAX_ISSUES = 1_000;
    public static final int MAX_OPTIONS_PER_ISSUE = 10_000;
    public static final int MAX_OPTIONS = 100_000;

    private ScenarioReader() {
    }

    /**
     * Reads the scenario file at {@code path}, in the format its extension names.
     *
     * @throws ScenarioException listing every problem, from a missing file to a wrong weight
     */
    public static Scenario read(Path path) {
        String file = path.toString();
        var problems = new ArrayList<Problem>();
        Optional<Format> format = Format.byFileName(file);
        Optional<String> text = text(path, file, problems);
        if (text.isPresent() && format.isEmpty()) {
            problems.add(Problem.ofFile(file, "unknown file type; name it .yaml, .yml (YAML) or .json (JSON)"));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return read(file, text.orElseThrow(), format.orElseThrow());
    }

    /**
     * Reads a scenario from {@code text}.
     *
     * @param file how to name the source in problems, e.g. an upload's file name
     * @throws ScenarioException listing every problem
     */
    public static Scenario read(String file, String text, Format format) {
        var problems = new ArrayList<Problem>();
        if (text.length() > MAX_BYTES) {
            problems.add(Problem.ofFile(file, "is " + megabytes(text.length()) + ", over the 10 MB limit"));
            throw new ScenarioException(problems);
        }
        var checks = new Checks(file, problems);
        Optional<Scenario> scenario = TreeReader.read(file, text, format, problems)
                .flatMap(root -> ScenarioBinder.bind(root, checks));
        if (!problems.isEmpty() || scenario.isEmpty()) {
            if (problems.isEmpty()) {
                throw new IllegalStateException("no scenario and no problem for " + file);
            }
            problems.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
            throw new ScenarioException(problems);
        }
        return scenario.get();
    }

    /**
     * One party's profile, in the {@code parley/1} shape of a {@code profiles} entry, read against the scenario's
     * issues: each problem is named by its path, e.g. {@code profiles.UA.weights}.
     *
     * @throws ScenarioException listing every problem
     */
    public static dev.parley.engine.model.Profile readProfile(Scenario s, String party, String json) {
        var problems = new ArrayList<Problem>();
        var checks = new Checks("profile", problems);
        String path = Checks.join("profiles", party);
        Optional<dev.parley.engine.model.Profile> profile = TreeReader.read("profile", json, Format.JSON, problems)
                .flatMap(root -> ProfileBinder.one(root, path, s.issues(), checks).filter(p -> {
                    var all = new java.util.LinkedHashMap<>(s.profiles());
                    all.put(party, p); // linked with the others' conditions and terms, still analysable?
                    int before = problems.size();
                    ScenarioBinder.linkedTooFar(checks, root, path, s.issues(), all);
                    return problems.size() == before;
                }));
        if (!problems.isEmpty() || profile.isEmpty()) {
            if (problems.isEmpty()) {
                throw new IllegalStateException("no profile and no problem for " + party);
            }
            throw new ScenarioException(problems);
        }
        return profile.get();
    }

    /** The file's text, or empty with the reason recorded: missing, a directory, too large, not UTF-8... */
    private static Optional<String> text(Path path, String file, List<Problem> problems) {
        try {
            if (Files.isDirectory(path)) {
                problems.add(Problem.ofFile(file, "is a directory, not a scenario file"));
                return Optional.empty();
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                problems.add(Problem.ofFile(file, "is " + megabytes(size) + ", over the 10 MB limit"));
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(path);
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (NoSuchFileException e) {
            problems.add(Problem.ofFile(file, "no such file"));
        } catch (CharacterCodingException e) {
            problems.add(Problem.ofFile(file, "is not UTF-8 text"));
        } catch (IOException e) {
            problems.add(Problem.ofFile(file, "cannot be read: " + e.getMessage()));
        }
        return Optional.empty();
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
