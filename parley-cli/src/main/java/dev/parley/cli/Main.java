package dev.parley.cli;

/** The one entry point of Parley and the only place that calls {@code System.exit}. */
public final class Main {
    /** Held so that their levels stay set: the command line shows the libraries' warnings, not their progress. */
    private static final java.util.logging.Logger[] QUIET = {java.util.logging.Logger.getLogger("org.flywaydb"),
            java.util.logging.Logger.getLogger("com.zaxxer.hikari"), java.util.logging.Logger.getLogger("io.javalin"),
            java.util.logging.Logger.getLogger("org.eclipse.jetty")};

    private Main() {
    }

    public static void main(String[] args) {
        quietLibraries();
        var cl = ParleyCommand.commandLine(args);
        int code = cl.execute(args);
        cl.getOut().flush(); // commands may print() without a newline; nothing may be lost at exit
        cl.getErr().flush();
        System.exit(code);
    }

    /**
     * The libraries log (through SLF4J into java.util.logging); a command's output is its own. Also run by
     * {@link StartupTraining}, so that the start-up cache holds the logging classes this loads.
     */
    static void quietLibraries() {
        for (var logger : QUIET) {
            logger.setLevel(java.util.logging.Level.WARNING);
        }
    }
}
