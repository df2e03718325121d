package dev.parley.cli;

import dev.parley.store.Records.Audit;
import dev.parley.store.Store;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parley audit}: verifies a stored negotiation's hash chain. */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false, description = "Verify the event log of a stored negotiation: every event must carry the hash of the one "
        + "before it and a hash of its own contents. Names the first event that was altered, removed or "
        + "inserted; exits 1 when there is one.")
final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "The database (default: the embedded H2 database in ./parley-data).")
    String db;

    @Parameters(paramLabel = "NEGOTIATION", description = "The negotiation's id.")
    String negotiation;

    @Override
    public Integer call() {
        try (Store store = db == null ? Store.openDefault(Path.of("parley-data")) : Store.open(db)) {
            Audit a = store.audit(negotiation);
            if (a.intact()) {
                spec.commandLine().getOut().println("OK: negotiation " + negotiation + ": " + a.events()
                        + " events, the hash chain is intact");
                return ExitCodes.OK;
            }
            spec.commandLine().getOut().println("BROKEN: negotiation " + negotiation + ": " + a.reason()
                    + " (first broken event: " + a.firstBroken().orElseThrow() + ")");
            return ExitCodes.INTERNAL_ERROR;
        }
    }
}
