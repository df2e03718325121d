package dev.parley.engine.analysis;

/** Told how far long work has come; the caller decides whether and how to show it. Must be thread-safe. */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores all progress. */
    ProgressListener NONE = (stage, done, total) -> {
    };

    /**
     * @param stage what is being done, e.g. "frontier" or "zone"
     * @param done units done so far
     * @param total units in all
     */
    void progress(String stage, long done, long total);
}
