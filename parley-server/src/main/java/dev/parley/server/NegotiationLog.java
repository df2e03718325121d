package dev.parley.server;

import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action;
import dev.parley.scenario.Format;
import dev.parley.scenario.ScenarioReader;
import dev.parley.scenario.wire.ActionJson;
import dev.parley.scenario.wire.Fields;
import dev.parley.scenario.wire.Json;
import dev.parley.scenario.wire.SettingsJson;
import dev.parley.store.Records;
import dev.parley.store.Store;
import dev.parley.store.StoreException;
import java.util.List;

/**
 * A served negotiation's log in the store: the kinds of its entries, and how a negotiation is rebuilt from them
 * after a restart or an eviction. Stateless.
 */
final class NegotiationLog {
    /** The kind of log entry that holds a protocol move. */
    static final String MOVE = "move";
    /** The kind of log entry by which a party shares its profile with the mediator. */
    static final String SHARE = "share";
    /** The kind of log entry by which a party replaces its profile before the first move. */
    static final String PROFILE = "profile";
    /** The kind of log entry that keeps a move the protocol refused, for the audit; not replayed. */
    static final String REFUSED = "refused";
    /** The kind of log entry by which a seat's current invite was first opened. */
    static final String JOINED = "joined";
    /** Not a kind of entry: how a rebuild tells a seat's invite issued again from a seat gone to a person. */
    static final String REISSUED = "reissued";

    private NegotiationLog() {
    }

    /**
     * The negotiation {@code id} as its log leaves it: the stored scenario with the profiles changed before the first
     * move, the seats, the shared profiles, and every move made again. An agent's logged move is decided again (so
     * the agent's own state is as it was) and must come out the same. The agents then make any moves that were due
     * when the server stopped.
     *
     * @throws StoreException.NoSuchNegotiation for an unknown id
     */
    static LiveNegotiation load(Store store, String id, Limits limits, java.util.Optional<String> organiserHash) {
        Records.Negotiation n = store.require(id);
        try {
            return rebuild(store, id, n, limits, organiserHash);
        } catch (dev.parley.engine.ParleyException e) { // InvalidInput, ScenarioException, ProtocolException...
            if (e instanceof StoreException) {
                throw e;
            }
            // The negotiation's stored scenario, settings and seats are the server's own record: what no longer
            // reads is damage to the store (or a changed program), never the caller's fault.
            throw new StoreException("negotiation " + id + " cannot be rebuilt from the store: " + e.getMessage(), e);
        }
    }

    private static LiveNegotiation rebuild(Store store, String id, Records.Negotiation n, Limits limits,
            java.util.Optional<String> organiserHash) {
        List<Records.LogEntry> log = store.log(id, 0);
        Scenario s = scenario(n, log);
        StoredSettings stored = StoredSettings.read(id, n.protocolJson(), s);
        var l = new LiveNegotiation(id, store, s, stored.settings(), stored.seed(), store.seats(id), limits,
                organiserHash);
        l.restoreStatus(n.status());
        for (Records.LogEntry entry : log) {
            switch (entry.kind()) {
                case SHARE, PROFILE, REFUSED, JOINED -> l.restore(entry.kind(), entry.party().orElseThrow()); // profiles: above
                case MOVE -> {
                    String party = entry.party().orElseThrow();
                    try {
                        Action action = ActionJson.readRecorded(Json.read("log entry " + entry.seq(), entry
                                .payload()).get("action"), s.issues());
                        l.restoreMove(party, action);
                    } catch (dev.parley.engine.ParleyException e) {
                        throw new StoreException("negotiation " + id + ": log entry " + entry.seq() + " does not "
                                + "replay: " + e.getMessage(), e);
                    }
                }
                case "seat" -> { // the store's record of a seat
                    if (entry.payload().contains("\"invite\":\"reissued\"")) {
                        l.restore(REISSUED, entry.party().orElseThrow());
                    } else if (entry.payload().contains("\"filledBy\":\"person\"")) {
                        l.restore("seat", entry.party().orElseThrow());
                    }
                }
                default -> {
                    // the store's own records of the creation and the status
                }
            }
        }
        l.settle();
        return l;
    }

    /** The stored scenario with the profiles the log changed before the first move (they set the stage). */
    static Scenario scenario(Records.Negotiation n, List<Records.LogEntry> log) {
        Scenario s = ScenarioReader.read("negotiation " + n.id(), n.scenarioJson(), Format.JSON);
        for (Records.LogEntry entry : log) {
            if (entry.kind().equals(PROFILE)) {
                s = s.withProfile(entry.party().orElseThrow(), ScenarioReader.readProfile(s, entry.party()
                        .orElseThrow(), entry.payload()));
            }
        }
        return s;
    }

    /**
     * Negotiations stored before agents declared the seats they fit name {@code hill-climb} (or {@code anneal}) for
     * shuttle's mediator, whose moves the same planner made: it is the {@code objection-trader} now.
     */
    static String legacySeat(dev.parley.engine.protocol.Protocol p, String party, String spec) {
        boolean oldMediator = spec.equals("hill-climb") || spec.equals("anneal");
        return oldMediator && p.seatRole(party) == dev.parley.engine.protocol.SeatRole.SHUTTLE_MEDIATOR
                ? "objection-trader"
                : spec;
    }
}
