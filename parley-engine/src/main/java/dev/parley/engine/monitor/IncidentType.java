package dev.parley.engine.monitor;

import dev.parley.engine.InvalidInput;
import java.util.List;
import java.util.Locale;

/**
 * What kind of incident: the monitoring taxonomy (documented in {@code docs/monitoring.md}). Each type has sub-types;
 * an attack is a use of force a ceasefire forbids, as opposed to a force movement or an obstruction of monitors,
 * which other clauses may forbid. The types follow the practice of ACLED's event types (battles, explosions/remote
 * violence) and the OSCE SMM's reports (ceasefire violations, explosions, restrictions of the mission's movement).
 */
public enum IncidentType {
    SHELLING("shelling", true, "artillery", "mortar", "rocket-artillery", "tank"), AIR_OR_DRONE_STRIKE(
            "air-drone-strike", true, "drone", "aircraft", "glide-bomb", "helicopter"), MISSILE("missile", true,
                    "cruise", "ballistic", "air-launched", "anti-ship",
                    "guided-rocket"), GROUND_ASSAULT("ground-assault", true, "attack", "armed-clash",
                            "raid"), SMALL_ARMS("small-arms", true, "gunfire", "sniper", "grenade"), MINE("mine", true,
                                    "landmine", "naval-mine", "ied",
                                    "remote-explosive"), FORCE_MOVEMENT("force-movement", false, "troops",
                                            "heavy-weapons", "naval"), PROHIBITED_WEAPON("prohibited-weapon", true,
                                                    "cluster", "chemical",
                                                    "incendiary"), OBSTRUCTION_OF_MONITORS("obstruction-of-monitors",
                                                            false, "denied-access", "jamming", "threat",
                                                            "fired-upon"), PROTECTED_INFRASTRUCTURE(
                                                                    "strike-on-protected-infrastructure", true,
                                                                    "energy", "water", "medical", "port", "rail");

    private final String id;
    private final boolean attack;
    private final List<String> subTypes;

    IncidentType(String id, boolean attack, String... subTypes) {
        this.id = id;
        this.attack = attack;
        this.subTypes = List.of(subTypes);
    }

    /** The name in files and on the command line. */
    public String id() {
        return id;
    }

    /** Whether it is a use of force, which a full ceasefire forbids. */
    public boolean attack() {
        return attack;
    }

    /** Its documented sub-types. */
    public List<String> subTypes() {
        return subTypes;
    }

    /**
     * The type of that id.
     *
     * @throws InvalidInput naming the types there are
     */
    public static IncidentType of(String field, String id) {
        return Ids.named(field, id, values(), IncidentType::id, "incident type");
    }

    /**
     * Checks a sub-type against this type's.
     *
     * @throws InvalidInput naming this type's sub-types
     */
    public String subType(String field, String subType) {
        String key = subType.trim().toLowerCase(Locale.ROOT);
        if (!subTypes.contains(key)) {
            throw new InvalidInput(field, "unknown sub-type '" + subType + "' of " + id + "; its sub-types are "
                    + String.join(", ", subTypes));
        }
        return key;
    }
}
