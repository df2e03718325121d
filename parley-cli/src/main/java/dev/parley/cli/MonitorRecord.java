package dev.parley.cli;

import dev.parley.engine.monitor.Assessment;
import dev.parley.engine.monitor.Casualties;
import dev.parley.engine.monitor.Claim;
import dev.parley.engine.monitor.Estimate;
import dev.parley.engine.monitor.Facts;
import dev.parley.engine.monitor.IncidentType;
import dev.parley.engine.monitor.MonitorEntry;
import dev.parley.engine.monitor.Observation;
import dev.parley.engine.monitor.Place;
import dev.parley.engine.monitor.PlacePrecision;
import dev.parley.engine.monitor.TargetCategory;
import dev.parley.engine.monitor.TimePrecision;
import dev.parley.scenario.monitor.MonitorJson;
import dev.parley.server.MonitoringLog;
import dev.parley.store.Store;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parley monitor claim}, {@code observe} and {@code assess}: one entry recorded by hand. */
final class MonitorRecord {
    private MonitorRecord() {
    }

    /** Records one entry and says what became of it. */
    static int record(CommandSpec spec, MonitorStore where, MonitorEntry entry, String what) {
        try (Store store = where.open(true)) {
            MonitoringLog log = where.ledger(store);
            MonitoringLog.Recorded r = MonitorArgs.option(what, () -> log.record(java.util.List.of(entry)));
            spec.commandLine().getOut().println(r.added().isEmpty()
                    ? what + " was already recorded"
                    : "Recorded " + what);
        }
        return ExitCodes.OK;
    }

    @Command(name = "claim", mixinStandardHelpOptions = true, sortOptions = false, description = {
            "Record what one claimant says about an incident: a new incident, or another claim about one already "
                    + "recorded (claims are never overwritten: a claimant who says something else makes another "
                    + "claim).",
            "Types: shelling, air-drone-strike, missile, ground-assault, small-arms, mine, force-movement, "
                    + "prohibited-weapon, obstruction-of-monitors, strike-on-protected-infrastructure. Target "
                    + "categories: energy, naval, civilian, infrastructure, medical, military, monitors. Counts are "
                    + "N, LOW-HIGH or LOW-BEST-HIGH."})
    static final class ClaimCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        MonitorStore where;

        @Parameters(paramLabel = "INCIDENT", description = "The incident's id (a new one opens an incident).")
        String incident;

        @Option(names = "--claimant", required = true, paramLabel = "WHO", description = "Who claims it (UA, RU, ...).")
        String claimant;

        @Option(names = "--channel", defaultValue = "statement", paramLabel = "HOW", description = "How it was said "
                + "(default: ${DEFAULT-VALUE}).")
        String channel;

        @Option(names = "--source", paramLabel = "LINK", description = "A link or reference to the statement.")
        String source;

        @Option(names = "--stated", paramLabel = "WHEN", description = "When it was said (default: now).")
        String stated;

        @Option(names = "--occurred", required = true, paramLabel = "FROM[/TO]", description = "When it happened: a "
                + "day, an instant, or FROM/TO.")
        String occurred;

        @Option(names = "--place", paramLabel = "NAME", description = "Where.")
        String place;

        @Option(names = "--area", paramLabel = "ADMIN1", description = "The region (oblast) of the place.")
        String area;

        @Option(names = "--place-precision", defaultValue = "exact", paramLabel = "P", description = "exact, near, "
                + "admin2, admin1, area or country (default: ${DEFAULT-VALUE}).")
        String placePrecision;

        @Option(names = "--type", paramLabel = "TYPE", description = "The incident's type.")
        String type;

        @Option(names = "--sub-type", paramLabel = "SUB", description = "Its sub-type (e.g. drone, cruise, energy).")
        String subType;

        @Option(names = "--weapon", paramLabel = "SYSTEM", description = "The weapon system (Shahed-136, Kh-101...).")
        String weapon;

        @Option(names = "--launched", paramLabel = "N")
        String launched;

        @Option(names = "--destroyed", paramLabel = "N")
        String destroyed;

        @Option(names = "--not-reached", paramLabel = "N", description = "Launched but lost, jammed or otherwise "
                + "not reaching the target.")
        String notReached;

        @Option(names = "--impacted", paramLabel = "N")
        String impacted;

        @Option(names = "--perpetrator", paramLabel = "PARTY", description = "Who the claim says did it (the claimant "
                + "itself for a concession).")
        String perpetrator;

        @Option(names = "--target", paramLabel = "WHAT", description = "What was hit or aimed at.")
        String target;

        @Option(names = "--target-category", paramLabel = "C", description = "The target's category.")
        String targetCategory;

        @Option(names = "--killed", paramLabel = "N", description = "People killed.")
        String killed;

        @Option(names = "--injured", paramLabel = "N", description = "People injured.")
        String injured;

        @Option(names = "--civilian", description = "The harmed were civilians (else not told apart).")
        boolean civilian;

        @Option(names = "--says", paramLabel = "TEXT", description = "What the claim says, in its words.")
        String says;

        @Override
        public Integer call() {
            Claim c = MonitorArgs.option("claim", this::claim);
            return record(spec, where, c, "claim " + c.id() + " about incident " + incident);
        }

