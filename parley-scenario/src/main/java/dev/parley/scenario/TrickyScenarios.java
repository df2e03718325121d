package dev.parley.scenario;

import dev.parley.engine.model.Demand;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.ProtocolDefaults;
import dev.parley.engine.model.Role;
import dev.parley.engine.model.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Seeded random scenarios whose every text is one a writer could get wrong: ids and labels a YAML reader takes for
 * numbers, booleans, null or dates; YAML and JSON punctuation; spaces at the ends; line breaks, tabs and control
 * characters; text in other scripts and outside the Basic Multilingual Plane; and numbers at the edges of a double.
 * For the round-trip tests and the long fuzz run in the benchmarks. Stateless and thread-safe.
 */
public final class TrickyScenarios {
    /** Valid ids (letters, digits, '_', '.', '-') that read as something else when unquoted in YAML. */
    static final List<String> IDS = List.of("1", "007", "1.0", "1e3", "0x1F", "0o7", "1_000", "2025-03-11", "yes",
            "no", "on", "off", "y", "n", "true", "False", "null", "NULL", "Null", "inf", "nan", "NaN", "Infinity", "1.",
            "12.5e-3", "0b101", "1-2", "a.b", "A_B", "x-", "9999999999999999999999", "Y", "N", "On", "OFF");
    /** Texts for names and labels. */
    static final List<String> TEXTS = List.of("", " ", "  leading", "trailing  ", "yes", "No", "~", "null", "-", "- x",
            "-1", "+1", ".5", "1e3", "0x1F", "2025-03-11", "12:30", "a: b", "a:b", "#", "a #b", "# comment", "&anchor",
            "*alias", "!tag", "!!str", "%YAML", "@at", "`tick`", "|", ">", "'single'", "\"double\"", "back\\slash",
            "tab\there", "line\nbreak", "ends with newline\n", "\r\nwindows", "bell\u0007", "nul\u0000", "esc\u001b[0m",
            "\u00a0no-break", "zero\u200bwidth", "Укра\u0457на", "سلام", "日本語", "🙂 emoji", "e\u0301",
            "\ud83c\udff3\ufe0f",
            "{braces}", "[brackets]", "a, b", "?", "? key", "<<", "---", "...", "= equals", "back`tick", "\u2028sep",
            "x".repeat(300));
    static final double[] NUMBERS = {0, 1, 0.5, 0.1, 1e-300, Double.MIN_VALUE, 0.30000000000000004, 1 - 1e-16,
            0.123456789012345678, 2.5e-8};

    private TrickyScenarios() {
    }

    /** The scenario of this seed: always valid, the same for the same seed. */
    public static Scenario generate(long seed) {
        var rnd = new SplittableRandom(seed);
        int partyCount = rnd.nextInt(2, 5);
        var ids = new LinkedHashSet<String>();
        while (ids.size() < partyCount) {
            ids.add(id(rnd));
        }
        var parties = new ArrayList<Party>();
        int k = 0;
        for (String id : ids) {
            Role role = k < 2 ? Role.PRINCIPAL : rnd.nextBoolean() ? Role.MEDIATOR : Role.STAKEHOLDER;
            parties.add(new Party(id, text(rnd), role, role != Role.STAKEHOLDER || rnd.nextBoolean(),
                    rnd.nextBoolean() ? List.of() : List.of(text(rnd), text(rnd))));
            k++;
        }
        var issues = new ArrayList<Issue>();
        var issueIds = new LinkedHashSet<String>();
        int issueCount = rnd.nextInt(1, 4);
        while (issueIds.size() < issueCount) {
            issueIds.add(id(rnd));
        }
        for (String id : issueIds) {
            var optionIds = new LinkedHashSet<String>();
            int n = rnd.nextInt(2, 5);
            while (optionIds.size() < n) {
                optionIds.add(id(rnd));
            }
            issues.add(new Issue(id, text(rnd), optionIds.stream().map(o -> new Option(o, text(rnd))).toList()));
        }
        var profiles = new LinkedHashMap<String, Profile>();
        for (Party p : parties) {
            if (p.ratifies() || p.role() != Role.STAKEHOLDER || rnd.nextBoolean()) {
                profiles.put(p.id(), profile(rnd, issues));
            }
        }
        Optional<String> mediator = parties.stream().filter(p -> p.role() == Role.MEDIATOR).map(Party::id)
                .findFirst();
        Optional<ProtocolDefaults> protocol = rnd.nextBoolean()
                ? Optional.empty()
                : Optional.of(new ProtocolDefaults(mediator.isPresent() ? "single-text" : "saop", mediator,
                        rnd.nextBoolean() ? OptionalInt.of(rnd.nextInt(1, 10_001)) : OptionalInt.empty(),
                        rnd.nextBoolean() ? OptionalDouble.of(number(rnd, true)) : OptionalDouble.empty(),
                        rnd.nextBoolean()
                                ? Optional.of(java.time.Duration.ofMinutes(rnd.nextLong(1, 100_000)))
                                : Optional
                                        .empty(),
                        rnd.nextBoolean()
                                ? Optional.of(java.time.LocalDate.ofEpochDay(rnd.nextLong(-30_000, 60_000)))
                                : Optional.empty()));
        // Allies and stated demands, public: any party may name others as allies and state demands.
        var allied = new ArrayList<Party>();
        var demands = new LinkedHashMap<String, List<Demand>>();
        for (Party p : parties) {
            List<String> others = ids.stream().filter(x -> !x.equals(p.id()) && rnd.nextInt(3) == 0).toList();
            allied.add(new Party(p.id(), p.name(), p.role(), p.ratifies(), p.representatives(), others));
            var stated = new ArrayList<Demand>();
            var demandIds = new LinkedHashSet<String>();
            int n = rnd.nextInt(3);
            while (demandIds.size() < n) {
                demandIds.add(id(rnd));
            }
            for (String d : demandIds) {
                var satisfiedBy = new LinkedHashMap<String, List<String>>();
                for (Issue issue : issues) {
                    if (satisfiedBy.isEmpty() || rnd.nextInt(3) == 0) {
                        var options = issue.options().stream().map(Option::id).filter(o -> rnd.nextBoolean())
                                .toList();
                        satisfiedBy.put(issue.id(), options.isEmpty() ? List.of(issue.option(0).id()) : options);
                    }
                }
                stated.add(new Demand(d, text(rnd), satisfiedBy));
            }
            if (!stated.isEmpty()) {
                demands.put(p.id(), stated);
            }
        }
        var capabilities = new LinkedHashMap<String, Double>();
        for (Party p : parties) {
            if (rnd.nextInt(3) == 0) {
                capabilities.put(p.id(), rnd.nextInt(4) == 0 ? rnd.nextInt(0, 1000) : number(rnd, true));
            }
        }
        return Scenario.of(id(rnd), text(rnd), text(rnd), allied, issues, profiles, protocol, demands)
                .withCapabilities(capabilities);
    }

