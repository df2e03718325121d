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

    /** Creates the folder (and its parents) if need be; one it creates is its owner's only. */
    public static void create(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                return; // a folder someone chose (even ".") keeps its permissions; parley's own files are restricted
            }
            Files.createDirectories(dir);
            if (posix(dir)) {
                Files.setPosixFilePermissions(dir, FOLDER);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Makes parley's own files in the folder (the database's, the audit key, the admin token) its owner's only. */
    public static void restrict(Path dir) {
        if (!posix(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (Files.isRegularFile(f) && (name.startsWith("parley.") || name.equals(AuditKey.FILE) || name.equals(
                        "admin-token"))) {
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
