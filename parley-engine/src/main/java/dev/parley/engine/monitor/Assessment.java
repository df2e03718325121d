package dev.parley.engine.monitor;

import dev.parley.engine.InvalidInput;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A monitor's judgement of one aspect of an incident: whether it happened ({@link Aspect#OCCURRENCE}) or who did it
 * ({@link Aspect#ATTRIBUTION}), judged separately. Each judgement is kept; the last one that is not a draft is the
 * incident's status on that aspect. Immutable.
 *
 * @param party for an attribution, the party it is attributed to
 * @param grading for an attribution, how strong the case against that party is (Airwars' grading)
 * @param reason why, in the assessor's words (required: a status with no reason cannot be reviewed)
 * @param draft a draft is seen by monitors only and changes no status
 */
public record Assessment(String id, String incident, Aspect aspect, Status status, Optional<Grading> grading,
        Optional<String> party, String assessor, Instant at, String reason, boolean draft) implements MonitorEntry {
    /** What is judged. */
    public enum Aspect {
        OCCURRENCE, ATTRIBUTION;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Aspect of(String field, String id) {
            return Ids.named(field, id, values(), Aspect::id, "aspect");
        }
    }

    /**
     * The status of an aspect: {@code reported} (nobody has judged it), {@code corroborated} (independent sources
     * agree), {@code verified} (monitors established it), or {@code disputed}, {@code refuted}, {@code unverifiable}.
     */
    public enum Status {
        REPORTED, CORROBORATED, VERIFIED, DISPUTED, REFUTED, UNVERIFIABLE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status of(String field, String id) {
            return Ids.named(field, id, values(), Status::id, "status");
        }
    }

    /** Airwars' grading of the case against a belligerent. */
    public enum Grading {
        CONFIRMED, FAIR, WEAK, CONTESTED, DISCOUNTED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Grading of(String field, String id) {
            return Ids.named(field, id, values(), Grading::id, "grading");
        }
    }

    public Assessment {
        MonitorEntry.requireId("assessment", id);
        MonitorEntry.requireId("incident", incident);
        Objects.requireNonNull(aspect, "aspect");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(grading, "grading");
        Objects.requireNonNull(party, "party");
        MonitorEntry.requireId("assessor", assessor);
        Objects.requireNonNull(at, "at");
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "an assessment must give its reason");
        }
        if (aspect == Aspect.ATTRIBUTION && party.isEmpty()) {
            throw new InvalidInput("party", "an attribution names the party it attributes the incident to");
        }
        if (aspect == Aspect.OCCURRENCE && (party.isPresent() || grading.isPresent())) {
            throw new InvalidInput(party.isPresent() ? "party" : "grading", "an assessment of occurrence names no "
                    + "party and has no grading: assess the attribution apart");
        }
    }
}
