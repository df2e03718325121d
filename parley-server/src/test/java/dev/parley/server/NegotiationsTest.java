package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.ProtocolException;
import dev.parley.engine.protocol.Phase;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.utility.UtilityTable;
import dev.parley.scenario.BuiltinScenarios;
import dev.parley.store.Store;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live negotiations on a real (H2 file) store: a person in Ukraine's seat, agents in the others, the default
 * single-text talks.
 */
class NegotiationsTest {
    static final Scenario S = BuiltinScenarios.find("ceasefire-2025").orElseThrow();
    static final Map<String, String> AGENTS = Map.of("US", "hill-climb", "RU", "truthful", "EUR", "truthful");

    @TempDir
    Path dir;
    Store store;
    Negotiations negotiations;

    @BeforeEach
    void open() {
        store = Store.open(url(), dev.parley.store.AuditKey.of(new byte[32]));
        negotiations = new Negotiations(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    String url() {
        return "jdbc:h2:file:" + dir.resolve("parley") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Ukraine votes as a truthful voter would; returns the number of its moves. */
    static int playUkraine(Negotiations n, String id, String token, int maxMoves) {
        UtilityTable ua = UtilityTable.of(S.space(), S.profiles().get("UA"));
        int moves = 0;
        while (moves < maxMoves) {
            var v = n.view(id, token);
            if (v.ended()) {
                break;
            }
            assertThat(v.toMove().get(0)).isEqualTo("UA"); // the person is next; the agents after it
            Outcome table = v.onTable().orElseThrow();
            boolean accept = v.phase() == Phase.VOTE
                    ? ua.utility(table.toArray()) >= ua.utility(v.currentText().orElseThrow()
                            .toArray()) - 1e-9
                    : ua.utility(table.toArray()) >= 0.45 - 1e-9;
            n.move(id, token, new Action.Vote(accept));
            moves++;
        }
        return moves;
    }

    @Test
    void personAndAgents_reachAResult_everyMoveInTheStore() {
        var created = negotiations.create(S, Settings.defaults(S), AGENTS, 1);
        assertThat(created.tokens()).containsOnlyKeys("UA");
        String token = created.tokens().get("UA");

        playUkraine(negotiations, created.id(), token, 10_000);

        var end = negotiations.view(created.id(), token);
        assertThat(end.ended()).isTrue();
        assertThat(end.events().get(end.events().size() - 1).event()).isInstanceOf(Event.Ended.class);
        assertThat(store.log(created.id(), 0)).isNotEmpty();
        assertThat(store.audit(created.id()).intact()).isTrue();
    }

    @Test
    void restart_rebuildsTheSameState_andTheTalksEndAsWithoutIt() {
        var a = negotiations.create(S, Settings.defaults(S), AGENTS, 7);
        playUkraine(negotiations, a.id(), a.tokens().get("UA"), 20);
        var before = negotiations.view(a.id(), a.tokens().get("UA"));

        // A new store and service over the same database: everything comes back from the log.
        store.close();
        store = Store.open(url(), dev.parley.store.AuditKey.of(new byte[32]));
        negotiations = new Negotiations(store);
        var after = negotiations.view(a.id(), a.tokens().get("UA"));
        assertThat(after).isEqualTo(before);

        playUkraine(negotiations, a.id(), a.tokens().get("UA"), 10_000);
        var b = negotiations.create(S, Settings.defaults(S), AGENTS, 7);
        playUkraine(negotiations, b.id(), b.tokens().get("UA"), 10_000);
        assertThat(negotiations.view(a.id(), a.tokens().get("UA")).agreement())
                .isEqualTo(negotiations.view(b.id(), b.tokens().get("UA")).agreement());
        assertThat(store.log(a.id(), 0)).hasSameSizeAs(store.log(b.id(), 0));
    }

    @Test
    void refusedMove_changesNothing_andIsKeptOnlyAsARefusal() {
        var c = negotiations.create(S, Settings.defaults(S), AGENTS, 1);
        String token = c.tokens().get("UA");
        var before = negotiations.view(c.id(), token); // the seat's first use: a "joined" entry
        long stored = store.log(c.id(), 0).size();
        assertThatThrownBy(() -> negotiations.move(c.id(), token, new Action.Accept()))
                .isInstanceOf(ProtocolException.class);
        var log = store.log(c.id(), 0);
        assertThat(log).hasSize((int) stored + 1);
        assertThat(log.get(log.size() - 1).kind()).isEqualTo("refused"); // for the audit; never replayed
        assertThat(log.get(log.size() - 1).party()).contains("UA");
        negotiations.evict(c.id());
        assertThat(negotiations.view(c.id(), token)).isEqualTo(before);
    }

    @Test
    void tokens_openOnlyTheirOwnSeat_andOthersVotesStayPrivate() {
        var c = negotiations.create(S, Settings.defaults(S), Map.of("US", "hill-climb"), 1);
        assertThat(c.tokens()).containsOnlyKeys("UA", "RU", "EUR");
        assertThat(negotiations.seat(c.id(), c.tokens().get("RU"))).isEqualTo("RU");
        assertThatThrownBy(() -> negotiations.view(c.id(), "not-a-token")).isInstanceOf(AccessDenied.class)
                .hasMessage("this token opens no seat of negotiation " + c.id());
        negotiations.move(c.id(), c.tokens().get("UA"), new Action.Vote(true));
        negotiations.move(c.id(), c.tokens().get("RU"), new Action.Vote(false));
        for (String party : new String[]{"UA", "RU", "EUR"}) {
            var v = negotiations.view(c.id(), c.tokens().get(party));
            assertThat(v.events())
                    .allMatch(n -> !(n.event() instanceof Event.Voted vote) || vote.party().equals(party));
        }
        // Only hashes of the tokens are stored.
        assertThat(store.seats(c.id())).allMatch(seat -> seat.tokenHash().map(h -> !c.tokens().containsValue(h))
                .orElse(true));
    }

    @Test
    void aProfile_changesBeforeTheFirstMove_durably_andTheOpeningRevealsNoRedLine() throws Exception {
        // People in every seat, so that nobody moves before the profile changes.
        var c = negotiations.create(S, Settings.defaults(S), Map.of(), 3);
        String ua = c.tokens().get("UA");
        Outcome opening = negotiations.view(c.id(), ua).currentText().orElseThrow();
        // The opening is drawn from public facts only: each issue's middle option, whatever the red lines.
        assertThat(opening.toArray()).containsExactly(S.issues().stream().mapToInt(i -> (i.size() - 1) / 2)
                .toArray());
        // UA rules out the opening text's option on NATO membership: a red line. The opening does not move, so
        // editing one's own red lines and reading the opening again tells nothing of the others'.
        var profile = (com.fasterxml.jackson.databind.node.ObjectNode) TestJson.MAPPER.readTree(
                dev.parley.scenario.ScenarioWriter.write(S, dev.parley.scenario.Format.JSON)).get("profiles").get("UA");
        int nato = S.issues().indexOf(S.issues().stream().filter(i -> i.id().equals("NATO")).findFirst()
                .orElseThrow());
        String ruledOut = S.issues().get(nato).option(opening.toArray()[nato]).id();
        profile.putObject("redLines").putArray("NATO").add(ruledOut);
        negotiations.editProfile(c.id(), ua, profile.toString());
        assertThat(negotiations.view(c.id(), ua).currentText()).contains(opening);
        assertThat(negotiations.scenario(c.id()).profiles().get("UA").isRedLine(nato, opening.toArray()[nato]))
                .isTrue();
        // A restart rebuilds the same: the change is an entry of the log.
        negotiations.evict(c.id());
        assertThat(negotiations.view(c.id(), ua).currentText()).contains(opening);
        assertThat(negotiations.scenario(c.id()).profiles().get("UA").isRedLine(nato, opening.toArray()[nato]))
                .isTrue();
        assertThat(store.log(c.id(), 1)).extracting(dev.parley.store.Records.LogEntry::kind).containsExactly("joined",
                "profile"); // UA's first use of its invite, then its change
        // A bad profile is refused, naming its place; nothing changes.
        profile.putObject("weights").put("CF", 2.0);
        assertThatThrownBy(() -> negotiations.editProfile(c.id(), ua, profile.toString())).isInstanceOf(
                dev.parley.scenario.ScenarioException.class).hasMessageContaining("profiles.UA.weights");
        assertThat(store.log(c.id(), 1)).hasSize(2); // still the joining and the one change
        // After the first move, profiles are fixed.
        negotiations.move(c.id(), c.tokens().get("US"), new Action.End("to the vote"));
        assertThatThrownBy(() -> negotiations.editProfile(c.id(), ua, profile.toString())).isInstanceOf(Conflict.class)
                .hasMessage("the talks have begun: a profile can change only before the first move");
    }

    @Test
    void badSeatsOrAgents_areRefusedBeforeAnythingIsStored() {
        int before = store.negotiations().size();
        assertThatThrownBy(() -> negotiations.create(S, Settings.defaults(S), Map.of("XX", "boulware"), 1))
                .hasMessageContaining("XX has no seat in single-text");
        assertThatThrownBy(() -> negotiations.create(S, Settings.defaults(S), Map.of("RU", "sly"), 1))
                .hasMessageContaining("unknown agent 'sly'");
        assertThat(store.negotiations()).hasSize(before);
    }

    @Test
    void idleNegotiations_areEvicted_andComeBackAsTheyWere_whileOneSomeoneListensToStaysInMemory() {
        var small = new Negotiations(store, 1, Limits.DEFAULTS, java.util.Optional.empty());
        var a = small.create(S, Settings.defaults(S), AGENTS, 1);
        playUkraine(small, a.id(), a.tokens().get("UA"), 3);
        var before = small.view(a.id(), a.tokens().get("UA"));
        var b = small.create(S, Settings.defaults(S), AGENTS, 2); // a is evicted to make room
        assertThat(small.inMemory()).isEqualTo(1);
        assertThat(small.view(a.id(), a.tokens().get("UA"))).isEqualTo(before); // rebuilt from the log
        // Someone listens to a: it stays in memory, over the bound, and the listener hears its moves.
        var heard = new java.util.concurrent.LinkedBlockingQueue<java.util.List<dev.parley.engine.protocol.NumberedEvent>>();
        Runnable stop = small.subscribe(a.id(), a.tokens().get("UA"), Long.MAX_VALUE, heard::add, () -> {
        });
        small.view(b.id(), b.tokens().get("UA"));
        assertThat(small.inMemory()).isEqualTo(2);
        small.move(a.id(), a.tokens().get("UA"), new Action.Vote(true));
        try {
            assertThat(heard.poll(10, java.util.concurrent.TimeUnit.SECONDS)).as("a batch for the move").isNotNull();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        stop.run();
        // Nobody listens now: loading another negotiation evicts both idle ones.
        small.create(S, Settings.defaults(S), AGENTS, 3);
        assertThat(small.inMemory()).isEqualTo(1);
    }

    @Test
    void concurrentLoads_ofANegotiationWithAgentMovesDue_appendThemOnce() throws Exception {
        var c = negotiations.create(S, Settings.defaults(S), AGENTS, 1);
        String ua = c.tokens().get("UA");
        var before = negotiations.view(c.id(), ua);
        // Ukraine's vote is in the log, the agents' answers are not (as when the server stopped between them).
        store.append(c.id(), "move", java.util.Optional.of("UA"), "{\"action\": {\"type\": \"vote\", "
                + "\"accept\": true}, \"events\": []}");
        var fresh = new Negotiations(store);
        int threads = 8;
        var start = new java.util.concurrent.CyclicBarrier(threads);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        var views = new java.util.ArrayList<java.util.concurrent.Future<dev.parley.scenario.wire.SeatView>>();
        for (int t = 0; t < threads; t++) {
            views.add(pool.submit(() -> {
                start.await();
                return fresh.view(c.id(), ua);
            }));
        }
        for (var v : views) {
            assertThat(v.get(30, java.util.concurrent.TimeUnit.SECONDS).events()).hasSizeGreaterThan(before.events()
                    .size());
        }
        pool.shutdown();
        assertThat(store.audit(c.id()).intact()).isTrue();
        // Once more from the log alone: every move replays, none twice.
        var again = new Negotiations(store).view(c.id(), ua);
        assertThat(again).isEqualTo(views.get(0).get());
        var agentMoves = store.log(c.id(), 0).stream().filter(e -> !e.party().orElse("").equals("UA")).count();
        var replayed = again.events().stream().filter(n -> n.event() instanceof Event.Voted v && !v.party().equals(
                "UA")).count();
        assertThat(agentMoves).isGreaterThan(0);
        assertThat(replayed).isLessThanOrEqualTo(agentMoves);
    }

    @Test
    void aShuttleStoredWithTheOldMediatorAgentName_stillLoads() {
        Settings shuttle = Settings.defaults(S).withKind(dev.parley.engine.protocol.ProtocolKind.SHUTTLE);
        var stored = new java.util.LinkedHashMap<>(dev.parley.scenario.wire.SettingsJson.write(shuttle, S));
        stored.put("seed", 1L);
        String id = store.create(dev.parley.scenario.wire.Json.write(dev.parley.scenario.ScenarioWriter.tree(S)),
                dev.parley.scenario.wire.Json.write(stored), java.util.List.of(new dev.parley.store.Records.Seat(
                        "US", java.util.Optional.of("hill-climb"), java.util.Optional.empty()),
                        new dev.parley.store.Records.Seat("UA", java.util.Optional.empty(), java.util.Optional.of(
                                Tokens.sha256("ua"))),
                        new dev.parley.store.Records.Seat("RU", java.util.Optional
                                .of("linear"), java.util.Optional.empty()),
                        new dev.parley.store.Records.Seat("EUR", java.util.Optional.of("linear"), java.util.Optional
                                .empty())));
        var view = negotiations.view(id, "ua");
        // The mediator's planner moved at once: UA is in its meeting, with a package before it.
        assertThat(view.toMove()).containsExactly("UA");
        assertThat(view.onTable()).isPresent();
    }
}
