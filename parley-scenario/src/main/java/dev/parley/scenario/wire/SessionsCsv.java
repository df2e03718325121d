package dev.parley.scenario.wire;

import dev.parley.engine.tournament.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tournament's {@code sessions.csv}: a header, then one line per session in the order sessions finish. Every line
 * is one physical line (line breaks in messages become spaces), so a line cut short by a kill is the last one and
 * has no line break. Figures are exact to 12 decimals; a figure that does not apply is empty. What is read back
 * equals what was written. Stateless.
 */
public final class SessionsCsv {
    private static final List<String> FIXED = List.of("index", "key", "scenario", "protocol", "mediator",
            "repetition", "seed", "status", "rounds", "deal", "nps", "pareto_distance", "nash_distance", "welfare",
            "victory_index", "detail", "culprit", "culprit_agent");

    private SessionsCsv() {
    }

    /** The header line for a tournament whose sessions have at most {@code principals} principals' seats. */
    public static String header(int principals) {
        return Csv.row(columns(principals));
    }

    public static List<String> columns(int principals) {
        var h = new ArrayList<>(FIXED);
        for (int k = 1; k <= principals; k++) {
            h.addAll(List.of("seat" + k, "agent" + k, "utility" + k, "advantage" + k));
        }
        return h;
    }

    /** One session's line, with its line break, padded to {@code principals} seats. */
    public static String row(Result r, int principals) {
        var f = new ArrayList<Object>();
        f.add(r.index());
        f.add(r.key());
        f.add(r.scenario());
        f.add(r.protocol());
        f.add(r.mediator().orElse(null));
        f.add(r.repetition());
        f.add(r.seed());
        f.add(r.status().id());
        f.add(r.rounds());
        f.add(r.deal().orElse(null));
        for (double x : new double[]{r.nps(), r.paretoDistance(), r.nashDistance(), r.welfare(), r.victory()}) {
            f.add(figure(x));
        }
        f.add(oneLine(r.detail()));
        f.add(r.culprit().orElse(null));
        f.add(r.culpritAgent().orElse(null));
        for (int k = 0; k < principals; k++) {
            if (k < r.seats().size()) {
                Result.Seat s = r.seats().get(k);
                f.addAll(java.util.Arrays.asList(s.party(), s.agent(), figure(s.utility()), figure(s.advantage())));
            } else {
                f.addAll(java.util.Arrays.asList(null, null, null, null));
            }
        }
        return Csv.row(f);
    }

    /**
     * The session a line holds (without its line break), its figures as written.
     *
     * @throws IllegalArgumentException naming what is wrong with the line
     */
    public static Result parse(String line, int principals) {
        List<String> f = Csv.parse(line);
        int width = FIXED.size() + 4 * principals;
        if (f.size() != width) {
            throw new IllegalArgumentException(f.size() + " fields, not " + width);
        }
        Result.Status status = Result.Status.byId(f.get(7)).orElseThrow(() -> new IllegalArgumentException(
                "unknown status '" + f.get(7) + "'"));
        var seats = new ArrayList<Result.Seat>();
        for (int k = 0; k < principals; k++) {
            int at = FIXED.size() + 4 * k;
            if (!f.get(at).isEmpty()) {
                seats.add(new Result.Seat(f.get(at), f.get(at + 1), number(f.get(at + 2)), number(f.get(at + 3))));
            }
        }
        return new Result(Integer.parseInt(f.get(0)), f.get(1), f.get(2), f.get(3), text(f.get(4)), Integer.parseInt(
                f.get(5)), Long.parseLong(f.get(6)), status, text(f.get(9)), f.get(15), text(f.get(16)),
                text(f.get(17)),
                Integer.parseInt(f.get(8)), number(f.get(10)), number(f.get(11)), number(f.get(12)), number(f.get(13)),
                number(f.get(14)), seats);
    }

    /** A figure as written: exact to 12 decimals, null (an empty field) for NaN. */
    private static Double figure(double x) {
        return Double.isNaN(x) ? null : Json.exact(x);
    }

    private static double number(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    private static Optional<String> text(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static String oneLine(String s) {
        return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