    private static Profile profile(SplittableRandom rnd, List<Issue> issues) {
        double[] weights = new double[issues.size()];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = rnd.nextDouble();
            sum += weights[i];
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= sum;
        }
        double[][] values = new double[issues.size()][];
        boolean[][] red = new boolean[issues.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = new double[issues.get(i).size()];
            red[i] = new boolean[issues.get(i).size()];
            for (int o = 0; o < values[i].length; o++) {
                values[i][o] = number(rnd, false);
                red[i][o] = rnd.nextInt(5) == 0;
            }
        }
        Profile p = Profile.of(issues, weights, values, number(rnd, false), red);
        if (issues.size() >= 2 && rnd.nextInt(3) == 0) {
            int a = rnd.nextInt(issues.size());
            int b = (a + 1 + rnd.nextInt(issues.size() - 1)) % issues.size();
            p = p.withConditions(List.of(new dev.parley.engine.model.Condition(a, some(rnd, issues.get(a).size()), b,
                    some(rnd, issues.get(b).size()))));
        }
        if (issues.size() >= 2 && rnd.nextInt(3) == 0) {
            int a = rnd.nextInt(issues.size() - 1);
            int b = a + 1 + rnd.nextInt(issues.size() - a - 1);
            var term = new dev.parley.engine.model.Interaction(new int[]{a, b}, new boolean[][]{some(rnd, issues.get(a)
                    .size()), some(rnd, issues.get(b).size())}, (rnd.nextBoolean() ? -1 : 1) * number(rnd, false) / 8);
            try {
                p = p.withInteractions(List.of(term));
            } catch (IllegalArgumentException outsideTheUnitInterval) {
                // this profile goes without
            }
        }
        return p;
    }

    /** A non-empty random set of {@code n} options. */
    private static boolean[] some(SplittableRandom rnd, int n) {
        boolean[] out = new boolean[n];
        out[rnd.nextInt(n)] = true;
        for (int k = 0; k < n; k++) {
            out[k] |= rnd.nextInt(3) == 0;
        }
        return out;
    }

    private static String id(SplittableRandom rnd) {
        return rnd.nextInt(4) == 0 ? "p" + rnd.nextInt(1000) : IDS.get(rnd.nextInt(IDS.size()));
    }

    private static String text(SplittableRandom rnd) {
        return rnd.nextInt(5) == 0 ? "plain text " + rnd.nextInt(100) : TEXTS.get(rnd.nextInt(TEXTS.size()));
    }

    /** A number in [0, 1] (or (0, 1] when {@code positive}): an edge case or a random double. */
    private static double number(SplittableRandom rnd, boolean positive) {
        double x = rnd.nextBoolean() ? NUMBERS[rnd.nextInt(NUMBERS.length)] : rnd.nextDouble();
        return positive && x == 0 ? 1 : x;
    }
}
