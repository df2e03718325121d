package dev.parley.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Role;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.session.Session;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the learning mediator reads into the votes it hears, worked out by hand. Issues X (3 options) and Y (2); the
 * mediator's estimate of A weighs each 0.5, with values X [1, 0.5, 0] and Y [1, 0]:
 * <pre>
 * vote              estimated utility   reads as
 * accept x1 y0      0.75                reservation at most 0.75
 * accept x0 y1      0.5                 at most 0.5 (the upper bound)
 * reject x2 y0 (X)  0.5                 worth as much as a text it accepted: X=x2 a red line
 * reject x1 y1 (Y, X) 0.25              criticism in the estimate's order (loss Y 0.5, X 0.25): at least 0.25
 * reject x1 y1 (X, Y) 0.25              X first, though it costs 0.25 against Y's 0.5: X=x1 a red line
 * </pre>
 */
class ReservationsTest {
    private static final List<Issue> ISSUES = List.of(issue("X", 3), issue("Y", 2));
    private static final Profile ESTIMATE_A = Profile.of(ISSUES, new double[]{0.5, 0.5}, new double[][]{{1, 0.5, 0},
            {1, 0}}, 0, new boolean[][]{{false, false, false}, {false, false}});

    @Test
    void votes_bound_theReservation_andVetoesReadAsRedLines() {
        AgentView mediator = mediatorView();
        var heard = List.of(heard(true, 1, 0), heard(true, 0, 1), heard(false, 2, 0, "X"), heard(false, 1, 1, "Y",
                "X"));
        Map<String, Profile> estimates = Map.of("M", mediator.profile(), "A", ESTIMATE_A, "B", ESTIMATE_A);
        var bounds = Reservations.bounds(mediator, estimates, heard);
        assertThat(bounds).containsOnlyKeys("A", "B");
        Reservations.Bounds a = bounds.get("A");
        assertThat(a.lo()).isCloseTo(0.25, within(1e-12));
        assertThat(a.hi()).isCloseTo(0.5, within(1e-12));
        assertThat(a.redLines()).containsExactly(List.of(0, 2));
        // B said nothing: anywhere between nothing and its best.
        assertThat(bounds.get("B").lo()).isZero();
        assertThat(bounds.get("B").hi()).isEqualTo(1.0);

        Map<String, Profile> fitted = Reservations.fit(mediator, estimates, bounds, 0.5);
        assertThat(fitted.get("A").reservation()).isCloseTo(0.375, within(1e-12));
        assertThat(fitted.get("A").isRedLine(0, 2)).isTrue();
        assertThat(fitted.get("A").isRedLine(0, 1)).isFalse();
        assertThat(fitted.get("M")).isSameAs(mediator.profile());
        assertThat(Reservations.fit(mediator, estimates, bounds, 0).get("A").reservation()).isCloseTo(0.25, within(
                1e-12));
    }

    @Test
    void aCriticismOutOfTheEstimatesOrder_isAVeto_notAReservation() {
        AgentView mediator = mediatorView();
        var heard = List.of(heard(true, 0, 1), heard(false, 1, 1, "X", "Y"));
        var bounds = Reservations.bounds(mediator, Map.of("M", mediator.profile(), "A", ESTIMATE_A), heard);
        assertThat(bounds.get("A").lo()).isZero();
        assertThat(bounds.get("A").redLines()).containsExactly(List.of(0, 1));
    }

    private static LearningMediator.Heard heard(boolean accept, int x, int y, String... objections) {
        var toward = java.util.Arrays.stream(objections).map(i -> i.toLowerCase(java.util.Locale.ROOT) + "0").toList();
        return new LearningMediator.Heard("A", Outcome.of(x, y), accept, List.of(objections), toward);
    }

    private static AgentView mediatorView() {
        Profile flat = Profile.of(ISSUES, new double[]{0.5, 0.5}, new double[][]{{0.5, 0.5, 0.5}, {0.5, 0.5}}, 0.1,
                new boolean[][]{{false, false, false}, {false, false}});
        Scenario s = Scenario.of("hand", "By hand", "", List.of(Party.of("M", "M", Role.MEDIATOR), Party.of("A", "A",
                Role.PRINCIPAL), Party.of("B", "B", Role.PRINCIPAL)), ISSUES, Map.of("M", flat, "A", ESTIMATE_A, "B",
                        ESTIMATE_A),
                Optional.empty());
        Protocol p = Settings.defaults(s).withKind(ProtocolKind.SINGLE_TEXT).create(s);
        return new Session(s, p).view("M");
    }

    private static Issue issue(String id, int options) {
        var list = new java.util.ArrayList<Option>();
        for (int k = 0; k < options; k++) {
            list.add(new Option(id.toLowerCase(java.util.Locale.ROOT) + k, id.toLowerCase(java.util.Locale.ROOT) + k));
        }
        return new Issue(id, id, list);
    }
}
