package dev.parley.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.agent.Agent;
import dev.parley.engine.agent.AgentView;
import dev.parley.engine.agent.Agents;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.model.Profile;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.Phase;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolException;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.SeatRole;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.protocol.Shuttle;
import dev.parley.engine.protocol.SingleText;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties every protocol keeps, on seeded random scenarios with random agents from the catalogue: it ends by its
 * deadline; an agreement was offered and accepted by every ratifying party; nothing happens after the end; illegal
 * and out-of-turn moves are refused; the same seed gives the same transcript; a replay rebuilds the same state.
 */
class ProtocolPropertiesTest {
    static final List<String> BIDDERS = List.of("boulware", "linear", "conceder", "tit-for-tat", "hardliner",
            "random", "conceder:e=5", "nash-seeker");
    static final List<String> RESPONDENTS = List.of("boulware", "linear", "conceder", "hardliner", "conceder:e=5",
            "nash-seeker");
    static final List<String> VOTERS = List.of("truthful", "strategic", "strategic:threshold=0.1", "annealing");
    static final List<String> MEDIATORS = List.of("hill-climb", "anneal", "learning");

    static Stream<Arguments> runs() {
        return Stream.iterate(1L, s -> s + 1).limit(40).flatMap(seed -> Stream.of(ProtocolKind.values())
                .map(p -> Arguments.of(p, seed)));
    }

    static Scenario scenario(long seed) {
        var rnd = new SplittableRandom(seed);
        // 3+ parties so that the third, a mediator, can run single-text.
        return RandomScenarios.generate(rnd, new RandomScenarios.Settings(3 + rnd.nextInt(3), 1 + rnd.nextInt(5), 2,
                5, seed % 2 == 0 ? 4 : 0, 0.6, 0.05));
    }

    static Protocol protocol(Scenario s, ProtocolKind kind, long seed) {
        int rounds = 5 + (int) (seed % 30);
        return Settings.defaults(s).withKind(kind).withRounds(rounds).withStallLimit(3 + (int) (seed % 20))
                .withDiscount(seed % 3 == 0 ? 0.9 : 1.0).create(s);
    }

    /** A random agent from the catalogue for every seat, among those that fit it. */
    static Map<String, Agent> agents(Protocol p, long seed) {
        var rnd = new SplittableRandom(seed * 7919);
        var agents = new LinkedHashMap<String, Agent>();
        for (String party : p.participants()) {
            SeatRole role = p.seatRole(party);
            List<String> pool = switch (role) {
                case TEXT_MEDIATOR -> MEDIATORS;
                case VOTER -> VOTERS;
                case NEGOTIATOR -> BIDDERS;
                case RESPONDENT -> RESPONDENTS;
                case SHUTTLE_MEDIATOR, BARGAINER, RATIFIER -> Agents.fitting(role);
            };
            agents.put(party, Agents.create("seats", pool.get(rnd.nextInt(pool.size())), role, rnd.split()));
        }
        return agents;
    }

    static Session run(Scenario s, Protocol p, long seed) {
        return Session.run(s, p, agents(p, seed));
    }

    /** The run of {@code kind} on the scenario of {@code seed}, with that seed's agents. */
    static Session run(ProtocolKind kind, long seed) {
        Scenario s = scenario(seed);
        return run(s, protocol(s, kind, seed), seed);
    }

