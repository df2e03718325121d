package dev.parley.cli;

/** The one entry point of Parley and the only place that calls {@code System.exit}. */
public final class Main {
    /** Held so that its level stays set: the command line shows Flyway's warnings, not its progress. */
    private static final java.util.logging.Logger FLYWAY = java.util.logging.Logger.getLogger("org.flywaydb");

    private Main() {
    }

    public static void main(String[] args) {
        // The store's libraries log; a command's output is its own. SLF4J (used by HikariCP) has no provider here.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        FLYWAY.setLevel(java.util.logging.Level.WARNING);
        var cl = ParleyCommand.commandLine();
        int code = cl.execute(args);
        cl.getOut().flush(); // commands may print() without a newline; nothing may be lost at exit
        cl.getErr().flush();
        System.exit(code);
    }
}
