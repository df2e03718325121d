package dev.parley.cli;

/** The exit codes of every command, as docs/architecture.md lists them. */
final class ExitCodes {
    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    static final int USAGE = 2;
    static final int INVALID_SCENARIO = 3;

    private ExitCodes() {
    }
}
