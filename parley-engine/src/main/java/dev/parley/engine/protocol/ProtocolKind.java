package dev.parley.engine.protocol;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.model.Scenario;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The protocols Parley runs: each one's id (the word in files, on the command line and on the wire), what it is in
 * one line, whether it needs a mediator, whether its principals hold positions (offers) from which the gap is
 * measured, and how to build it. The one list of protocols: nothing else names them.
 */
public enum ProtocolKind {
    SINGLE_TEXT("single-text", "Single negotiating text: the mediator proposes each change, every ratifying party "
            + "votes in private, unanimity adopts it; a final vote ratifies", true, false,
            SingleText::new), SHUTTLE("shuttle",
                    "Shuttle diplomacy: the mediator meets each party in private, presents packages and relays "
                            + "objections; a deal needs everyone to accept the identical package",
                    true, false, Shuttle::new), SAOP("saop",
                            "Stacked alternating offers: the ratifying parties offer and accept in turn", false, true,
                            StackedOffers::saop), ALTERNATING("alternating",
                                    "Alternating offers between the two principals, with an optional discount; the "
                                            + "others ratify",
                                    false, true, StackedOffers::alternating), ZEUTHEN("zeuthen",
                                            "Monotonic concession by Zeuthen's risk rule between the two principals (it ends at their Nash "
                                                    + "package); the others ratify",
                                            false, true, Zeuthen::new);

    private final String id;
    private final String description;
    private final boolean needsMediator;
    private final boolean positions;
    private final BiFunction<Scenario, Settings, Protocol> factory;

    ProtocolKind(String id, String description, boolean needsMediator, boolean positions,
            BiFunction<Scenario, Settings, Protocol> factory) {
        this.id = id;
        this.description = description;
        this.needsMediator = needsMediator;
        this.positions = positions;
        this.factory = factory;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Whether a mediator runs it (single-text, shuttle). */
    public boolean needsMediator() {
        return needsMediator;
    }

    /**
     * Whether the principals hold positions of their own (their offers), from which the gap between them is measured
     * as they go; in the mediated protocols their positions are what they say of the mediator's texts.
     */
    public boolean principalsHoldPositions() {
        return positions;
    }

    /**
     * The protocol these settings describe on this scenario.
     *
     * @throws InvalidInput when it cannot run on this scenario (no mediator, too few principals), naming why
     */
    public Protocol create(Scenario s, Settings settings) {
        if (settings.kind() != this) {
            throw new IllegalArgumentException("settings of " + settings.kind().id() + " given to " + id);
        }
        if (needsMediator && settings.mediator().isEmpty()) {
            throw new InvalidInput("protocol", id + " needs a mediator; " + s.id() + " has none (add one, or choose "
                    + "saop)");
        }
        return factory.apply(s, settings);
    }

    /** The kind whose id is {@code id}. */
    public static Optional<ProtocolKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    /**
     * The kind whose id is {@code id}.
     *
     * @throws InvalidInput naming the field and the protocols there are
     */
    public static ProtocolKind require(String field, String id) {
        return byId(id).orElseThrow(() -> new InvalidInput(field, "unknown protocol '" + id + "' (available: "
                + String.join(", ", ids()) + ")"));
    }

    /** Every id, in catalogue order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(ProtocolKind::id).toList();
    }
}
