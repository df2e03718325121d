package dev.parley.scenario.monitor;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.monitor.Casualties;
import dev.parley.engine.monitor.Claim;
import dev.parley.engine.monitor.Estimate;
import dev.parley.engine.monitor.Facts;
import dev.parley.engine.monitor.Place;
import dev.parley.engine.monitor.PlacePrecision;
import dev.parley.engine.monitor.TimePrecision;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A UCDP GED event ({@code id, date_start, date_end, date_prec, side_a, side_b, where_prec, where_description, adm_1,
 * adm_2, latitude, longitude, source_original, number_of_sources, deaths_a, deaths_b, deaths_civilians,
 * deaths_unknown, best, low, high, source_date}): a claim by {@code UCDP} that side A attacked side B, with the deaths
 * by group and the total's low, best and high; the original sources are its channel. UCDP codes no weapon, so the
 * claim has no type. Stateless.
 */
final class UcdpGed {
    /** The columns a claim is read from: its id is a digest of these ({@code ucdp1}: the first way of reading them). */
    static final java.util.List<String> READ = java.util.List.of("id", "date_start", "date_end", "date_prec",
            "side_a", "side_b", "where_prec", "where_description", "adm_1", "adm_2", "latitude", "longitude",
            "source_original", "source_article", "source_date", "number_of_sources", "deaths_a", "deaths_b",
            "deaths_civilians", "deaths_unknown", "best", "low", "high");

    private UcdpGed() {
    }

    static Optional<Claim> claim(Cells row) {
        Instant from = row.time("date_start", ZoneOffset.UTC, false);
        Instant to = row.time("date_end", ZoneOffset.UTC, true);
        if (to.isBefore(from)) {
            throw new InvalidInput("date_end", "date_end is before date_start");
        }
        TimePrecision precision = row.code("date_prec").map(c -> TimePrecision.ucdp("date_prec", c)).orElse(
                TimePrecision.DAY);
        long best = row.count("best").orElseThrow(() -> new InvalidInput("best", "empty; best is required"));
        long low = row.count("low").orElse(best);
        long high = row.count("high").orElse(best);
        if (low > best || best > high) {
            throw new InvalidInput("best", "low " + low + ", best " + best + " and high " + high + " are not in order");
        }
        long military = row.count("deaths_a").orElse(0L) + row.count("deaths_b").orElse(0L);
        long civilians = row.count("deaths_civilians").orElse(0L);
        boolean byGroup = row.optional("deaths_a").isPresent() || row.optional("deaths_b").isPresent() || row
                .optional("deaths_civilians").isPresent() || row.optional("deaths_unknown").isPresent();
        // without the deaths by group, all of best is deaths not told apart
        long unknown = byGroup ? row.count("deaths_unknown").orElse(0L) : best;
        long known = military + civilians;
        if (known + unknown != best) {
            throw new InvalidInput("best", "best " + best + " is not deaths_a + deaths_b + deaths_civilians + "
                    + "deaths_unknown (" + (known + unknown) + ")");
        }
        // the groups add up to best; the total's range is spread over them so that they add up to low and high too:
        // the shortfall to low taken from the deaths not told apart first, then the military's, then the civilians';
        // the excess to high put on the deaths not told apart
        long shortfall = best - low;
        long[] group = {unknown, military, civilians};
        long[] groupLow = group.clone();
        for (int g = 0; g < group.length && shortfall > 0; g++) {
            long take = Math.min(shortfall, group[g]);
            groupLow[g] -= take;
            shortfall -= take;
        }
        long unknownHigh = unknown + (high - best);
        Casualties c = Casualties.NONE;
        if (military > 0) {
            c = c.with(Casualties.Group.MILITARY, Casualties.Harm.KILLED, new Estimate(groupLow[1], military,
                    military));
        }
        if (civilians > 0) {
            c = c.with(Casualties.Group.CIVILIAN, Casualties.Harm.KILLED, new Estimate(groupLow[2], civilians,
                    civilians));
        }
        if (unknownHigh > 0) {
            c = c.with(Casualties.Group.UNKNOWN, Casualties.Harm.KILLED, new Estimate(groupLow[0], unknown,
                    unknownHigh));
        }
        Facts f = Facts.at(from, to, precision).withPerpetrator(MonitorImport.party(row.required("side_a")))
                .withTarget(Optional.of(row.required("side_b")), Optional.empty()).withCasualties(c);
        Optional<String> name = row.optional("where_description").or(() -> row.optional("adm_2")).or(() -> row
                .optional("adm_1"));
        if (name.isPresent()) {
            PlacePrecision p = row.code("where_prec").map(k -> PlacePrecision.ucdp("where_prec", k)).orElse(
                    PlacePrecision.EXACT);
            Place place = Place.named(name.get(), p).withAdmin(row.optional("adm_1").map(UcdpGed::admin), row
                    .optional("adm_2").map(UcdpGed::admin));
            Optional<Double> lat = row.degrees("latitude");
            Optional<Double> lon = row.degrees("longitude");
            if (lat.isPresent() && lon.isPresent()) {
                try {
                    place = place.withPosition(lat.get(), lon.get());
                } catch (InvalidInput e) {
                    throw new InvalidInput("latitude", e.getMessage());
                }
            }
            f = f.withPlace(place);
        }
        Instant stated = row.optional("source_date").isPresent() ? row.time("source_date", ZoneOffset.UTC, false) : to;
        String id = row.required("id");
        return Optional.of(new Claim("ucdp1:" + MonitorImport.digest(row.content(READ)), "ucdp-" + id.replaceAll(
                "[^A-Za-z0-9._:-]", "-"), "UCDP", row.optional("source_original").map(s -> "UCDP GED; sources: " + s)
                        .orElse("UCDP GED"),
                row.optional("source_article"), stated, row.code("number_of_sources"),
                f));
    }

    /** UCDP writes "Donetsk oblast" in adm_1: kept as written. */
    private static String admin(String name) {
        return name;
    }
}
