package dev.parley.scenario;

import dev.parley.engine.tournament.Result;
import dev.parley.engine.tournament.Tournament;
import dev.parley.scenario.wire.Json;
import dev.parley.scenario.wire.SessionsCsv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tournament's results folder: {@code tournament.json} says which tournament it holds (a digest of the spec and of
 * every scenario it resolved to), {@code sessions.csv} gets one line per session, appended and flushed as each
 * finishes, never rewritten. Resuming reads back what is there — a last line cut short by a kill is dropped, as that
 * session was never acknowledged — and the sessions it holds are not played again. Not thread-safe: the caller
 * serialises {@link #append}.
 */
public final class TournamentFolder implements AutoCloseable {
    public static final String CSV = "sessions.csv";
    public static final String MANIFEST = "tournament.json";

    private final BufferedWriter writer;
    private final List<Result> existing;
    private final int sessions;
    /** Held while the folder is open: a second process on the same folder is refused. */
    private final java.nio.channels.FileChannel lock;

    private TournamentFolder(BufferedWriter writer, List<Result> existing, int sessions,
            java.nio.channels.FileChannel lock) {
        this.writer = writer;
        this.existing = existing;
        this.sessions = sessions;
        this.lock = lock;
    }

    /**
     * Opens the folder for this tournament: new, or, with {@code resume}, one it already began.
     *
     * @throws Refused when the folder holds results and {@code resume} is not given, or holds another tournament's
     * @throws ScenarioException naming the line of {@code sessions.csv} that does not belong to this tournament
     */
    public static TournamentFolder open(Path dir, TournamentReader.Spec spec, boolean resume) throws IOException {
        Path csv = dir.resolve(CSV);
        Path manifest = dir.resolve(MANIFEST);
        String digest = digest(spec.source());
        boolean begun = Files.exists(csv) || Files.exists(manifest);
        if (begun && !resume) {
            throw new Refused(dir + " already holds a tournament's results; --resume continues it, or "
                    + "choose another --out");
        }
        Files.createDirectories(dir);
        var lock = java.nio.channels.FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            if (lock.tryLock() == null) {
                throw new Refused(dir + " is in use by another parley tournament; wait for it, or stop it");
            }
            return open(dir, spec, begun, csv, manifest, digest, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static TournamentFolder open(Path dir, TournamentReader.Spec spec, boolean begun, Path csv,
            Path manifest, String digest, java.nio.channels.FileChannel lock) throws IOException {
        Tournament t = spec.tournament();
        int width = t.maxPrincipals();
        var existing = new ArrayList<Result>();
        if (begun) {
            String recorded = Files.exists(manifest)
                    ? Json.read(manifest.toString(), Files.readString(manifest)).path("digest").asText("")
                    : "";
            if (!recorded.equals(digest)) {
                throw new Refused(dir + " holds the results of another tournament (the spec or a scenario "
                        + "has changed since it began); choose another --out to play this one");
            }
            if (Files.exists(csv)) {
                existing.addAll(readBack(csv, t, width));
            }
        } else {
            var m = new LinkedHashMap<String, Object>();
            m.put("format", TournamentReader.FORMAT);
            m.put("title", spec.title());
            m.put("spec", spec.source().file());
            m.put("digest", digest);
            m.put("sessions", t.sessions().size());
            Path tmp = Files.createTempFile(dir, ".parley", ".tmp");
            Files.writeString(tmp, Json.pretty(m) + "\n");
            Files.move(tmp, manifest, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        boolean fresh = !Files.exists(csv) || Files.size(csv) == 0;
        BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (fresh) {
            w.write(SessionsCsv.header(width));
            w.flush();
        }
        return new TournamentFolder(w, existing, t.sessions().size(), lock);
    }

    /** The sessions already in the file, in file order. */
    public List<Result> existing() {
        return existing;
    }

    /** The numbers of the sessions not yet in the file, in order: what is left to play. */
    public int[] todo() {
        boolean[] done = new boolean[sessions];
        for (Result r : existing) {
            done[r.index()] = true;
        }
        return java.util.stream.IntStream.range(0, sessions).filter(i -> !done[i]).toArray();
    }

    /** Appends one session's line and flushes it to the operating system: once this returns, a kill keeps it. */
    public void append(String line) throws IOException {
        writer.write(line);
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            writer.close();
        } finally {
            lock.close(); // releases the lock
        }
    }

    /** The sessions in the file; a last line without its line break (cut by a kill) is cut off the file. */
    private static List<Result> readBack(Path csv, Tournament t, int width) throws IOException {
        try (var f = new RandomAccessFile(csv.toFile(), "rw")) {
            long length = f.length();
            long end = length;
            while (end > 0) {
                f.seek(end - 1);
                if (f.read() == '\n') {
                    break;
                }
                end--;
            }
            if (end < length) {
                f.setLength(end); // that session was never acknowledged: it is played again
            }
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        var out = new ArrayList<Result>();
        if (lines.isEmpty()) {
            return out;
        }
        String file = csv.toString();
        if (!(lines.get(0) + "\n").equals(SessionsCsv.header(width))) {
            throw new ScenarioException(List.of(new Problem(file, 1, 1, "", "is not this tournament's header")));
        }
        var seen = new java.util.HashSet<Integer>();
        List<Tournament.Coordinates> sessions = t.sessions();
        for (int i = 1; i < lines.size(); i++) {
            Result r;
            try {
                r = SessionsCsv.parse(lines.get(i), width);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(List.of(new Problem(file, i + 1, 1, "", "cannot be read: " + e
                        .getMessage())));
            }
            if (r.index() < 0 || r.index() >= sessions.size() || !t.key(sessions.get(r.index())).equals(r.key())) {
                throw new ScenarioException(List.of(new Problem(file, i + 1, 1, "", "session " + r.index() + " ("
                        + r.key() + ") is not one of this tournament's")));
            }
            if (!seen.add(r.index())) {
                throw new ScenarioException(List.of(new Problem(file, i + 1, 1, "", "session " + r.index()
                        + " appears a second time")));
            }
            out.add(r);
        }
        return out;
    }

    /** SHA-256 of the spec's text and of every scenario it resolved to, by name. */
    public static String digest(TournamentReader.Source source) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(source.text().getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> e : source.scenarios().entrySet()) {
                md.update(("\0" + e.getKey() + "\0").getBytes(StandardCharsets.UTF_8));
                md.update(e.getValue().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The folder cannot be used for this tournament as asked: the message says why and what to do. */
    public static final class Refused extends dev.parley.engine.ParleyException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }
}