    @ParameterizedTest
    @MethodSource("runs")
    void session_endsByItsDeadline_withTheEndAsLastEvent(ProtocolKind name, long seed) {
        var r = run(name, seed);
        assertThat(r.ended()).isTrue();
        assertThat(r.state().phase()).isEqualTo(Phase.ENDED);
        assertThat(r.state().round()).isLessThanOrEqualTo(r.state().deadline());
        assertThat(r.events().get(r.events().size() - 1)).isInstanceOf(Event.Ended.class);
        assertThat(r.events().stream().filter(e -> e instanceof Event.Ended)).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("runs")
    void agreement_wasOfferedAndAcceptedByEveryRatifyingParty(ProtocolKind name, long seed) {
        Scenario s = scenario(seed);
        var p = protocol(s, name, seed);
        var r = run(s, p, seed);
        Optional<Outcome> deal = r.agreement();
        if (deal.isEmpty()) {
            return;
        }
        var consented = new java.util.HashSet<String>();
        if (p instanceof Shuttle sh && r.events().stream().anyMatch(e -> e instanceof Event.Presented pr
                && pr.outcome().equals(deal.get()))) {
            consented.add(sh.mediator()); // the shuttle mediator consents by presenting the package
        }
        for (Event e : r.events()) {
            switch (e) {
                case Event.Offered o when o.outcome().equals(deal.get()) -> consented.add(o.party());
                case Event.Accepted a when a.outcome().equals(deal.get()) -> consented.add(a.party());
                case Event.Proposed pr when pr.text().equals(deal.get()) -> consented.add(pr.party());
                default -> {
                }
            }
        }
        Event.Ended end = (Event.Ended) r.events().get(r.events().size() - 1);
        end.ratification().forEach((party, yes) -> {
            assertThat(yes).as("%s ratified", party).isTrue();
            consented.add(party);
        });
        if (name == ProtocolKind.SINGLE_TEXT) {
            assertThat(end.ratification().keySet()).containsExactlyInAnyOrderElementsOf(
                    s.ratifyingParties().stream().map(dev.parley.engine.model.Party::id).toList());
        }
        assertThat(consented).containsAll(s.ratifyingParties().stream().map(dev.parley.engine.model.Party::id)
                .toList());
    }

    @ParameterizedTest
    @MethodSource("runs")
    void nothingHappens_afterTheEnd(ProtocolKind name, long seed) {
        Scenario s = scenario(seed);
        var p = protocol(s, name, seed);
        endedMoveRefused(s, p, seed);
    }

    private static void endedMoveRefused(Scenario s, Protocol p, long seed) {
        var r = run(s, p, seed);
        assertThat(r.toMove()).isEmpty();
        for (String party : p.participants()) {
            assertThatThrownBy(() -> r.move(party, new Action.Accept())).isInstanceOf(
                    ProtocolException.OutOfTurn.class).hasMessage("the talks are over");
        }
    }

    @ParameterizedTest
    @MethodSource("runs")
    void illegalAndOutOfTurnMoves_areRefusedAndChangeNothing(ProtocolKind name, long seed) {
        Scenario s = scenario(seed);
        checkRefusals(s, protocol(s, name, seed), seed);
    }

    private static void checkRefusals(Scenario s, Protocol p, long seed) {
        var r = run(s, p, seed);
        // Walk the run again, trying wrong moves at every state on the way.
        Protocol.State state = p.start().state();
        for (Move step : r.moves()) {
            Protocol.State before = state;
            List<String> toMove = p.toMove(before);
            for (String other : p.participants()) {
                if (!toMove.contains(other)) {
                    assertThatThrownBy(() -> p.next(before, other, step.action()))
                            .isInstanceOf(ProtocolException.OutOfTurn.class).hasMessageMatching(
                                    ".*(is not to move now|has voted already, or has no vote now).*");
                }
            }
            Action wrong = step.action() instanceof Action.Vote ? new Action.Accept() : new Action.Vote(true);
            assertThatThrownBy(() -> p.next(before, step.party(), wrong)).isInstanceOf(
                    ProtocolException.IllegalMove.class);
            assertThat(p.toMove(before)).isEqualTo(toMove);
            state = p.next(before, step.party(), step.action()).state();
        }
        assertThat(state).isEqualTo(r.state());
    }

    @ParameterizedTest
    @MethodSource("runs")
    void sameSeed_sameTranscript_andReplayRebuildsTheState(ProtocolKind name, long seed) {
        Scenario s = scenario(seed);
        var a = run(s, protocol(s, name, seed), seed);
        var b = run(s, protocol(s, name, seed), seed);
        assertThat(b.events()).isEqualTo(a.events());
        assertThat(b.moves()).isEqualTo(a.moves());
        var replayed = Session.replay(s, protocol(s, name, seed), a.moves(), Map.of());
        assertThat(replayed.state()).isEqualTo(a.state());
        assertThat(replayed.events()).isEqualTo(a.events());
        var reDecided = Session.replay(s, protocol(s, name, seed), a.moves(), agents(protocol(s, name, seed), seed));
        assertThat(reDecided.moves()).isEqualTo(a.moves());
    }

    /** The agreement property above must not pass by every run failing: across the runs, many reach a deal. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(ProtocolKind.class)
    void someRuns_reachAnAgreement_soTheAgreementPropertyIsNotVacuous(ProtocolKind kind) {
        long agreed = Stream.iterate(1L, s -> s + 1).limit(40).filter(seed -> {
            Scenario s = scenario(seed);
            return run(s, protocol(s, kind, seed), seed).agreement().isPresent();
        }).count();
        assertThat(agreed).as("runs of %s that agreed, of 40", kind.id()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void agentView_offersOnlyTheSeatsOwnProfile() {
        // No accessor of the view can reach a scenario, another party's profile, or the raw protocol state.
        var states = new java.util.ArrayList<Class<?>>(List.of(Protocol.State.class, Protocol.class));
        states.addAll(List.of(Protocol.State.class.getPermittedSubclasses()));
        states.addAll(List.of(Protocol.class.getPermittedSubclasses()));
        assertThat(states).hasSizeGreaterThanOrEqualTo(2 + 4 + 4);
        for (Method m : AgentView.class.getMethods()) {
            assertThat(m.getReturnType()).as(m.getName()).isNotEqualTo(Scenario.class)
                    .isNotEqualTo(Map.class).isNotIn(states);
            for (var t : m.getGenericReturnType().toString().split("[<>, ]+")) {
                assertThat(states.stream().map(Class::getTypeName)).as(m.getName()).doesNotContain(t);
            }
        }
        Scenario s = scenario(3);
        var p = protocol(s, ProtocolKind.SAOP, 3);
        var seen = new java.util.ArrayList<String>();
        Map<String, Agent> spies = new LinkedHashMap<>();
        Map<String, Agent> real = agents(p, 3);
        for (String party : p.participants()) {
            spies.put(party, view -> {
                Profile own = s.profiles().get(party);
                assertThat(view.party()).isEqualTo(party);
                assertThat(view.profile()).isSameAs(own);
                assertThat(view.events()).noneMatch(e -> e instanceof Event.Voted v && !v.party().equals(party));
                seen.add(party);
                return real.get(party).act(view);
            });
        }
        run(s, p, spies);
        assertThat(seen).isNotEmpty();
    }

    private static void run(Scenario s, Protocol p, Map<String, Agent> agents) {
        Session.run(s, p, agents);
    }

    @Test
    void shuttle_partiesNeverSeeEachOthersMeetings_andRelaysLinkToAnObjection() {
        for (long seed = 1; seed <= 10; seed++) {
            Scenario s = scenario(seed);
            var p = (Shuttle) protocol(s, ProtocolKind.SHUTTLE, seed);
            Map<String, Agent> real = agents(p, seed);
            Map<String, Agent> spies = new LinkedHashMap<>();
            for (String party : p.participants()) {
                spies.put(party, view -> {
                    if (!party.equals(p.mediator())) {
                        // A party sees its own meetings only: no divergence check, nobody else's package, answer or
                        // words.
                        assertThat(view.events()).noneMatch(e -> e instanceof Event.Diverged
                                || e instanceof Event.Presented pr && !pr.to().equals(party)
                                || e instanceof Event.Accepted a && !a.party().equals(party)
                                || e instanceof Event.Rejected rj && !rj.party().equals(party)
                                || e instanceof Event.Said x && !x.party().equals(party));
                    }
                    return real.get(party).act(view);
                });
            }
            var r = Session.run(s, p, spies);
            for (Event e : r.events()) {
                if (e instanceof Event.Presented pr && pr.relayOf().isPresent()) {
                    Event original = r.events().get(pr.relayOf().get() - 1);
                    assertThat(original).isInstanceOf(Event.Rejected.class);
                    assertThat(((Event.Rejected) original).party()).isNotEqualTo(pr.to());
                    assertThat(pr.verbatim()).contains(false);
                    for (Profile profile : s.profiles().values()) {
                        assertThat(pr.relay().orElseThrow()).doesNotContain(Double.toString(profile.reservation()));
                    }
                }
            }
        }
    }

    @Test
    void shuttle_aPartysMessage_reachesOnlyTheMediator_leavesTheMeetingOpen_andNoRelayStatesAReservation() {
        Scenario s = scenario(3);
        var p = (Shuttle) protocol(s, ProtocolKind.SHUTTLE, 3);
        var st = (Shuttle.State) p.start().state();
        String first = st.meetingWith();
        st = (Shuttle.State) p.next(st, p.mediator(), new Action.Present(first, st.openingPackage(), Optional
                .empty())).state();
        var said = p.next(st, first, new Action.Message("We cannot give up the southern districts."));
        assertThat(said.state()).isEqualTo(st); // still the same meeting, the party still to answer
        assertThat(said.events()).containsExactly(new Event.Said(0, first, "We cannot give up the southern "
                + "districts."));
        for (String party : p.participants()) {
            assertThat(p.visibleTo(said.events().get(0), party)).as(party).isEqualTo(party.equals(first) || party
                    .equals(p.mediator()));
        }
        Shuttle.State meeting = st;
        assertThatThrownBy(() -> p.next(meeting, first, new Action.Message("  "))).isInstanceOf(
                ProtocolException.class).hasMessageStartingWith("a message needs words");
        assertThatThrownBy(() -> p.next(meeting, p.mediator(), new Action.Message("hello"))).isInstanceOf(
                ProtocolException.class);
        var next = (Shuttle.State) p.next(meeting, first, new Action.Accept()).state();
        String second = next.meetingWith();
        double reservation = s.profiles().get(first).reservation();
        String percent = new java.math.BigDecimal(Double.toString(reservation)).movePointRight(2)
                .stripTrailingZeros().toPlainString();
        String decimal = Double.toString(reservation);
        for (String leak : List.of(decimal, decimal.substring(decimal.indexOf('.')), decimal.replace('.', ','),
                percent + "%", percent + " per cent")) {
            assertThatThrownBy(() -> p.next(next, p.mediator(),
                    new Action.Present(second, next.openingPackage(), Optional
                            .of(new Action.Relay(2, true, first + " said it would settle for " + leak)))))
                    .as(leak).isInstanceOf(ProtocolException.class).hasMessageContaining("never passes on a "
                            + "reservation value");
        }
        assertThat(p.next(next, p.mediator(), new Action.Present(second, next.openingPackage(), Optional.of(
                new Action.Relay(2, true, "We cannot give up the southern districts.")))).events()).hasSize(1);
    }

    static java.util.stream.LongStream twoPartySeeds() {
        return java.util.stream.LongStream.rangeClosed(1, 60);
    }

    @ParameterizedTest
    @MethodSource("twoPartySeeds")
    void zeuthen_betweenTwoPartiesFollowingTheRule_reachesTheNashPackage(long seed) {
        var rnd = new SplittableRandom(seed);
        Scenario s = RandomScenarios.generate(rnd, new RandomScenarios.Settings(2, 1 + rnd.nextInt(4), 2, 6,
                seed % 2 == 0 ? 8 : 0, 0.4, 0.05));
        var p = Settings.defaults(s).withKind(ProtocolKind.ZEUTHEN).withRounds(10_000).create(s);
        Map<String, Agent> agents = new LinkedHashMap<>();
        for (String party : p.participants()) {
            agents.put(party, Agents.create("seats", "zeuthen", SeatRole.BARGAINER, rnd.split()));
        }
        var result = Session.run(s, p, agents);
        var nash = dev.parley.engine.analysis.Analyzer.analyze(s,
                dev.parley.engine.analysis.AnalysisOptions.defaults().withBlockingDemands(false)).solutions()
                .get(dev.parley.engine.analysis.SolutionKind.NASH);
        if (nash == null) {
            assertThat(result.agreement()).isEmpty();
            return;
        }
        Outcome deal = result.agreement().orElseThrow();
        // The same utilities as the Nash package (among exact ties the package itself may differ).
        for (String party : p.participants()) {
            double u = dev.parley.engine.utility.UtilityTable.of(s.space(), s.profiles().get(party))
                    .utility(deal.toArray());
            assertThat(u).as("%s's utility", party).isCloseTo(nash.utilities().get(party),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void singleText_proposalsMustChangeTheText() {
        Scenario s = scenario(4);
        var p = (SingleText) protocol(s, ProtocolKind.SINGLE_TEXT, 4);
        var start = (SingleText.State) p.start().state();
        assertThatThrownBy(() -> p.next(start, p.mediator(), new Action.Propose(start.current())))
                .isInstanceOf(ProtocolException.IllegalMove.class).hasMessage("a proposal must change the current "
                        + "text");
    }

    @Test
    void saop_cannotAcceptBeforeAnyOffer() {
        Scenario s = scenario(5);
        var p = Settings.defaults(s).withKind(ProtocolKind.SAOP).withRounds(10).create(s);
        var start = p.start().state();
        String first = p.toMove(start).get(0);
        assertThatThrownBy(() -> p.next(start, first, new Action.Accept()))
                .hasMessage("there is no offer to accept yet");
    }
}
