package dev.parley.engine.monitor;

import dev.parley.engine.monitor.Assessment.Aspect;
import dev.parley.engine.monitor.Assessment.Status;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which incidents to show: those that happened in a period, at a place (its name or area contains the text, in any
 * case), of a type, claimed by a claimant, with an occurrence status. Every part left empty lets every incident
 * through. Immutable.
 *
 * @param from incidents whose earliest claimed start is at or after this
 * @param to ... and before this
 */
public record IncidentFilter(Optional<Instant> from, Optional<Instant> to, Optional<String> place,
        Optional<IncidentType> type, Optional<String> claimant,
        Optional<Status> status) implements Predicate<Incident> {
    @Override
    public boolean test(Incident i) {
        Instant when = i.when();
        if (from.filter(when::isBefore).isPresent() || to.filter(t -> !when.isBefore(t)).isPresent()) {
            return false;
        }
        if (type.isPresent() && i.type().filter(type.get()::equals).isEmpty()) {
            return false;
        }
        if (claimant.isPresent() && !i.claimants().contains(claimant.get())) {
            return false;
        }
        if (status.isPresent() && i.status(Aspect.OCCURRENCE) != status.get()) {
            return false;
        }
        return place.map(p -> matches(i, p.toLowerCase(Locale.ROOT))).orElse(true);
    }

    private static boolean matches(Incident i, String text) {
        return i.claims().stream().map(c -> c.facts().place()).flatMap(Optional::stream).anyMatch(p -> p.name()
                .toLowerCase(Locale.ROOT).contains(text)
                || p.admin1().filter(a -> a.toLowerCase(Locale.ROOT)
                        .contains(text)).isPresent()
                || p.admin2().filter(a -> a.toLowerCase(Locale.ROOT).contains(
                        text)).isPresent());
    }
}
