package dev.parley.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Secret tokens: made at random, kept only as their SHA-256, compared in constant time. */
final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** A new token: 32 random bytes, URL-safe base64. */
    static String create() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The SHA-256 of the text, hex: what is stored in place of a token. */
    static String sha256(String text) {
        return HexFormat.of().formatHex(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A thread's SHA-256, as the store keeps a thread's MAC: finding the provider for every request cost a move a
     * twentieth of its server time. {@code digest} leaves it reset for the next text.
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    });

    /** Whether {@code token} hashes to {@code hash}, in time that does not depend on where they differ. */
    static boolean matches(String token, String hash) {
        return MessageDigest.isEqual(sha256(token).getBytes(StandardCharsets.UTF_8), hash.getBytes(
                StandardCharsets.UTF_8));
    }
}
