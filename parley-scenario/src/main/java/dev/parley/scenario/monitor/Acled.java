package dev.parley.scenario.monitor;

import dev.parley.engine.monitor.Casualties;
import dev.parley.engine.monitor.Claim;
import dev.parley.engine.monitor.Estimate;
import dev.parley.engine.monitor.Facts;
import dev.parley.engine.monitor.IncidentType;
import dev.parley.engine.monitor.Place;
import dev.parley.engine.monitor.PlacePrecision;
import dev.parley.engine.monitor.TargetCategory;
import dev.parley.engine.monitor.TimePrecision;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * An ACLED event ({@code event_id_cnty, event_date, time_precision, event_type, sub_event_type, actor1, actor2,
 * civilian_targeting, admin1, admin2, location, latitude, longitude, geo_precision, source, notes, fatalities,
 * timestamp}): a claim by {@code ACLED} that actor 1 did it, with ACLED's conservative fatality figure. Battles and
 * explosions/remote violence map to the taxonomy by sub-event type; protests, riots and strategic developments are not
 * ceasefire incidents and are skipped (and counted). Stateless.
 */
final class Acled {
    /** The columns a claim is read from: its id is a digest of these ({@code acled1}: the first way of reading them). */
    static final java.util.List<String> READ = java.util.List.of("event_id_cnty", "event_date", "time_precision",
            "event_type", "sub_event_type", "actor1", "actor2", "civilian_targeting", "admin1", "admin2", "location",
            "latitude", "longitude", "geo_precision", "source", "notes", "fatalities", "timestamp");

    private Acled() {
    }

    static Optional<Claim> claim(Cells row) {
        Optional<MissileAttacks.Kind> kind = kind(row.required("event_type"), row.required("sub_event_type"), row
                .optional("notes").orElse(""));
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        Instant from = row.time("event_date", ZoneOffset.UTC, false);
        Instant to = row.time("event_date", ZoneOffset.UTC, true);
        TimePrecision precision = row.code("time_precision").map(c -> TimePrecision.acled("time_precision", c))
                .orElse(TimePrecision.DAY);
        long fatalities = row.count("fatalities").orElseThrow(() -> new dev.parley.engine.InvalidInput("fatalities",
                "empty; fatalities is required (0 when none)"));
        boolean civilian = row.optional("civilian_targeting").isPresent()
                || kind.get().type() == IncidentType.GROUND_ASSAULT
                        && row.required("event_type").equalsIgnoreCase("Violence against civilians");
        Casualties c = fatalities == 0
                ? Casualties.NONE
                : Casualties.NONE.with(civilian
                        ? Casualties.Group.CIVILIAN
                        : Casualties.Group.UNKNOWN, Casualties.Harm.KILLED, Estimate.exactly(fatalities));
        String notes = row.optional("notes").orElse("");
        Optional<TargetCategory> category = MonitorImport.category(notes).or(() -> civilian
                ? Optional.of(TargetCategory.CIVILIAN)
                : Optional.empty());
        Facts f = Facts.at(from, to, precision).withType(kind.get().type(), kind.get().subType()).withPerpetrator(
                MonitorImport.party(row.required("actor1"))).withTarget(row.optional("actor2"), category)
                .withCasualties(c);
        if (!notes.isEmpty()) {
            f = f.withText(notes);
        }
        Optional<String> name = row.optional("location").or(() -> row.optional("admin2")).or(() -> row.optional(
                "admin1"));
        if (name.isPresent()) {
            PlacePrecision p = row.code("geo_precision").map(k -> PlacePrecision.acled("geo_precision", k)).orElse(
                    PlacePrecision.EXACT);
            Place place = Place.named(name.get(), p).withAdmin(row.optional("admin1"), row.optional("admin2"));
            Optional<Double> lat = row.degrees("latitude");
            Optional<Double> lon = row.degrees("longitude");
            if (lat.isPresent() && lon.isPresent()) {
                try {
                    place = place.withPosition(lat.get(), lon.get());
                } catch (dev.parley.engine.InvalidInput e) {
                    throw new dev.parley.engine.InvalidInput("latitude", e.getMessage());
                }
            }
            f = f.withPlace(place);
        }
        Instant stated = row.count("timestamp").map(Instant::ofEpochSecond).orElse(to);
        String id = row.required("event_id_cnty");
        return Optional.of(new Claim("acled1:" + MonitorImport.digest(row.content(READ)), "acled-" + id.replaceAll(
                "[^A-Za-z0-9._:-]", "-"), "ACLED", "ACLED", row.optional("source"), stated, Optional.empty(), f));
    }

    /** The taxonomy's type of an ACLED event, or nothing for one that is no ceasefire incident. */
    static Optional<MissileAttacks.Kind> kind(String eventType, String subEventType, String notes) {
        String sub = subEventType.toLowerCase(Locale.ROOT);
        String n = notes.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (sub) {
            case "shelling/artillery/missile attack" -> n.contains("missile")
                    ? new MissileAttacks.Kind(IncidentType.MISSILE, Optional.empty())
                    : new MissileAttacks.Kind(IncidentType.SHELLING, Optional.of("artillery"));
            case "air/drone strike" -> new MissileAttacks.Kind(IncidentType.AIR_OR_DRONE_STRIKE, Optional.of(n.contains(
                    "drone") || n.contains("uav") ? "drone" : "aircraft"));
            case "remote explosive/landmine/ied" -> new MissileAttacks.Kind(IncidentType.MINE, Optional.of(
                    "remote-explosive"));
            case "grenade" -> new MissileAttacks.Kind(IncidentType.SMALL_ARMS, Optional.of("grenade"));
            case "armed clash" -> new MissileAttacks.Kind(IncidentType.GROUND_ASSAULT, Optional.of("armed-clash"));
            case "attack", "government regains territory", "non-state actor overtakes territory" ->
                new MissileAttacks.Kind(IncidentType.GROUND_ASSAULT, Optional.of("attack"));
            case "chemical weapon" -> new MissileAttacks.Kind(IncidentType.PROHIBITED_WEAPON, Optional.of("chemical"));
            default -> null;
        });
    }
}
