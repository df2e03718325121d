package dev.parley.engine.monitor;

import dev.parley.engine.InvalidInput;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one claim asserts about an incident: when and where, what kind, with what, how many were launched, destroyed,
 * failed to reach their target and hit it, who did it, what was aimed at, and the harm. Everything but the time may be
 * left unsaid. Built with {@link #at} and the withers. Immutable.
 *
 * @param occurredFrom the start of the span within which it happened
 * @param occurredTo its end, not before the start (the same instant when the time is exact)
 * @param notReached launched but not reaching the target for another reason than being destroyed (jammed, lost)
 * @param text what the claim says, in its own words
 */
public record Facts(Instant occurredFrom, Instant occurredTo, TimePrecision timePrecision, Optional<Place> place,
        Optional<IncidentType> type, Optional<String> subType, Optional<String> weapon, Optional<Estimate> launched,
        Optional<Estimate> destroyed, Optional<Estimate> notReached, Optional<Estimate> impacted,
        Optional<String> perpetrator, Optional<String> target, Optional<TargetCategory> targetCategory,
        Casualties casualties, Optional<String> text) {
    public Facts {
        Objects.requireNonNull(occurredFrom, "occurredFrom");
        Objects.requireNonNull(occurredTo, "occurredTo");
        if (occurredTo.isBefore(occurredFrom)) {
            throw new InvalidInput("occurred", "an incident cannot end (" + occurredTo + ") before it starts ("
                    + occurredFrom + ")");
        }
        Objects.requireNonNull(timePrecision, "timePrecision");
        if (subType.isPresent()) {
            if (type.isEmpty()) {
                throw new InvalidInput("subType", "a sub-type needs a type");
            }
            subType = Optional.of(type.get().subType("subType", subType.get()));
        }
        Objects.requireNonNull(casualties, "casualties");
        if (launched.isPresent()) {
            long accounted = destroyed.map(Estimate::low).orElse(0L) + notReached.map(Estimate::low).orElse(0L);
            if (accounted > launched.get().high()) {
                throw new InvalidInput("destroyed", "more destroyed or not reaching the target (" + accounted
                        + ") than launched (" + launched.get().high() + ")");
            }
        }
    }

    /** Facts that say only when: between {@code from} and {@code to}, to that precision. */
    public static Facts at(Instant from, Instant to, TimePrecision precision) {
        return new Facts(from, to, precision, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Casualties.NONE, Optional.empty());
    }

    public Facts withPlace(Place p) {
        return new Facts(occurredFrom, occurredTo, timePrecision, Optional.of(p), type, subType, weapon, launched,
                destroyed, notReached, impacted, perpetrator, target, targetCategory, casualties, text);
    }

    public Facts withType(IncidentType t, Optional<String> sub) {
        return new Facts(occurredFrom, occurredTo, timePrecision, place, Optional.of(t), sub, weapon, launched,
                destroyed, notReached, impacted, perpetrator, target, targetCategory, casualties, text);
    }

    public Facts withWeapon(String w) {
        return new Facts(occurredFrom, occurredTo, timePrecision, place, type, subType, Optional.of(w), launched,
                destroyed, notReached, impacted, perpetrator, target, targetCategory, casualties, text);
    }

    /** The quantities launched, destroyed, not reaching the target and impacting, each where given. */
    public Facts withQuantities(Optional<Estimate> launched, Optional<Estimate> destroyed,
            Optional<Estimate> notReached, Optional<Estimate> impacted) {
        return new Facts(occurredFrom, occurredTo, timePrecision, place, type, subType, weapon, launched, destroyed,
                notReached, impacted, perpetrator, target, targetCategory, casualties, text);
    }

    public Facts withPerpetrator(String party) {
        return new Facts(occurredFrom, occurredTo, timePrecision, place, type, subType, weapon, launched, destroyed,
                notReached, impacted, Optional.of(party), target, targetCategory, casualties, text);
    }

    public Facts withTarget(Optional<String> what, Optional<TargetCategory> category) {
        return new Facts(occurredFrom, occurredTo, timePrecision, place, type, subType, weapon, launched, destroyed,
                notReached, impacted, perpetrator, what, category, casualties, text);
    }

    public Facts withCasualties(Casualties c) {
        return new Facts(occurredFrom, occurredTo, timePrecision, place, type, subType, weapon, launched, destroyed,
                notReached, impacted, perpetrator, target, targetCategory, c, text);
    }

    public Facts withText(String t) {
        return new Facts(occurredFrom, occurredTo, timePrecision, place, type, subType, weapon, launched, destroyed,
                notReached, impacted, perpetrator, target, targetCategory, casualties, Optional.of(t));
    }

    /**
     * Whether these facts describe an attack: a type that is one, or no type given (a claim of harm or of things
     * launched that does not say how is taken as an attack; a force movement or an obstruction is not one).
     */
    public boolean attack() {
        return type.map(IncidentType::attack).orElse(true);
    }
}
