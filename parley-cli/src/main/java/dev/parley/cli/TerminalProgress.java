package dev.parley.cli;

import dev.parley.engine.analysis.ProgressListener;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar on stderr for work that lasts over a second, and only when stderr is a terminal (the
 * {@code ./parley} launcher says so in {@code -Dparley.stderr.tty}); otherwise silent. Thread-safe.
 */
final class TerminalProgress implements ProgressListener, AutoCloseable {
    private static final long DELAY_NANOS = 1_000_000_000L;

    private final long start = System.nanoTime();
    private final PrintStream err;
    private ProgressBar bar;
    private String stage;

    /** What is counted, for a rate (e.g. "sessions" gives "sessions/s"); null for no rate. */
    private final String unit;

    private TerminalProgress(PrintStream err, String unit) {
        this.err = err;
        this.unit = unit;
    }

    /** A progress bar on {@code err} if it is a terminal, else a listener that ignores progress. */
    static ProgressListener forStderr() {
        return forStderr(null);
    }

    /** As above, showing how many {@code unit} are done per second beside the time left. */
    static ProgressListener forStderr(String unit) {
        return Boolean.getBoolean("parley.stderr.tty") ? new TerminalProgress(System.err, unit) : ProgressListener.NONE;
    }

    static void closeIfOpen(ProgressListener p) {
        if (p instanceof TerminalProgress t) {
            t.close();
        }
    }

    @Override
    public synchronized void progress(String stage, long done, long total) {
        if (bar == null && System.nanoTime() - start < DELAY_NANOS) {
            return;
        }
        if (bar == null || !stage.equals(this.stage)) {
            if (bar != null) {
                bar.close();
            }
            this.stage = stage;
            var builder = new ProgressBarBuilder().setTaskName(stage).setInitialMax(total).setUpdateIntervalMillis(200)
                    .setConsumer(new ConsoleProgressBarConsumer(err)).clearDisplayOnFinish();
            if (unit != null) {
                builder.setUnit(" " + unit, 1).showSpeed();
            }
            bar = builder.build();
        }
        bar.maxHint(total);
        bar.stepTo(done);
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
