package dev.parley.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Phase;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.protocol.StackedOffers;
import dev.parley.engine.utility.UtilityTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The discount's clock, worked out by hand, and the time-dependent target that follows it. */
class DiscountTest {
    static final Scenario S = RandomScenarios.generate(new SplittableRandom(3), RandomScenarios.Settings.of(2, 3, 4));

    @Test
    void theDiscountsClock_isTheShareOfTheDelaysCostAlreadyLost() {
        AgentView v = view(ProtocolKind.ALTERNATING, 0.9, 5, 10);
        assertThat(v.discount()).isEqualTo(0.9);
        // (1 − 0.9^5) / (1 − 0.9^10) = 0.40951 / 0.6513215599
        assertThat(v.discountedTime()).isCloseTo(0.40951 / 0.6513215599, within(1e-12));
        assertThat(v.time()).isEqualTo(0.5);
        // linear (e = 1) on that clock
        double max = v.utilities().bestPackageUtility();
        double min = Math.min(max, v.profile().reservation());
        assertThat(Moves.timeDependentTarget(v, 1)).isCloseTo(max - (max - min) * 0.40951 / 0.6513215599, within(
                1e-12));
    }

    @Test
    void withoutADiscount_itIsThePlainShareOfTime_andSaopHasNone() {
        assertThat(view(ProtocolKind.ALTERNATING, 1, 3, 10).discountedTime()).isEqualTo(0.3);
        AgentView saop = view(ProtocolKind.SAOP, 0.9, 3, 10);
        assertThat(saop.discount()).isEqualTo(1);
        assertThat(saop.discountedTime()).isEqualTo(0.3);
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    /**
     * Under any δ &lt; 1 the clock runs ahead of time (1 − δ^r is concave in r), so every time-dependent target is
     * at most what it is without a discount, and it still starts at the best and ends at the reservation.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void aDiscountMakesTheTargetConcedeSooner_neverLater(long seed) {
        var rnd = new SplittableRandom(seed);
        double d = 0.5 + 0.499 * rnd.nextDouble();
        int deadline = 1 + rnd.nextInt(300);
        double e = 0.1 + 3 * rnd.nextDouble();
        for (int round : new int[]{0, rnd.nextInt(deadline + 1), deadline}) {
            AgentView v = view(ProtocolKind.ALTERNATING, d, round, deadline);
            double t = round / (double) deadline;
            double max = v.utilities().bestPackageUtility();
            double min = Math.min(max, v.profile().reservation());
            double plain = max - (max - min) * Math.pow(t, 1 / e);
            assertThat(v.discountedTime()).isGreaterThanOrEqualTo(t - 1e-12).isLessThanOrEqualTo(1);
            assertThat(Moves.timeDependentTarget(v, e)).isLessThanOrEqualTo(plain + 1e-12);
            if (round == 0) {
                assertThat(Moves.timeDependentTarget(v, e)).isCloseTo(max, within(1e-12));
            }
            if (round == deadline) {
                assertThat(Moves.timeDependentTarget(v, e)).isCloseTo(min, within(1e-12));
            }
        }
    }

    /** The first principal's view of {@code kind} on {@link #S} with δ = {@code d}, in {@code round} of deadline. */
    private static AgentView view(ProtocolKind kind, double d, int round, int deadline) {
        Protocol p = Settings.defaults(S).withKind(kind).withRounds(deadline).withDiscount(d).create(S);
        String party = S.principals().get(0);
        var seat = AgentView.Seat.of(party, S.parties(), S.issues(), S.profiles().get(party), UtilityTable.of(S
                .space(), S.profiles().get(party)), p, SeatLog.of(party, List.of(), p));
        var state = new StackedOffers.State(Phase.OFFER, round, deadline, 0, Optional.empty(), Optional.empty(), Set
                .of(), Map.of(), Optional.empty());
        return AgentView.of(seat, p, state);
    }
}
