package dev.parley.cli;

import dev.parley.server.ParleyServer;
import dev.parley.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley serve}: the HTTP/JSON API for live negotiations. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Serve live negotiations over HTTP/JSON: an admin token creates them; each seat's invite "
                + "token reads its view and profile and makes its moves; agents fill the other seats. Every move is "
                + "stored before it is acknowledged.",
        "The admin token comes from PARLEY_ADMIN_TOKEN, else from DIR/admin-token, else it is made on the "
                + "first start, printed once (in the console's link) and kept there. The audit key comes from "
                + "PARLEY_AUDIT_KEY, else from DIR/audit-key, made on the first start; it never leaves the machine "
                + "unless you move it. The data folder is its owner's only (0700). Stops cleanly on Ctrl-C or "
                + "SIGTERM."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "The port (default: "
            + "${DEFAULT-VALUE}; 0 for any free one).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "The address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "A database, e.g. jdbc:postgresql://HOST/DB?user=U"
            + "&password=P (default: an embedded H2 database in the data folder).")
    String db;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "parley-data", description = "The data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--analysis-budget", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class, description = "The time one analysis may take for the mediator's console (default: ${DEFAULT-VALUE}); past it "
            + "the analysis says what it did not compute.")
    java.time.Duration analysisBudget;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port must be in 0..65535, not " + port);
        }
        PrintWriter out = spec.commandLine().getOut();
        dev.parley.store.DataFolder.create(data); // 0700: the database holds every profile, the key keys the audit
        String token = adminToken();
        Store store = db == null ? Store.openDefault(data) : Store.open(db, dev.parley.store.AuditKey.load(data));
        ParleyServer server;
        try {
            server = ParleyServer.start(store, token, host, port, dev.parley.server.Limits.DEFAULTS.withAnalysisBudget(
                    analysisBudget));
        } catch (RuntimeException e) {
            store.close();
            throw new UsageException("cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
            stopped.countDown();
        }, "parley-shutdown"));
        out.println("Parley is serving on http://" + host + ":" + server.port() + "/api");
        String console = "http://" + host + ":" + server.port() + "/";
        out.println(newToken
                ? "Console: " + console + "#admin=" + token + " (this link holds the admin token, shown only "
                        + "now; it is kept in " + data.resolve("admin-token") + ")"
                : "Console: " + console + " (the organiser key is the admin token)");
        out.println("Data: " + (db == null ? data.toAbsolutePath().resolve("parley.mv.db") : "the database at --db"));
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /** Whether this start made the admin token (and may show it once more, in the console's link). */
    private boolean newToken;

    private String adminToken() throws IOException {
        String fromEnv = System.getenv("PARLEY_ADMIN_TOKEN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        Path file = data.resolve("admin-token");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        if (Files.getFileAttributeView(data, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
        newToken = true; // shown once, in the console's link
        return token;
    }
}
