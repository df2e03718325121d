package dev.parley.scenario.monitor;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.monitor.Claim;
import dev.parley.engine.monitor.Estimate;
import dev.parley.engine.monitor.Facts;
import dev.parley.engine.monitor.IncidentType;
import dev.parley.engine.monitor.Place;
import dev.parley.engine.monitor.PlacePrecision;
import dev.parley.engine.monitor.TimePrecision;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * A row of the Ukrainian Air Force's daily reports as the "massive missile attacks on Ukraine" data set publishes
 * them ({@code time_start, time_end, model, launch_place, target, target_main, launched, destroyed, not_reach_goal,
 * ..., source}): a claim by {@code UA} through the Air Force's report that {@code RU} launched so many of a model,
 * so many were destroyed and so many did not reach their target; impacted is what is left. Times are Kyiv time.
 * Stateless.
 */
final class MissileAttacks {
    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    /** The columns a claim is read from: its id is a digest of these ({@code uaf1}: the first way of reading them). */
    static final java.util.List<String> READ = java.util.List.of("time_start", "time_end", "model", "launch_place",
            "target", "target_main", "launched", "destroyed", "not_reach_goal", "source");
    private static final java.util.regex.Pattern DRONE = java.util.regex.Pattern
            .compile("shahed|geran|uav|drone|gerbera|lancet");
    private static final java.util.regex.Pattern GLIDE = java.util.regex.Pattern.compile("\\bkab\\b|glide");
    private static final java.util.regex.Pattern BALLISTIC = java.util.regex.Pattern
            .compile("iskander-m|kn-23|kinzhal|ballistic|s-300|s-400|tochka");
    private static final java.util.regex.Pattern CRUISE = java.util.regex.Pattern
            .compile("kalibr|[xх]-101|kh-101|[xх]-555|kh-555|iskander-k|cruise");
    private static final java.util.regex.Pattern AIR_LAUNCHED = java.util.regex.Pattern
            .compile("([xх]-|kh-)(22|31|32|59|69)");

    private MissileAttacks() {
    }

    static Optional<Claim> claim(Cells row) {
        Instant from = row.time("time_start", KYIV, false);
        Instant to = row.time("time_end", KYIV, true);
        if (to.isBefore(from)) {
            throw new InvalidInput("time_end", "time_end " + row.required("time_end") + " is before time_start "
                    + row.required("time_start"));
        }
        String model = row.required("model");
        Facts f = Facts.at(from, to, row.hasTime("time_start") ? TimePrecision.HOUR : TimePrecision.DAY).withWeapon(
                model).withPerpetrator("RU");
        Facts typed = type(model).map(t -> f.withType(t.type(), t.subType())).orElse(f);
        Estimate launched = row.estimate("launched").orElseThrow(() -> new InvalidInput("launched", "empty; "
                + "launched is required"));
        Optional<Estimate> destroyed = row.estimate("destroyed");
        Optional<Estimate> notReached = row.estimate("not_reach_goal");
        long left = launched.best() - destroyed.map(Estimate::best).orElse(0L) - notReached.map(Estimate::best)
                .orElse(0L);
        if (left < 0) {
            throw new InvalidInput("destroyed", "destroyed and not_reach_goal (" + (launched.best() - left)
                    + ") exceed launched (" + launched.best() + ")");
        }
        Optional<Estimate> impacted = destroyed.isPresent() ? Optional.of(Estimate.exactly(left)) : Optional.empty();
        Facts facts = typed.withQuantities(Optional.of(launched), destroyed, notReached, impacted);
        Optional<String> target = row.optional("target");
        if (target.isPresent()) {
            facts = facts.withPlace(Place.named(target.get(), target.get().equalsIgnoreCase("Ukraine")
                    ? PlacePrecision.COUNTRY
                    : PlacePrecision.AREA));
        }
        facts = facts.withTarget(row.optional("target_main").or(() -> target), MonitorImport.category(row.optional(
                "target").orElse(""), row.optional("target_main").orElse("")));
        facts = facts.withText(launched.best() + " " + model + " launched" + row.optional("launch_place").map(
                p -> " from " + p).orElse("") + destroyed.map(d -> ", " + d.best() + " destroyed").orElse("")
                + notReached.map(n -> ", " + n.best() + " did not reach their target").orElse(""));
        String incident = "uaf-" + java.time.LocalDate.ofInstant(from, KYIV) + "-"
                + MonitorImport.digest(row.required("time_start") + "|"
                        + row.required("time_end") + "|" + model + "|" + target.orElse(""));
        return Optional.of(new Claim("uaf1:" + MonitorImport.digest(row.content(READ)), incident, "UA",
                "Air Force of Ukraine", row.optional("source"), to, Optional.empty(), facts));
    }

    record Kind(IncidentType type, Optional<String> subType) {
    }

    /** The type a model's name tells: drones, glide bombs, ballistic, cruise or air-launched missiles. */
    static Optional<Kind> type(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        if (DRONE.matcher(m).find()) {
            return Optional.of(new Kind(IncidentType.AIR_OR_DRONE_STRIKE, Optional.of("drone")));
        }
        if (GLIDE.matcher(m).find()) {
            return Optional.of(new Kind(IncidentType.AIR_OR_DRONE_STRIKE, Optional.of("glide-bomb")));
        }
        if (BALLISTIC.matcher(m).find()) {
            return Optional.of(new Kind(IncidentType.MISSILE, Optional.of("ballistic")));
        }
        if (CRUISE.matcher(m).find()) {
            return Optional.of(new Kind(IncidentType.MISSILE, Optional.of("cruise")));
        }
        if (AIR_LAUNCHED.matcher(m).find()) {
            return Optional.of(new Kind(IncidentType.MISSILE, Optional.of("air-launched")));
        }
        if (m.contains("missile")) {
            return Optional.of(new Kind(IncidentType.MISSILE, Optional.empty()));
        }
        return Optional.empty();
    }
}
