package dev.parley.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Collects what Parley's server logs during one test, to print it when the test fails (and only then). */
final class ServerLog extends Handler {
    private static final Logger PARLEY = Logger.getLogger("dev.parley");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final SimpleFormatter format = new SimpleFormatter();

    void attach() {
        lines.clear();
        PARLEY.addHandler(this);
    }

    void detach() {
        PARLEY.removeHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(format.format(record));
    }

    /** Everything logged so far, formatted. */
    String text() {
        return String.join("", lines);
    }

    void print(String test) {
        System.err.println("--- server log of " + test + " (" + lines.size() + " records) ---");
        lines.forEach(System.err::print);
        System.err.println("--- end of server log ---");
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
