package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * The command line builds only the subcommand it is asked for (start-up), and behaves as if it had built them all:
 * the usage lists every command, an unknown one is named with the others, options before the command still work.
 */
class ParleyCommandTest {
    @Test
    void onlyTheNamedSubcommandIsBuilt_elseEveryOne() {
        assertThat(ParleyCommand.needed("--version")).isEmpty();
        assertThat(ParleyCommand.needed("-V")).isEmpty();
        assertThat(ParleyCommand.needed("analyze", "--format", "json")).containsExactly(AnalyzeCommand.class);
        assertThat(ParleyCommand.needed("monitor", "list")).containsExactly(MonitorCommand.class);
        for (String[] args : new String[][]{{}, {"--help"}, {"help", "run"}, {"--verbose", "run"}, {"nosuch"},
                {"--version", "run"}}) {
            assertThat(ParleyCommand.needed(args)).as(String.join(" ", args)).isEqualTo(ParleyCommand.SUBCOMMANDS);
        }
    }

    @Test
    void theUsage_listsEveryCommand_andAnUnknownOneIsRefused() {
        Cli help = Cli.run("--help");
        assertThat(help.exitCode()).isZero();
        for (Class<?> c : ParleyCommand.SUBCOMMANDS) {
            assertThat(help.out()).contains("  " + c.getAnnotation(Command.class).name() + " ");
        }
        Cli version = Cli.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("parley ").contains("Java ");
        Cli unknown = Cli.run("nosuch");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("nosuch");
        Cli verbose = Cli.run("--verbose", "scenarios");
        assertThat(verbose.exitCode()).as(verbose.err()).isZero();
        assertThat(verbose.out()).contains("ceasefire-2025");
        Cli helpRun = Cli.run("help", "run");
        assertThat(helpRun.exitCode()).isZero();
        assertThat(helpRun.out()).contains("report.html");
    }
}
