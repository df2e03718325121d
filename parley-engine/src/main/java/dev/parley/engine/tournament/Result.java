package dev.parley.engine.tournament;

import java.util.List;
import java.util.Optional;

/**
 * One session of a tournament, scored. Figures that do not apply are {@code NaN}: every figure of a session that
 * failed, the victory index without two principals. Without a deal each party is scored at its reservation (what it
 * has without one), as NegMAS scores the reserved value. Immutable.
 *
 * @param index the session's number in the tournament
 * @param key its coordinates in words ({@link Tournament#key})
 * @param deal the package agreed, as {@code CF=full-30d,KU=...}; empty without one
 * @param detail without a deal, how the talks ended; for an error or time-out, what happened and in whose seat
 * @param culprit the party whose agent threw or ran out of time; empty otherwise
 * @param culpritAgent that party's agent when its seat was competed for (a principal's or the mediator's), to be
 *        counted against it; empty for a fixed or default seat
 * @param rounds rounds played
 * @param nps the deal's Nash product as a share of the optimum over the zone (0 without a deal)
 * @param paretoDistance Euclidean distance, over the ratifying parties' utilities, from the outcome (the reservations
 *        without a deal) to the nearest point of the zone's Pareto frontier; NaN when the zone is empty
 * @param nashDistance the same distance to the Nash package's utilities; NaN when the zone is empty
 * @param welfare the sum of the ratifying parties' utilities
 * @param victory the victory index of the first two principals (s_b − s_a, the second's share less the first's);
 *        NaN without a deal
 * @param seats the principals' seats, in seat order
 */
public record Result(int index, String key, String scenario, String protocol, Optional<String> mediator,
        int repetition, long seed, Status status, Optional<String> deal, String detail, Optional<String> culprit,
        Optional<String> culpritAgent, int rounds, double nps, double paretoDistance, double nashDistance,
        double welfare, double victory,
        List<Seat> seats) {

    public Result {
        seats = List.copyOf(seats);
    }

    /** How a session ended. */
    public enum Status {
        AGREED, NO_AGREEMENT,
        /** An agent threw (a bug in it): the session stopped there. */
        ERROR,
        /** A seat's agent took longer than the tournament's time limit deciding its moves in the session. */
        TIMEOUT;

        /** The word in results: {@code agreed}, {@code no-agreement}, {@code error}, {@code timeout}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Optional<Status> byId(String id) {
            return java.util.Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
        }

        /** Whether the session ran to its end (with a deal or without), so that its figures mean something. */
        public boolean played() {
            return this == AGREED || this == NO_AGREEMENT;
        }
    }

    /**
     * A principal's seat: who sat in it and how it fared.
     *
     * @param utility its utility from the deal, its reservation without one
     * @param advantage (u − r) / (max − r): the share of what it could gain above its reservation that it got (0
     *        without a deal, and when it could gain nothing)
     */
    public record Seat(String party, String agent, double utility, double advantage) {
    }

    public boolean agreed() {
        return status == Status.AGREED;
    }
}
