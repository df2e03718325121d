package dev.parley.cli;

import dev.parley.engine.ParleyException;
import dev.parley.scenario.ScenarioException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code parley}: the top-level command. Without a subcommand it prints its usage and exits 2. */
@Command(name = "parley", mixinStandardHelpOptions = true, versionProvider = ParleyCommand.Version.class, sortOptions = false, usageHelpAutoWidth = true, description = "Mediated multi-party negotiation: model the talks, find the agreement zone and the fair "
        + "packages, run the protocols.", footerHeading = "%nExit codes:%n", footer = {"  0  ok", "  1  internal error",
                "  2  usage error", "  3  invalid scenario",
                "%nSCENARIO is a .yaml/.yml/.json file in format parley/1 or a built-in id (see 'parley scenarios');"
                        + " the default is ceasefire-2025."})
final class ParleyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "On an internal error, print the stack trace too.")
    boolean verbose;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command; try 'parley scenarios' or 'parley show --help'.");
    }

    /**
     * The subcommands, in the order the usage lists them. Registered by {@link #commandLine}, only the one a command
     * line names when it names one: building the others' models (picocli reads every option of every command, and
     * with them the classes they name) is most of a command's start-up.
     */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(RunCommand.class, ForecastCommand.class,
            TournamentCommand.class, MonitorCommand.class, ScenariosCommand.class, ShowCommand.class,
            AnalyzeCommand.class, ReplayCommand.class, ValidateCommand.class, ImportCommand.class, ServeCommand.class,
            AuditCommand.class, ExportCommand.class, CommandLine.HelpCommand.class);

    /** The command line for {@code args}, writing to the process's own streams. */
    static CommandLine commandLine(String... args) {
        return commandLine(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), args);
    }

    /**
     * Which subcommands {@code args} needs: none for {@code --version} alone, the one it names first (not
     * {@code help}, which speaks of all), else every one (the usage, an unknown command, options before it).
     */
    static java.util.List<Class<?>> needed(String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return java.util.List.of();
        }
        if (args.length > 0 && !args[0].equals("help")) {
            for (Class<?> c : SUBCOMMANDS) {
                if (c.getAnnotation(Command.class).name().equals(args[0])) {
                    return java.util.List.of(c);
                }
            }
        }
        return SUBCOMMANDS;
    }

    /**
     * The command line writing to {@code out} and {@code err} through a {@link TerminalSafeWriter}: no control
     * character of a scenario's text reaches the terminal raw, in any command's output.
     */
    static CommandLine commandLine(java.io.Writer out, java.io.Writer err, String... args) {
        var cl = new CommandLine(new ParleyCommand());
        for (Class<?> c : needed(args)) {
            cl.addSubcommand(c);
        }
        cl.setOut(new PrintWriter(new TerminalSafeWriter(out), true));
        cl.setErr(new PrintWriter(new TerminalSafeWriter(err), true));
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF)); // no escapes of its own
        cl.setExecutionExceptionHandler(ParleyCommand::handle);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        for (String talks : new String[]{"run", "forecast"}) {
            if (cl.getSubcommands().containsKey(talks)) {
                TalksHelp.addTo(cl.getSubcommands().get(talks));
            }
        }
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof ScenarioException) {
            err.println(e.getMessage());
            return ExitCodes.INVALID_SCENARIO;
        }
        if (e instanceof UsageException) {
            err.println("parley: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        boolean verbose = parsed.matchedOption("--verbose") != null
                || parsed.subcommands().stream().anyMatch(p -> p.matchedOption("--verbose") != null);
        err.println("parley: " + (e instanceof ParleyException ? "" : "internal error: ") + e.getMessage());
        if (verbose) {
            e.printStackTrace(err);
        } else if (!(e instanceof ParleyException)) {
            err.println("(run again with --verbose for the stack trace)");
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    /** The version from the build, with the Java runtime it runs on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            var props = new Properties();
            try (InputStream in = ParleyCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    props.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[]{"parley " + props.getProperty("version", "(unknown version)"),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
