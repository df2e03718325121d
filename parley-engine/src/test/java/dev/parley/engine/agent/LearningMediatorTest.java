package dev.parley.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.SeatRole;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The learning mediator in whole single-text talks with {@code could-sign} voters, on seeded random scenarios (3–5
 * parties, 3–6 issues): it takes its randomness from the session's seed, it never drafts a text twice except to close
 * on one every voter signed, its random drafts come first, and the talks end on a text every voter signed.
 */
class LearningMediatorTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 30);
    }

    @Test
    void theSameSeed_givesTheSameTalks_andOtherSeedsOtherTalks() {
        Scenario s = scenario(3);
        List<Event> first = run(s, 1).events();
        assertThat(run(s, 1).events()).isEqualTo(first);
        Set<List<Event>> stories = new HashSet<>();
        for (long seed = 1; seed <= 4; seed++) {
            stories.add(run(s, seed).events());
        }
        assertThat(stories).as("distinct transcripts of four seeds").hasSizeGreaterThan(1);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aTextIsDraftedTwice_onlyToCloseOnOneEveryVoterSigned(long seed) {
        Scenario s = scenario(seed);
        Session r = run(s, seed);
        Map<Integer, Outcome> drafted = new HashMap<>();
        Map<Outcome, Set<String>> signedBy = new HashMap<>();
        Set<Outcome> seen = new HashSet<>();
        List<String> voters = s.ratifyingParties().stream().map(p -> p.id()).filter(p -> !p.equals(mediator(s)))
                .toList();
        for (Event e : r.events()) {
            if (e instanceof Event.Proposed p) {
                if (!seen.add(p.text())) {
                    assertThat(signedBy.getOrDefault(p.text(), Set.of())).as("voters who signed %s, drafted again",
                            p.text()).containsAll(voters);
                }
                drafted.put(p.round(), p.text());
            } else if (e instanceof Event.Criticised c && c.accept()) {
                signedBy.computeIfAbsent(drafted.get(c.round()), t -> new HashSet<>()).add(c.party());
            }
        }
        assertThat(seen).as("texts drafted").isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anAgreement_isATextEveryVoterSignedInTheTalks(long seed) {
        Scenario s = scenario(seed);
        Session r = run(s, seed);
        if (r.agreement().isEmpty()) {
            return;
        }
        Map<Integer, Outcome> drafted = new HashMap<>();
        Set<String> signed = new HashSet<>();
        for (Event e : r.events()) {
            if (e instanceof Event.Proposed p) {
                drafted.put(p.round(), p.text());
            } else if (e instanceof Event.Criticised c && c.accept() && drafted.get(c.round()).equals(r.agreement()
                    .get())) {
                signed.add(c.party());
            }
        }
        assertThat(signed).containsAll(s.ratifyingParties().stream().map(p -> p.id()).filter(p -> !p.equals(
                mediator(s))).toList());
    }

    /** The two properties above must not pass by every run failing to agree. */
    @Test
    void mostRuns_agree() {
        long agreed = seeds().filter(seed -> run(scenario(seed), seed).agreement().isPresent()).count();
        assertThat(agreed).as("runs of 30 that agreed").isGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void itsFirstDrafts_areScatteredNotSteps(long seed) {
        Scenario s = scenario(seed);
        if (s.issues().size() < 5) {
            return; // with few issues, random texts are often close to each other
        }
        var drafts = new ArrayList<Outcome>();
        for (Event e : run(s, seed).events()) {
            if (e instanceof Event.Proposed p && drafts.size() < LearningMediator.EXPLORE_MAX) {
                drafts.add(p.text());
            }
        }
        int far = 0; // redrafts that change more than two issues: not the steps and trades of a search
        for (int k = 1; k < drafts.size(); k++) {
            int changed = 0;
            for (int i = 0; i < s.issues().size(); i++) {
                changed += drafts.get(k).option(i) == drafts.get(k - 1).option(i) ? 0 : 1;
            }
            far += changed > 2 ? 1 : 0;
        }
        assertThat(far).as("far redrafts of the first %d drafts", drafts.size()).isGreaterThan(drafts.size() / 2);
    }

    private static String mediator(Scenario s) {
        return s.mediator().orElseThrow();
    }

    static Scenario scenario(long seed) {
        var rnd = new SplittableRandom(seed);
        return RandomScenarios.generate(rnd, new RandomScenarios.Settings(3 + rnd.nextInt(3), 3 + rnd.nextInt(4), 2, 5,
                4, 0.6, 0.05));
    }

    static Session run(Scenario s, long seed) {
        Protocol p = Settings.defaults(s).withKind(ProtocolKind.SINGLE_TEXT).create(s);
        var agents = new LinkedHashMap<String, Agent>();
        var rnd = new SplittableRandom(seed);
        for (String party : p.participants()) {
            SeatRole role = p.seatRole(party);
            agents.put(party, Agents.create("seats", role == SeatRole.TEXT_MEDIATOR ? "learning" : "could-sign", role,
                    rnd.split()));
        }
        return Session.run(s, p, agents);
    }
}
