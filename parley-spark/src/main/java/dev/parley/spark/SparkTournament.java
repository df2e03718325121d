package dev.parley.spark;

import dev.parley.engine.forecast.Forecast;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.tournament.Referee;
import dev.parley.engine.tournament.Tournament;
import dev.parley.scenario.TournamentReader;
import dev.parley.scenario.wire.ForecastRuns;
import dev.parley.scenario.wire.SessionsCsv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * A tournament's sessions on Apache Spark: the sessions to play are partitioned over the executors, each executor
 * rebuilds the tournament once from its {@link TournamentReader.Source} (the spec and its scenarios as text) and
 * plays its sessions through the engine's {@link Referee}, each seeded from its coordinates, so the lines are those
 * of the local backend. The driver takes them chunk by chunk (memory bounded by a chunk, not by the tournament).
 * Afterwards the sessions are written as Parquet and the leaderboard's sums are computed by Spark SQL. Not
 * thread-safe: one per driver.
 */
public final class SparkTournament implements AutoCloseable {
    /** Sessions per Spark job: what the driver holds at once, and what a kill of the driver can lose. */
    static final int CHUNK = 4_096;

    /** The referee per tournament, once per executor JVM (its scenarios analysed once). */
    private static final Map<String, Referee> REFEREES = new ConcurrentHashMap<>();

    private final SparkSession spark;
    private final JavaSparkContext context;

    public SparkTournament(String master) {
        this.spark = SparkSession.builder().master(master).appName("parley tournament").config("spark.ui.enabled",
                "false").config("spark.sql.shuffle.partitions", "8").getOrCreate();
        this.context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    /** How many tasks run at once. */
    public int parallelism() {
        return context.defaultParallelism();
    }

    /**
     * Plays the sessions numbered in {@code todo}, handing each one's {@code sessions.csv} line (with its line break)
     * to {@code rows} on this thread.
     */
    public void play(TournamentReader.Source source, int[] todo, Consumer<String> rows, IntConsumer progress) {
        inChunks(todo, sessions -> play(source, sessions), rows, progress);
    }

    /**
     * Runs every draw of a forecast, handing each run's line ({@link ForecastRuns#line}) to {@code lines} on this
     * thread: the forecast's draws on the same backend as a tournament's sessions.
     */
    public void forecast(ForecastRuns.Source source, Consumer<String> lines, IntConsumer progress) {
        int[] all = java.util.stream.IntStream.range(0, source.runs()).toArray();
        inChunks(all, runs -> forecast(source, runs), lines, progress);
    }

    /** The jobs numbered in {@code todo}, a chunk at a time, partitioned over the executors. */
    private void inChunks(int[] todo, FlatMapFunction<Iterator<Integer>, String> work, Consumer<String> out,
            IntConsumer progress) {
        int slices = Math.max(1, parallelism() * 2);
        int done = 0;
        for (int from = 0; from < todo.length; from += CHUNK) {
            int to = Math.min(todo.length, from + CHUNK);
            var chunk = new ArrayList<Integer>(to - from);
            for (int i = from; i < to; i++) {
                chunk.add(todo[i]);
            }
            JavaRDD<String> lines = context.parallelize(chunk, Math.min(slices, chunk.size())).mapPartitions(work);
            for (String line : lines.collect()) {
                out.accept(line);
                progress.accept(++done);
            }
        }
    }

    private static Iterator<String> forecast(ForecastRuns.Source source, Iterator<Integer> runs) {
        Scenario s = source.readScenario();
        Forecast.Plan plan = source.plan(s);
        var out = new ArrayList<String>();
        while (runs.hasNext()) {
            out.add(ForecastRuns.line(Forecast.run(s, plan, runs.next()), s) + "\n");
        }
        return out.iterator();
    }

    private static Iterator<String> play(TournamentReader.Source source, Iterator<Integer> sessions) {
        Referee referee = REFEREES.computeIfAbsent(key(source), k -> new Referee(source.tournament()));
        Tournament t = referee.tournament();
        int width = t.maxPrincipals();
        var out = new ArrayList<String>();
        while (sessions.hasNext()) {
            out.add(SessionsCsv.row(referee.play(t.sessions().get(sessions.next())), width));
        }
        return out.iterator();
    }

    private static String key(TournamentReader.Source source) {
        return source.file() + "\u0000" + source.text().hashCode() + "\u0000" + source.scenarios().hashCode();
    }

    /**
     * Writes {@code dir/sessions.parquet} from {@code dir/sessions.csv}, and returns per agent in a principal's seat
     * the sessions it played to their end and its mean advantage, as Spark SQL sums them.
     */
    public List<Row> finish(Path dir, int principals) {
        Dataset<Row> sessions = spark.read().option("header", "true").option("inferSchema", "true").option("escape",
                "\"").csv(dir.resolve("sessions.csv").toString());
        sessions.write().mode(SaveMode.Overwrite).parquet(dir.resolve("sessions.parquet").toString());
        Dataset<Row> parquet = spark.read().parquet(dir.resolve("sessions.parquet").toString());
        Column played = functions.col("status").isin("agreed", "no-agreement");
        Dataset<Row> seats = null;
        for (int k = 1; k <= principals; k++) {
            Dataset<Row> seat = parquet.filter(played.and(functions.col("agent" + k).isNotNull())).select(functions
                    .col("agent" + k).as("agent"), functions.col("advantage" + k).cast("double").as("advantage"));
            seats = seats == null ? seat : seats.union(seat);
        }
        return seats.groupBy("agent").agg(functions.count("advantage").as("plays"), functions.avg("advantage").as(
                "advantage")).orderBy("agent").collectAsList();
    }

    @Override
    public void close() {
        spark.stop();
    }
}
