package dev.parley.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.session.Session;
import java.util.HashSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The could-sign voter against its rule, read off the scenario's profiles (not the voter's view): on random
 * proposals over seeded random scenarios with red lines, it accepts exactly the texts that reach its reservation and
 * break none of its red lines, whether or not it is better than the opening, and criticises every issue where the
 * text falls short of its best, costliest first.
 */
class CouldSignVoterTest {
    @Test
    void votes_whetherItCouldSign() {
        int accepted = 0;
        int rejected = 0;
        for (long seed = 1; seed <= 20; seed++) {
            var random = new SplittableRandom(seed);
            Scenario s = RandomScenarios.generate(random, new RandomScenarios.Settings(3, 4, 2, 5, 4, 0.4, 0.1));
            Protocol p = Settings.defaults(s).withKind(ProtocolKind.SINGLE_TEXT).create(s);
            int[] counts = votes(s, p, random);
            accepted += counts[0];
            rejected += counts[1];
        }
        // Not vacuous: both answers came up over the proposals.
        assertThat(accepted).isPositive();
        assertThat(rejected).isPositive();
    }

    /**
     * Every issue where the package falls short of the party's best option there (its best package, red lines
     * aside: these scenarios have no conditions), costliest first, ties to the earlier issue; a red line broken costs
     * 1 more. Worked out from the profile.
     */
    private static java.util.List<String> costliestFirst(Scenario s, Profile truth, int[] c) {
        int n = c.length;
        double[] loss = new double[n];
        var issues = new java.util.ArrayList<Integer>();
        for (int i = 0; i < n; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int o = 0; o < s.issues().get(i).size(); o++) {
                if (!truth.isRedLine(i, o)) {
                    best = Math.max(best, truth.weight(i) * truth.value(i, o));
                }
            }
            loss[i] = best - truth.weight(i) * truth.value(i, c[i]) + (truth.isRedLine(i, c[i]) ? 1 : 0);
            if (loss[i] > 1e-9) {
                issues.add(i);
            }
        }
        issues.sort((a, b) -> loss[a] == loss[b] ? Integer.compare(a, b) : Double.compare(loss[b], loss[a]));
        return issues.stream().map(i -> s.issues().get(i).id()).toList();
    }

    /** Votes on 40 random proposals, each checked; how many accepted and how many rejected. */
    private static int[] votes(Scenario s, Protocol p, SplittableRandom random) {
        int accepted = 0;
        int rejected = 0;
        for (int k = 0; k < 40; k++) {
            var session = new Session(s, p);
            String mediator = session.toMove().get(0);
            int[] proposal = new int[s.issues().size()];
            for (int i = 0; i < proposal.length; i++) {
                proposal[i] = random.nextInt(s.issues().get(i).size());
            }
            Outcome text = session.state().currentText().orElseThrow();
            if (Outcome.of(proposal).equals(text)) {
                continue;
            }
            session.move(mediator, new Action.Propose(Outcome.of(proposal)));
            for (String voter : session.toMove()) {
                if (voter.equals(mediator)) {
                    continue;
                }
                Profile truth = s.profiles().get(voter);
                var vote = (Action.Vote) new CouldSignVoter().act(session.view(voter));
                boolean couldSign = truth.accepts(proposal) && truth.utility(proposal) >= truth.reservation() - 1e-9;
                assertThat(vote.accept()).as("%s on %s", voter, Outcome.of(proposal)).isEqualTo(couldSign);
                assertThat(new HashSet<>(vote.objections())).hasSameSizeAs(vote.objections());
                assertThat(vote.objections()).as("%s criticises", voter).isEqualTo(costliestFirst(s, truth,
                        proposal));
                accepted += couldSign ? 1 : 0;
                rejected += couldSign ? 0 : 1;
            }
        }
        return new int[]{accepted, rejected};
    }
}
