package dev.parley.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data folder, private to its owner: the folder 0700 and its files 0600 (the database holds every party's
 * profile, the key file keys the audit). Where the file system has no POSIX permissions, nothing is changed.
 * Stateless.
 */
public final class DataFolder {
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataFolder() {
    }

    /** Creates the folder (and its parents) if need be, and makes it its owner's only. */
    public static void create(Path dir) {
        try {
            Files.createDirectories(dir);
            if (posix(dir)) {
                Files.setPosixFilePermissions(dir, FOLDER);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Makes every file directly in the folder its owner's only. */
    public static void restrict(Path dir) {
        if (!posix(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.setPosixFilePermissions(f, FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the files of " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean posix(Path dir) {
        return Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    }
}
