package dev.parley.scenario.monitor;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.monitor.Claim;
import dev.parley.scenario.Problem;
import dev.parley.scenario.ScenarioException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Imports incidents from the public formats monitors work with, one claim per row ({@code docs/monitoring.md} has each
 * format's columns and how they are read): the Ukrainian Air Force's daily reports of missile and drone attacks as
 * the "massive missile attacks on Ukraine" data set publishes them, UCDP GED events, and ACLED exports. The format is
 * told by the header. The file is read as a stream, a row at a time; its claims are held until the whole file is read.
 * Each row's claim id is a digest of the trimmed cells its format reads, named (so column order and extra columns do
 * not matter), so a row imported twice is the same claim. Every problem is reported, located by line and column with the column's name, up to
 * {@link #MAX_PROBLEMS}; a file with any problem yields no claim. Stateless.
 */
public final class MonitorImport {
    /** The most problems reported for one file. */
    public static final int MAX_PROBLEMS = 100;

    /** A format: its name, the columns that tell it and are required, and how a row becomes a claim. */
    public enum Format {
        MISSILE_ATTACKS("missile-attacks", List.of("time_start", "time_end", "model", "launched", "destroyed"),
                MissileAttacks::claim), UCDP_GED("ucdp-ged",
                        List.of("id", "date_start", "date_end", "best", "low", "high", "side_a", "side_b"),
                        UcdpGed::claim), ACLED("acled",
                                List.of("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1",
                                        "fatalities"),
                                Acled::claim);

        private final String id;
        private final List<String> columns;
        private final RowReader reader;

        Format(String id, List<String> columns, RowReader reader) {
            this.id = id;
            this.columns = columns;
            this.reader = reader;
        }

        public String id() {
            return id;
        }

        public static Format of(String field, String id) {
            return Arrays.stream(values()).filter(f -> f.id.equals(id.toLowerCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> new InvalidInput(field, "unknown format '" + id + "'; the formats are "
                            + Arrays.stream(values()).map(Format::id).collect(Collectors.joining(", "))));
        }
    }

    /** How a row becomes a claim, or nothing when the row is not an incident (a protest in an ACLED export). */
    interface RowReader {
        Optional<Claim> claim(Cells row);
    }

    /**
     * What a file held.
     *
     * @param rows the data rows read
     * @param skipped rows that are not ceasefire incidents, by reason (e.g. "event_type Protests")
     */
    public record Result(Format format, int rows, Map<String, Integer> skipped) {
        public Result {
            skipped = Map.copyOf(skipped);
        }
    }

    private MonitorImport() {
    }

    /**
     * Reads {@code in} (named {@code file} in problems), in the given format or the one its header tells, and hands
     * each claim to {@code claims} in row order, but only once the whole file is read without a problem.
     *
     * @throws ScenarioException naming every problem, by line and column
     */
    public static Result read(String file, Reader in, Optional<Format> format, Consumer<Claim> claims)
            throws IOException {
        var records = new CsvRecords(in);
        CsvRecords.Row head;
        try {
            head = records.next();
        } catch (CsvRecords.Malformed e) {
            throw new ScenarioException(List.of(new Problem(file, e.line, e.column, "", e.getMessage())));
        }
        if (head == null || head.fields().stream().allMatch(String::isBlank)) {
            throw new ScenarioException(List.of(new Problem(file, 1, 1, "", "empty; expected a header row")));
        }
        var header = new HashMap<String, Integer>();
        for (int k = 0; k < head.fields().size(); k++) {
            header.putIfAbsent(head.fields().get(k).strip().toLowerCase(Locale.ROOT), k);
        }
        Format f = format.orElseGet(() -> Arrays.stream(Format.values()).filter(x -> header.keySet().containsAll(
                x.columns)).findFirst().orElseThrow(() -> new ScenarioException(List.of(
                        new Problem(file, 1, 1, "",
                                "the header is none of the formats' ("
                                        + Arrays.stream(Format.values()).map(x -> x.id + ": "
                                                + String.join(",", x.columns)).collect(Collectors.joining("; "))
                                        + ")")))));
        var problems = new ArrayList<Problem>();
        for (String c : f.columns) {
            if (!header.containsKey(c)) {
                problems.add(new Problem(file, 1, 1, "", "no column '" + c + "' in the header, which " + f.id
                        + " needs"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        var read = new ArrayList<Claim>();
        var skipped = new java.util.TreeMap<String, Integer>();
        var ids = new HashMap<String, Integer>();
        int rows = 0;
        while (problems.size() < MAX_PROBLEMS) {
            CsvRecords.Row row;
            try {
                row = records.next();
            } catch (CsvRecords.Malformed e) {
                problems.add(new Problem(file, e.line, e.column, "", e.getMessage()));
                break;
            }
            if (row == null) {
                break;
            }
            if (row.fields().size() == 1 && row.fields().get(0).isBlank()) {
                continue;
            }
            rows++;
            var cells = new Cells(header, row);
            if (row.fields().size() != head.fields().size()) {
                problems.add(new Problem(file, row.line(), 1, "", row.fields().size() + " fields; the header has "
                        + head.fields().size()));
                continue;
            }
            try {
                Optional<Claim> claim = f.reader.claim(cells);
                if (claim.isEmpty()) {
                    skipped.merge(skipReason(f, cells), 1, Integer::sum);
                    continue;
                }
                Integer before = ids.putIfAbsent(claim.get().id(), row.line());
                if (before == null) {
                    read.add(claim.get());
                } // the same row twice in one file is one claim, as it is across imports
            } catch (InvalidInput e) {
                String column = e.field().orElse("");
                problems.add(new Problem(file, cells.lineOf(column), cells.columnOf(column), column, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        read.forEach(claims);
        return new Result(f, rows, skipped);
    }

    private static String skipReason(Format f, Cells row) {
        return f == Format.ACLED
                ? "event_type " + row.optional("event_type").orElse("") + (row.optional("sub_event_type").map(
                        s -> " / " + s).orElse(""))
                : "not an incident";
    }

    /** A party's id from an actor's name as a data set writes it: Russia's forces are RU, Ukraine's UA. */
    static String party(String actor) {
        String a = actor.toLowerCase(Locale.ROOT).strip();
        // a state's forces or government, as ACLED and UCDP name them; not every actor with the country in its name
        // (the Russian Volunteer Corps fights for Ukraine)
        if (STATE_RU.matcher(a).find()) {
            return "RU";
        }
        if (STATE_UA.matcher(a).find()) {
            return "UA";
        }
        String id = actor.strip().replaceAll("[^A-Za-z0-9._:-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
        return id.isEmpty() ? "unknown" : id.substring(0, Math.min(id.length(), 128));
    }

    private static final java.util.regex.Pattern STATE_RU = java.util.regex.Pattern.compile(
            "^(russia|(military|police|navy|air) forces? of russia|government of russia)\\b");
    private static final java.util.regex.Pattern STATE_UA = java.util.regex.Pattern.compile(
            "^(ukraine|(military|police|navy|air) forces? of ukraine|government of ukraine)\\b");

    /** A short digest of text, for ids. */
    static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private static final java.util.regex.Pattern ENERGY = java.util.regex.Pattern.compile(
            "energy|power plant|power station|substation|electric|thermal|gas |oil |refiner|pipeline");
    private static final java.util.regex.Pattern NAVAL = java.util.regex.Pattern.compile(
            "\\bport\\b|seaport|harbou?r|vessel|\\bship|naval|fleet");

    /** A target category told by words in a description: energy, ports and ships, or nothing. */
    static Optional<dev.parley.engine.monitor.TargetCategory> category(String... texts) {
        String t = String.join(" ", texts).toLowerCase(Locale.ROOT);
        if (ENERGY.matcher(t).find()) {
            return Optional.of(dev.parley.engine.monitor.TargetCategory.ENERGY);
        }
        if (NAVAL.matcher(t).find()) {
            return Optional.of(dev.parley.engine.monitor.TargetCategory.NAVAL);
        }
        return Optional.empty();
    }
}
