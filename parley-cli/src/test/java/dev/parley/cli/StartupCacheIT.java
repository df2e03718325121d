package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The build leaves the JDK's start-up cache beside the runnable jar ({@code .mvn/startup-cache.sh}), made after the
 * jar and usable with it: the JVM is told to refuse to start when it cannot use the cache, and starts. On JDK 25+ an
 * AOT cache ({@code -XX:AOTMode=on}); before, a class-data-sharing archive ({@code -Xshare:on}). The JVMs started are
 * the JDK the cache names ({@code target/parley.cache-jdk}, the one the launcher finds), whatever JDK runs the tests.
 * Not on Windows (the build trains no cache there) nor when the build was told to leave it out.
 */
@DisabledOnOs(OS.WINDOWS)
@DisabledIfSystemProperty(named = "parley.startup-cache.mode", matches = "skip")
class StartupCacheIT {
    private static final Path JAR = Path.of("target/parley.jar").toAbsolutePath();
    /** The JDK the build made the cache for. */
    private static Path jdk;
    private static int major;

    @BeforeAll
    static void theCachesJdk() throws Exception {
        Path named = JAR.resolveSibling("parley.cache-jdk");
        assertThat(named).as("written by .mvn/startup-cache.sh with the cache").isRegularFile();
        jdk = Path.of(Files.readString(named).strip());
        String release = Files.readString(jdk.resolve("release"));
        var m = java.util.regex.Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(release);
        assertThat(m.find()).as(release).isTrue();
        major = Integer.parseInt(m.group(1));
    }

    private static int major() {
        return major;
    }

    private static Path cache() {
        return JAR.resolveSibling(major() >= 25 ? "parley.aot" : "parley.jsa");
    }

    /** The JVM options that make it refuse to start without the cache. */
    private static List<String> strictly() {
        return major() >= 25
                ? List.of("-XX:AOTCache=" + cache(), "-XX:AOTMode=on")
                : List.of("-XX:SharedArchiveFile=" + cache(), "-Xshare:on");
    }

    private static Process start(List<String> jvm, String... args) throws Exception {
        var command = new ArrayList<>(List.of(jdk.resolve("bin").resolve("java").toString()));
        command.addAll(jvm);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void theBuildMadeTheCacheAfterTheJar() throws Exception {
        assertThat(cache()).as("made by the build for JDK " + major).isRegularFile();
        assertThat(Files.getLastModifiedTime(cache())).isGreaterThanOrEqualTo(Files.getLastModifiedTime(JAR));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aJvmThatMustUseTheCache_startsWithIt_andRunsTheCommandsItWasTrainedOn() throws Exception {
        for (String[] args : new String[][]{{"--version"}, {"analyze", "--format", "json"}}) {
            Process p = start(strictly(), args);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isZero();
            assertThat(out).doesNotContain("AOT cache", "shared archive", "Unable to use");
        }
    }

    /**
     * The command line's parser is in the cache like the rest of the jar. The JDK leaves out classes built for Java 5
     * or older, as the published picocli jar is ("Old class has been linked"), and every command then loaded and
     * checked its 170 classes afresh; parley-picocli compiles picocli from its sources for the project's release
     * instead.
     */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theCommandLinesParser_comesFromTheCache() throws Exception {
        var jvm = new ArrayList<>(strictly());
        jvm.add("-Xlog:class+load=info");
        Process p = start(jvm, "--version");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        List<String> picocli = out.lines().filter(l -> l.contains(" picocli.")).toList();
        assertThat(picocli).as("picocli's classes loaded by --version").hasSizeGreaterThan(20);
        // "source: shared objects file", with " (top)" for a dynamic archive
        assertThat(picocli).as("loaded from the cache, not from the jar")
                .allMatch(l -> l.contains("source: shared objects file"));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aJvmThatMustUseTheCache_refusesAnotherJarsCache() throws Exception {
        // The check the test above relies on can fail: a cache file that is not this jar's is refused.
        Path other = Files.createTempFile("not-a-cache", major() >= 25 ? ".aot" : ".jsa");
        try {
            Files.write(other, new byte[4096]);
            var jvm = new ArrayList<>(strictly());
            jvm.set(0, jvm.get(0).replace(cache().toString(), other.toString()));
            Process p = start(jvm, "--version");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isNotZero();
            assertThat(out.toLowerCase(java.util.Locale.ROOT)).containsAnyOf("aot cache", "shared archive");
        } finally {
            Files.delete(other);
        }
    }
}
