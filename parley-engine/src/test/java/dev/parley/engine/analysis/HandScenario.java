package dev.parley.engine.analysis;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Role;
import dev.parley.engine.model.Scenario;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scenario small enough to work out by hand: principals A and B, stakeholder S (not ratifying), issues X (3
 * options), Y (2) and Z (2). A and B weigh X 0.4, Y 0.4, Z 0.2 and both reserve 0.25; A prefers low options of X and
 * Y, B high ones; both prefer z0; B's red line is X=x0. S weighs X 0.5, Y 0.25, Z 0.25, values X [1, 0.2, 0.6], Y
 * and Z 0.5 throughout, and reserves 0.5.
 * <pre>
 * outcome    A     B     S     zone (no red line broken, A, B ≥ 0.25)
 * x1 y0 z0   0.8   0.4   0.35  yes: A's best in the zone
 * x1 y1 z0   0.4   0.8   0.35  yes: B's best in the zone
 * x2 y0 z0   0.6   0.6   0.55  yes
 * x2 y0 z1   0.4   0.4   0.55  yes, dominated by x2 y0 z0
 * x0 y1 z0   0.6   0.6   0.75  no: B's red line
 * x2 y1 z1   0.0   0.8   0.55  no: A below its reservation (and dominated by x1 y1 z0)
 * </pre>
 */
final class HandScenario {
    static final List<Issue> ISSUES = List.of(issue("X", 3), issue("Y", 2), issue("Z", 2));
    static final Scenario S = Scenario.of("hand", "By hand", "", List.of(Party.of("A", "A", Role.PRINCIPAL), Party
            .of("B", "B", Role.PRINCIPAL), Party.of("S", "S", Role.STAKEHOLDER)), ISSUES, Map.of(
                    "A", Profile.of(ISSUES, new double[]{0.4, 0.4, 0.2}, new double[][]{{1, 0.5, 0}, {1, 0}, {1, 0}},
                            0.25, none()),
                    "B", Profile.of(ISSUES, new double[]{0.4, 0.4, 0.2}, new double[][]{{0, 0.5, 1}, {0, 1}, {1, 0}},
                            0.25, new boolean[][]{{true, false, false}, {false, false}, {false, false}}),
                    "S", Profile.of(ISSUES, new double[]{0.5, 0.25, 0.25}, new double[][]{{1, 0.2, 0.6}, {0.5, 0.5},
                            {0.5, 0.5}}, 0.5, none())),
            Optional.empty());

    private HandScenario() {
    }

    static Outcome of(int x, int y, int z) {
        return Outcome.of(x, y, z);
    }

    private static Issue issue(String id, int options) {
        var list = new java.util.ArrayList<Option>();
        for (int k = 0; k < options; k++) {
            list.add(new Option(id.toLowerCase(java.util.Locale.ROOT) + k, id.toLowerCase(java.util.Locale.ROOT) + k));
        }
        return new Issue(id, id, list);
    }

    private static boolean[][] none() {
        return new boolean[][]{{false, false, false}, {false, false}, {false, false}};
    }
}
