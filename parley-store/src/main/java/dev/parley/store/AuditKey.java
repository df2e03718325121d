package dev.parley.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that keys the audit chain (HMAC-SHA256): kept outside the database, so that whoever can write to the
 * database cannot recompute the chain after an edit. It comes from the environment ({@code PARLEY_AUDIT_KEY}, base64,
 * at least 32 bytes) or from the file {@code audit-key} in the data folder, made on first use and readable by its
 * owner only. Never printed: {@link #toString} hides it. Immutable and thread-safe.
 */
public final class AuditKey {
    /** The environment variable that gives the key. */
    public static final String ENV = "PARLEY_AUDIT_KEY";
    /** The name of the key file in the data folder. */
    public static final String FILE = "audit-key";
    private static final int MIN_BYTES = 32;

    private final SecretKeySpec key;
    /** A thread's MAC under this key: looking one up and keying it cost the store's writer a tenth of its time. */
    private final ThreadLocal<Mac> macs;

    private AuditKey(byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            throw new StoreException("the audit key must be at least " + MIN_BYTES + " bytes, not " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac; // doFinal leaves it reset for the next text
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HmacSHA256 is missing from this Java", e);
            }
        });
    }

    /** A key of these bytes (at least 32). */
    public static AuditKey of(byte[] bytes) {
        return new AuditKey(bytes);
    }

    /**
     * The key for the data folder {@code dataDir}: {@code PARLEY_AUDIT_KEY} when set, else the folder's key file,
     * created (0600) when there is none yet.
     *
     * @throws StoreException when the variable or the file does not hold a key
     */
    public static AuditKey load(Path dataDir) {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return decode(env, ENV);
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new StoreException("cannot read or create the audit key " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The key for the data folder {@code dataDir} as {@link #load} finds it, but never a new one: for checking a
     * database, where a new key would only make every chain look broken.
     *
     * @throws StoreException when neither the variable nor the key file is there
     */
    public static AuditKey existing(Path dataDir) {
        String env = System.getenv(ENV);
        if ((env == null || env.isBlank()) && !Files.exists(dataDir.resolve(FILE))) {
            throw new StoreException("no audit key: set " + ENV + " or name the server's data folder, which holds "
                    + dataDir.resolve(FILE).getFileName() + " (looked in " + dataDir + ")");
        }
        return load(dataDir);
    }

    private static void create(Path file) throws IOException {
        byte[] bytes = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(bytes);
        Files.createDirectories(file.getParent());
        // Written whole beside it, then linked into place: no reader ever sees a half-written key, and a second
        // process that races this one keeps the key that won.
        Path tmp = Files.createTempFile(file.getParent(), ".audit-key", ".tmp"); // 0600 on POSIX
        try {
            if (Files.getFileStore(file.getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException e) {
                // another process made it first: use theirs
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static AuditKey decode(String text, String where) {
        try {
            return new AuditKey(Base64.getDecoder().decode(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new StoreException(where + " does not hold a base64 audit key: " + e.getMessage(), e);
        }
    }

    /** The MAC of {@code text}, hex. */
    String mac(String text) {
        return HexFormat.of().formatHex(macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return "AuditKey[hidden]";
    }
}
