package dev.parley.server;

import dev.parley.engine.protocol.NumberedEvent;
import dev.parley.engine.protocol.Phase;
import dev.parley.engine.session.Session;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who listens to one negotiation, and what each is told after a move. Used under the negotiation's lock; each
 * subscriber sends from its own thread.
 */
final class Audience {
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    /** The phase when subscribers were last told. */
    private Phase publishedPhase;

    /**
     * Tells every subscriber the events from position {@code from} on that it may see. The batch may be empty: the
     * talks moved on without an event this seat may see (the mediator calling the final vote), and a client shows
     * whose turn it is now. Within a ballot, though, another's vote makes no event a seat may see, and even an empty
     * message would tell how many have voted, and when: only a change of phase (the ballot closed, the final vote
     * called) is told.
     */
    void publish(Session session, int from) {
        Phase phase = session.state().phase();
        boolean ballotGoesOn = phase.isBallot() && phase == publishedPhase;
        publishedPhase = phase;
        for (Subscriber sub : subscribers) {
            List<NumberedEvent> batch = session.visible(sub.party, from);
            if (batch.isEmpty() && ballotGoesOn) {
                continue;
            }
            if (!sub.offer(batch)) {
                subscribers.remove(sub);
            }
        }
    }

    /** The phase the subscribers last knew, when the talks are (re)built without telling them. */
    void settled(Phase phase) {
        publishedPhase = phase;
    }

    /**
     * A new listener for {@code party}: sent {@code backlog} first, then every batch; the returned handle stops it.
     * Under the negotiation's lock, so that nothing is missed or sent twice.
     */
    Runnable join(String party, boolean watcher, List<NumberedEvent> backlog,
            java.util.function.Consumer<List<NumberedEvent>> sink, Runnable onDrop) {
        var sub = new Subscriber[1];
        sub[0] = new Subscriber(party, watcher, sink, () -> {
            subscribers.remove(sub[0]);
            onDrop.run();
        });
        if (!backlog.isEmpty()) {
            sub[0].offer(backlog);
        }
        subscribers.add(sub[0]);
        return () -> {
            subscribers.remove(sub[0]);
            sub[0].stop();
        };
    }

    /** The party's own connections (the organiser watching it not counted). */
    long of(String party) {
        return subscribers.stream().filter(s -> s.party.equals(party) && !s.watcher).count();
    }

    /** The organiser's connections, watching any view. */
    long watchers() {
        return subscribers.stream().filter(s -> s.watcher).count();
    }

    boolean isEmpty() {
        return subscribers.isEmpty();
    }

    /**
     * Drops everyone listening as {@code party} (not the organiser watching it): their connections close, and a
     * client may resume if still let in.
     */
    void drop(String party) {
        for (Subscriber sub : subscribers) {
            if (sub.party.equals(party) && !sub.watcher) {
                subscribers.remove(sub);
                sub.drop();
            }
        }
    }

    /** Drops everyone: their connections close, and the clients resume elsewhere. */
    void dropAll() {
        subscribers.forEach(Subscriber::drop);
        subscribers.clear();
    }
}
