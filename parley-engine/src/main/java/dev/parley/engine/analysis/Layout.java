package dev.parley.engine.analysis;

import dev.parley.engine.ParleyException;
import dev.parley.engine.model.IssueGroups;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the analysis sees a scenario's issues: issues linked by some party's hard condition or interaction term are
 * merged into one compound issue (a slot) whose options are their combinations, so that every party's utility is a
 * sum over slots and every red line and condition a restriction on one slot. The per-issue algorithms then run
 * unchanged over slots. Slots come in the order of their first issue; a combination's index is the mixed-radix
 * number of its issues' options, first issue most significant. Without links every issue is a slot of its own and
 * a slot option is the issue's option. Immutable.
 */
final class Layout {
    final IssueGroups groups;
    /** Per slot: how many combinations it has. */
    final int[] radix;
    /** Whether slot order and combination order keep the order of scenario outcome indices (groups contiguous). */
    final boolean ordered;
    private final int[] issueRadix;
    /** Per scenario issue: the place value of its option within its slot's combination index. */
    private final int[] strideIn;

    private Layout(IssueGroups groups, int[] issueRadix) {
        this.groups = groups;
        this.issueRadix = issueRadix;
        this.radix = new int[groups.count()];
        this.strideIn = new int[issueRadix.length];
        boolean contiguous = true;
        for (int g = 0; g < radix.length; g++) {
            int stride = 1;
            for (int j = groups.size(g) - 1; j >= 0; j--) {
                int i = groups.member(g, j);
                strideIn[i] = stride;
                stride *= issueRadix[i];
            }
            radix[g] = stride;
            contiguous &= groups.member(g, groups.size(g) - 1) - groups.member(g, 0) + 1 == groups.size(g);
        }
        this.ordered = contiguous;
    }

    /**
     * The layout of {@code s}, linking issues by every profile's conditions and interaction terms.
     *
     * @throws ParleyException when linked issues have more combinations than {@link IssueGroups#MAX_COMPOUND_OPTIONS}
     */
    static Layout of(Scenario s) {
        List<int[]> links = new ArrayList<>();
        for (Profile p : s.profiles().values()) {
            links.addAll(p.links());
        }
        int[] radix = s.issues().stream().mapToInt(dev.parley.engine.model.Issue::size).toArray();
        IssueGroups groups = IssueGroups.of(radix.length, links);
        for (int g : groups.overLimit(radix).stream().limit(1).toList()) { // the first group over the limit
            throw new ParleyException(String.format(Locale.ROOT, "scenario %s: conditions and interaction terms "
                    + "link issues %s into %,d combinations, more than the %,d the exact analysis takes", s.id(),
                    groups.name(g, s.issues()), groups.options(g, radix), IssueGroups.MAX_COMPOUND_OPTIONS));
        }
        return new Layout(groups, radix);
    }

    int slots() {
        return radix.length;
    }

    /** Whether every slot is one issue. */
    boolean trivial() {
        return groups.trivial();
    }

    /** Scenario issue {@code issue}'s option in combination {@code combination} of the issue's slot. */
    int option(int issue, int combination) {
        return combination / strideIn[issue] % issueRadix[issue];
    }

    /** Writes the scenario options of slot choice {@code slotChoice} into {@code choice}. */
    void decode(int[] slotChoice, int[] choice) {
        for (int i = 0; i < choice.length; i++) {
            choice[i] = option(i, slotChoice[groups.groupOf(i)]);
        }
    }

    int[] decode(int[] slotChoice) {
        int[] choice = new int[issueRadix.length];
        decode(slotChoice, choice);
        return choice;
    }

    /** The slot choice of scenario outcome {@code choice}. */
    int[] encode(int[] choice) {
        int[] slot = new int[radix.length];
        for (int i = 0; i < choice.length; i++) {
            slot[groups.groupOf(i)] += choice[i] * strideIn[i];
        }
        return slot;
    }

    /** Writes the scenario options of combination {@code combination} of slot {@code slot} into {@code choice}. */
    void decodeSlot(int slot, int combination, int[] choice) {
        for (int j = 0; j < groups.size(slot); j++) {
            int i = groups.member(slot, j);
            choice[i] = option(i, combination);
        }
    }
}
