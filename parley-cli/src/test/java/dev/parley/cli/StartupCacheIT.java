package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The build leaves the JDK's start-up cache beside the runnable jar ({@code .mvn/startup-cache.sh}), made after the
 * jar and usable with it: the JVM is told to refuse to start when it cannot use the cache, and starts. On JDK 25+ an
 * AOT cache ({@code -XX:AOTMode=on}); before, a class-data-sharing archive ({@code -Xshare:on}). The tests run on the
 * JDK the launcher finds (the only JDK 21+ here), the one the cache is made for.
 */
class StartupCacheIT {
    private static final Path JAR = Path.of("target/parley.jar").toAbsolutePath();

    private static int major() {
        return Runtime.version().feature();
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
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvm);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void theBuildMadeTheCacheAfterTheJar() throws Exception {
        assertThat(cache()).as("made by the build unless -Dparley.startup-cache.skip was given").isRegularFile();
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
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor()).isNotZero();
        } finally {
            Files.delete(other);
        }
    }
}
