package dev.parley.cli;

/** The one entry point of Parley and the only place that calls {@code System.exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        var cl = ParleyCommand.commandLine();
        int code = cl.execute(args);
        cl.getOut().flush(); // commands may print() without a newline; nothing may be lost at exit
        cl.getErr().flush();
        System.exit(code);
    }
}
