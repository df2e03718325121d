package dev.parley.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What lowering each reservation does, as the blocking demands report it: the zone's size against the brute-force
 * oracle with that reservation lowered, and the Nash package against a whole analysis of the lowered instance. On
 * odd seeds the first ratifying party's reservation is 0, which no package falls below: the analysis then keeps the
 * zone and its frontier and only works out the solutions again.
 */
class ReservationDemandTest {
    static final double STEP = 0.05;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 80);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void loweredReservation_givesTheZoneAndNashOfTheLoweredInstance(long seed) {
        var rnd = new SplittableRandom(seed);
        Scenario s = RandomScenarios.generate(rnd, new RandomScenarios.Settings(2 + (int) (seed % 3), rnd.nextInt(1,
                5), 2, 5, seed % 4 == 0 ? 0 : 4, 0.8, 0.1));
        Instance z = Instance.zone(s);
        if (seed % 2 == 1) {
            String first = s.parties().get(z.dims[0]).id();
            s = s.withProfile(first, s.profiles().get(first).withReservation(0));
            z = Instance.zone(s);
            // no package falls below a reservation of 0: the analysis takes its shortcut for this party
            assertThat(z.floor[0]).isLessThanOrEqualTo(z.suffixBound(false)[0][0]);
        }
        AnalysisOptions o = AnalysisOptions.defaults();
        assertThat(o.reservationStep()).isEqualTo(STEP);
        List<BlockingDemand> reported = Analyzer.analyze(s, o).blockingDemands().stream().filter(b -> b
                .kind() == BlockingDemand.Kind.RESERVATION).toList();

        assertThat(reported).hasSize(z.dims.length);
        for (int d = 0; d < z.dims.length; d++) {
            String party = s.parties().get(z.dims[d]).id();
            BlockingDemand b = reported.stream().filter(x -> x.party().equals(party)).findFirst().orElseThrow();
            double r = s.profiles().get(party).reservation();
            var oracle = new BruteForce(s.withProfile(party, s.profiles().get(party).withReservation(Math.max(0, r
                    - STEP))));
            assertThat(b.zoneWithout().orElseThrow()).as("zone with %s's reservation lowered", party).isEqualTo(
                    oracle.zone.size());
            ZoneAnalysis whole = ZoneAnalysis.of(z.withFloorLowered(d, Ticks.of(STEP)), o, true);
            assertThat(b.nashWithout().map(Solution::outcome)).as("Nash with %s's reservation lowered", party)
                    .isEqualTo(whole.solution(SolutionKind.NASH).map(Solution::outcome));
            // its value too, which is measured from the lowered reservation: by hand from the package's utilities
            if (b.nashWithout().isPresent()) {
                Solution n = b.nashWithout().get();
                assertThat(n.value()).isCloseTo(nashProduct(s, z, n, party), within(1e-9));
            }
        }
    }

    /** The Nash product of {@code n}'s utilities over the reservations, {@code lowered}'s lowered by the step. */
    private static double nashProduct(Scenario s, Instance z, Solution n, String lowered) {
        double product = 1;
        for (int dim : z.dims) {
            String id = s.parties().get(dim).id();
            double r = s.profiles().get(id).reservation() - (id.equals(lowered) ? STEP : 0);
            product *= Math.max(0, n.utilities().get(id) - r);
        }
        return product;
    }
}
