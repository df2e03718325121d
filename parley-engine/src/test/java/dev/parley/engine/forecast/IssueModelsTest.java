package dev.parley.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Role;
import dev.parley.engine.model.Scenario;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The expected-utility model on a scenario's issues, by hand: issue X (three options) and Y (two); A weighs only X
 * and values x2 most, B weighs only Y and values y0 most.
 */
class IssueModelsTest {
    static final List<Issue> ISSUES = List.of(new Issue("X", "X", List.of(new Option("x0", "x0"), new Option("x1",
            "x1"), new Option("x2", "x2"))), new Issue("Y", "Y", List.of(new Option("y0", "y0"),
                    new Option("y1",
                            "y1"))));

    static Scenario scenario(Map<String, Double> capabilities) {
        boolean[][] none = {{false, false, false}, {false, false}};
        Profile a = Profile.of(ISSUES, new double[]{1, 0}, new double[][]{{0, 0.5, 1}, {0, 0}}, 0, none);
        Profile b = Profile.of(ISSUES, new double[]{0, 1}, new double[][]{{0, 0, 0}, {1, 0}}, 0, none);
        return Scenario.of("two", "Two", "", List.of(Party.of("A", "A", Role.PRINCIPAL), Party.of("B", "B",
                Role.PRINCIPAL)), ISSUES, Map.of("A", a, "B", b), Optional.empty()).withCapabilities(capabilities);
    }

    @Test
    void positionsLieOnZeroToAHundred_andSalienceIsTheWeightOverTheLargest() {
        List<IssueModels.IssueForecast> f = IssueModels.of(scenario(Map.of()), 2, ExpectedUtility.Readings.CODE);
        assertThat(f).extracting(x -> x.issue().id()).containsExactly("X", "Y");
        ExpectedUtility.Actor a = f.get(0).actors().get(0);
        assertThat(a.position()).isEqualTo(100); // x2, the last of three
        assertThat(a.salience()).isEqualTo(1);
        assertThat(a.capability()).isEqualTo(1); // none given: 1 each
        assertThat(f.get(0).actors().get(1).salience()).isZero(); // B does not weigh X
        assertThat(f.get(1).actors().get(1).position()).isZero(); // y0
        // only A weighs X, so the weighted median and mean of X are A's position
        assertThat(f.get(0).median()).isEqualTo(2);
        assertThat(f.get(0).mean()).isEqualTo(2);
    }

    @Test
    void anIssueOnlyPowerlessPartiesWeigh_isLeftOut() {
        List<IssueModels.IssueForecast> f = IssueModels.of(scenario(Map.of("A", 0.0, "B", 1.0)), 2,
                ExpectedUtility.Readings.CODE);
        assertThat(f).extracting(x -> x.issue().id()).containsExactly("Y");
    }
}
