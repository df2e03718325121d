package dev.parley.cli;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.monitor.Assessment;
import dev.parley.engine.monitor.IncidentFilter;
import dev.parley.engine.monitor.IncidentType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** How {@code parley monitor} reads times and filters from the command line, and says what is wrong with them. */
final class MonitorArgs {
    private MonitorArgs() {
    }

    /** An instant ({@code 2025-03-18T06:00:00Z}) or a UTC day ({@code 2025-03-18}, its start). */
    static Instant instant(String option, String text) {
        try {
            return text.length() <= 10
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant
                            .parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + ": '" + text + "' is neither a day (2025-03-18) nor an instant "
                    + "(2025-03-18T06:00:00Z)");
        }
    }

    /** The end of a span given as a day (the day's last second) or as an instant. */
    static Instant end(String option, String text) {
        Instant t = instant(option, text);
        return text.length() <= 10 ? t.plusSeconds(86_399) : t;
    }

    /** Runs {@code work}, telling an invalid value as the option it came from. */
    static <T> T option(String option, Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidInput e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    /** The filter options of {@code list} and {@code report}. */
    static final class Filter {
        @Option(names = "--from", paramLabel = "DAY", description = "Incidents from this day or instant on.")
        String from;

        @Option(names = "--to", paramLabel = "DAY", description = "Incidents before this day or instant.")
        String to;

        @Option(names = "--place", paramLabel = "TEXT", description = "Incidents at a place whose name or area contains "
                + "TEXT (any case).")
        String place;

        @Option(names = "--type", paramLabel = "TYPE", description = "Incidents of this type (see 'parley monitor "
                + "claim --help').")
        String type;

        @Option(names = "--claimant", paramLabel = "WHO", description = "Incidents with a claim by WHO (UA, RU, ACLED, "
                + "UCDP...).")
        String claimant;

        @Option(names = "--status", paramLabel = "STATUS", description = "Incidents whose occurrence has this status: "
                + "reported, corroborated, verified, disputed, refuted, unverifiable.")
        String status;

        IncidentFilter filter() {
            return new IncidentFilter(Optional.ofNullable(from).map(f -> instant("--from", f)), Optional.ofNullable(to)
                    .map(t -> instant("--to", t)), Optional.ofNullable(place),
                    Optional.ofNullable(type).map(
                            t -> option("--type", () -> IncidentType.of("--type", t))),
                    Optional.ofNullable(claimant),
                    Optional.ofNullable(status).map(s -> option("--status", () -> Assessment.Status.of("--status",
                            s))));
        }
    }
}
