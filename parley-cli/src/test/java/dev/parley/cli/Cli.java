package dev.parley.cli;

import java.io.StringWriter;

/** Runs the command line in-process with captured output, as a test would from a shell. */
record Cli(int exitCode, String out, String err) {
    static Cli run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cl = ParleyCommand.commandLine(out, err);
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return new Cli(code, out.toString(), err.toString());
    }
}