        private Claim claim() {
            String[] span = occurred.split("/", 2);
            Instant from = MonitorArgs.instant("--occurred", span[0]);
            Instant to = MonitorArgs.end("--occurred", span.length > 1 ? span[1] : span[0]);
            Facts f = Facts.at(from, to, span[0].length() <= 10 ? TimePrecision.DAY : TimePrecision.MINUTE);
            if (place != null) {
                f = f.withPlace(Place.named(place, MonitorArgs.option("--place-precision", () -> PlacePrecision.of(
                        "--place-precision", placePrecision))).withAdmin(Optional.ofNullable(area), Optional.empty()));
            }
            if (type != null) {
                IncidentType t = MonitorArgs.option("--type", () -> IncidentType.of("--type", type));
                Facts typed = f;
                f = MonitorArgs.option("--sub-type", () -> typed.withType(t, Optional.ofNullable(subType)));
            } else if (subType != null) {
                throw new UsageException("--sub-type needs --type");
            }
            if (weapon != null) {
                f = f.withWeapon(weapon);
            }
            Facts counted = f;
            f = MonitorArgs.option("--destroyed", () -> counted.withQuantities(estimate("--launched", launched),
                    estimate("--destroyed", destroyed), estimate("--not-reached", notReached), estimate("--impacted",
                            impacted)));
            if (perpetrator != null) {
                f = f.withPerpetrator(perpetrator);
            }
            f = f.withTarget(Optional.ofNullable(target), Optional.ofNullable(targetCategory).map(c -> MonitorArgs
                    .option("--target-category", () -> TargetCategory.of("--target-category", c))));
            Casualties.Group group = civilian ? Casualties.Group.CIVILIAN : Casualties.Group.UNKNOWN;
            Casualties harm = Casualties.NONE;
            if (killed != null) {
                harm = harm.with(group, Casualties.Harm.KILLED, estimate("--killed", killed).orElseThrow());
            }
            if (injured != null) {
                harm = harm.with(group, Casualties.Harm.INJURED, estimate("--injured", injured).orElseThrow());
            }
            f = f.withCasualties(harm);
            if (says != null) {
                f = f.withText(says);
            }
            Instant at = stated == null
                    ? Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    : MonitorArgs.instant("--stated", stated);
            Facts facts = f;
            return MonitorJson.claim(incident, claimant, channel, Optional.ofNullable(source), at, facts);
        }

        private static Optional<Estimate> estimate(String option, String text) {
            return Optional.ofNullable(text).map(t -> MonitorArgs.option(option, () -> Estimate.parse(option, t)));
        }
    }

    @Command(name = "observe", mixinStandardHelpOptions = true, sortOptions = false, description = {
            "Record what a monitor saw or heard of an incident: from where, in which direction, without saying who "
                    + "did it (as the OSCE SMM's reports do). An observation is what 'verified' rests on."})
    static final class Observe implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        MonitorStore where;

        @Parameters(paramLabel = "INCIDENT")
        String incident;

        @Option(names = "--monitor", required = true, paramLabel = "WHO", description = "The monitor or team.")
        String monitor;

        @Option(names = "--seen", required = true, paramLabel = "TEXT", description = "What was seen or heard.")
        String seen;

        @Option(names = "--position", paramLabel = "WHERE", description = "Where the monitor was.")
        String position;

        @Option(names = "--direction", paramLabel = "DIR", description = "The direction observed (e.g. 'SE, 3-5 km').")
        String direction;

        @Option(names = "--at", paramLabel = "WHEN", description = "When (default: now).")
        String at;

        @Override
        public Integer call() {
            Instant when = at == null
                    ? Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    : MonitorArgs.instant("--at", at);
            Observation o = MonitorArgs.option("observation", () -> MonitorJson.observation(incident, monitor, when,
                    Optional.ofNullable(position), Optional.ofNullable(direction), seen));
            return record(spec, where, o, "observation " + o.id() + " of incident " + incident);
        }
    }

    @Command(name = "assess", mixinStandardHelpOptions = true, sortOptions = false, description = {
            "Record a monitor's assessment of an incident: whether it happened (--aspect occurrence) or who did it "
                    + "(--aspect attribution --party P), judged apart. Statuses: reported, corroborated (needs two "
                    + "claimants or an observation), verified (needs a monitor's observation; an attribution needs "
                    + "the occurrence verified first), disputed, refuted, unverifiable. Every assessment is kept: "
                    + "'show' gives the history.",
            "Gradings of an attribution (Airwars): confirmed, fair, weak, contested, discounted."})
    static final class Assess implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        MonitorStore where;

        @Parameters(paramLabel = "INCIDENT")
        String incident;

        @Option(names = "--aspect", defaultValue = "occurrence", paramLabel = "ASPECT", description = "occurrence or "
                + "attribution (default: ${DEFAULT-VALUE}).")
        String aspect;

        @Option(names = "--status", required = true, paramLabel = "STATUS")
        String status;

        @Option(names = "--party", paramLabel = "PARTY", description = "For an attribution: who did it.")
        String party;

        @Option(names = "--grading", paramLabel = "G", description = "For an attribution: how strong the case is.")
        String grading;

        @Option(names = "--assessor", required = true, paramLabel = "WHO")
        String assessor;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (required).")
        String reason;

        @Option(names = "--draft", description = "A draft: seen by monitors only, changes no status.")
        boolean draft;

        @Option(names = "--at", paramLabel = "WHEN", description = "When (default: now).")
        String at;

        @Override
        public Integer call() {
            Instant when = at == null
                    ? Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    : MonitorArgs.instant("--at", at);
            Assessment a = MonitorArgs.option("assessment", () -> MonitorJson.assessment(incident, Assessment.Aspect.of(
                    "--aspect", aspect), Assessment.Status.of("--status", status),
                    Optional.ofNullable(grading).map(
                            g -> Assessment.Grading.of("--grading", g)),
                    Optional.ofNullable(party), assessor, when,
                    reason, draft));
            return record(spec, where, a, (draft ? "draft " : "") + "assessment of incident " + incident + ": "
                    + a.aspect().id() + " " + a.status().id());
        }
    }
}
