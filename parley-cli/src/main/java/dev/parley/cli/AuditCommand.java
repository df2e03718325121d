package dev.parley.cli;

import dev.parley.store.Checkpoint;
import dev.parley.store.Records.Audit;
import dev.parley.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parley audit}: verifies stored negotiations against their keyed chains, and against a checkpoint. */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Verify stored negotiations: every log entry must carry the keyed MAC of its contents, its negotiation and "
                + "the entry before it; the stored chain head must match the log; and the stored scenario, "
                + "settings, seats and status must be what the log last recorded. Names the first problem of each "
                + "negotiation; exits 1 when there is one.",
        "With --checkpoint, also that every chain still holds the head the checkpoint saw, and that no negotiation "
                + "it saw is gone: keep checkpoints (--save-checkpoint) away from the database."})
final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    StoreOptions where;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Verify against this checkpoint too.")
    Path checkpoint;

    @Option(names = "--save-checkpoint", paramLabel = "FILE", description = "After the audit, write a signed checkpoint of every chain head to FILE.")
    Path saveCheckpoint;

    @Parameters(paramLabel = "NEGOTIATION", arity = "0..1", description = "One negotiation's id (default: every negotiation).")
    String negotiation;

    /** What a chain is, by its id: a negotiation, or a monitoring log ({@code parley monitor}). */
    static String chain(String id) {
        return id.startsWith("monitor-") ? "monitoring log " + id.substring("monitor-".length()) : "negotiation " + id;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = where.open(false, "give the server's --data DIR, or --db JDBC-URL", "audit it there (GET "
                + "/api/negotiations/ID/audit, GET /api/checkpoint), or stop the server first")) {
            Optional<Checkpoint> seen = Optional.empty();
            if (checkpoint != null) {
                if (!Files.isRegularFile(checkpoint)) {
                    throw new UsageException("no checkpoint file " + checkpoint);
                }
                seen = Optional.of(store.readCheckpoint(checkpoint.toString(), Files.readString(checkpoint,
                        StandardCharsets.UTF_8)));
            }
            List<Audit> audits = negotiation == null
                    ? store.auditAll(seen)
                    : store.auditAll(seen).stream().filter(a -> a.negotiationId().equals(negotiation)).toList();
            if (negotiation != null && audits.isEmpty()) {
                throw new dev.parley.store.StoreException.NoSuchNegotiation(negotiation);
            }
            int broken = 0;
            for (Audit a : audits) {
                if (a.intact()) {
                    out.println("OK: " + chain(a.negotiationId()) + ": " + a.events() + " events, the chain is "
                            + "intact");
                } else {
                    broken++;
                    out.println("BROKEN: " + chain(a.negotiationId()) + ": " + a.reason() + a.firstBroken().map(
                            n -> " (first broken event: " + n + ")").orElse(""));
                }
            }
            if (negotiation == null) {
                long logs = audits.stream().filter(a -> a.negotiationId().startsWith("monitor-")).count();
                long talks = audits.size() - logs;
                out.println(talks + " negotiation" + (talks == 1 ? "" : "s") + (logs == 0
                        ? ""
                        : " and " + logs + " monitoring log" + (logs == 1 ? "" : "s")) + " audited"
                        + (seen.isPresent() ? " against the checkpoint" : "") + ", " + broken + " broken");
            }
            if (saveCheckpoint != null) {
                if (broken > 0) {
                    out.println("No checkpoint written: a checkpoint vouches for what it records, and " + broken
                            + " negotiation" + (broken == 1 ? " is" : "s are") + " broken");
                } else {
                    Checkpoint made = store.checkpoint();
                    AtomicFiles.write(saveCheckpoint, made.toJson());
                    out.println("Checkpoint of " + made.heads().size() + " chain heads written to " + saveCheckpoint);
                }
            }
            return broken == 0 ? ExitCodes.OK : ExitCodes.INTERNAL_ERROR;
        }
    }
}
