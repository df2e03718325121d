package dev.parley.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The issues of a scenario grouped by what links them: two issues named by one condition or one interaction term
 * are in the same group, and so, transitively, is every issue linked to either. Groups are listed by their smallest
 * issue, members ascending; an issue nothing links is a group of its own. Immutable.
 */
public final class IssueGroups {
    /** The most packages a group of linked issues may have (the product of its issues' option counts). */
    public static final long MAX_COMPOUND_OPTIONS = 1L << 20;

    private final int[][] members;
    private final int[] groupOf;

    private IssueGroups(int[][] members, int[] groupOf) {
        this.members = members;
        this.groupOf = groupOf;
    }

    /** Groups {@code issueCount} issues so that the issues of each link (positions) share a group. */
    public static IssueGroups of(int issueCount, List<int[]> links) {
        int[] parent = new int[issueCount];
        for (int i = 0; i < issueCount; i++) {
            parent[i] = i;
        }
        for (int[] link : links) {
            for (int j = 1; j < link.length; j++) {
                int a = root(parent, link[0]);
                int b = root(parent, link[j]);
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        int[] groupOf = new int[issueCount];
        List<List<Integer>> groups = new ArrayList<>();
        int[] groupOfRoot = new int[issueCount];
        Arrays.fill(groupOfRoot, -1);
        for (int i = 0; i < issueCount; i++) {
            int r = root(parent, i);
            if (groupOfRoot[r] < 0) { // roots are the smallest member, so groups come in order of their first
                groupOfRoot[r] = groups.size();
                groups.add(new ArrayList<>());
            }
            groupOf[i] = groupOfRoot[r];
            groups.get(groupOf[i]).add(i);
        }
        int[][] members = new int[groups.size()][];
        for (int g = 0; g < members.length; g++) {
            members[g] = groups.get(g).stream().mapToInt(Integer::intValue).toArray();
        }
        return new IssueGroups(members, groupOf);
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** How many groups there are. */
    public int count() {
        return members.length;
    }

    /** The issues of group {@code group}, ascending. */
    public int[] members(int group) {
        return members[group].clone();
    }

    /** How many issues group {@code group} has. */
    public int size(int group) {
        return members[group].length;
    }

    /** The {@code j}-th issue of group {@code group}. */
    public int member(int group, int j) {
        return members[group][j];
    }

    /** The group issue {@code issue} is in. */
    public int groupOf(int issue) {
        return groupOf[issue];
    }

    /** Whether no two issues are linked. */
    public boolean trivial() {
        return members.length == groupOf.length;
    }

    /**
     * The number of packages of group {@code group}'s issues whose option counts are {@code radix} (indexed by
     * issue), saturating at {@code Long.MAX_VALUE}.
     */
    public long options(int group, int[] radix) {
        long n = 1;
        for (int i : members[group]) {
            n = n > Long.MAX_VALUE / radix[i] ? Long.MAX_VALUE : n * radix[i];
        }
        return n;
    }

    /**
     * Writes combination {@code x} of group {@code group}'s issues (option counts {@code radix}, by issue) into
     * {@code choice}: the mixed-radix number of their options, the group's first issue most significant.
     */
    public void decode(int group, long x, int[] radix, int[] choice) {
        long rest = x;
        for (int j = members[group].length - 1; j >= 0; j--) {
            int i = members[group][j];
            choice[i] = (int) (rest % radix[i]);
            rest /= radix[i];
        }
    }

    /** The groups with more than {@link #MAX_COMPOUND_OPTIONS} combinations over option counts {@code radix}. */
    public List<Integer> overLimit(int[] radix) {
        var out = new ArrayList<Integer>();
        for (int g = 0; g < members.length; g++) {
            if (options(g, radix) > MAX_COMPOUND_OPTIONS) {
                out.add(g);
            }
        }
        return out;
    }

    /** The issue ids of group {@code group}, joined by '+', e.g. "CF+MO+AID". */
    public String name(int group, List<Issue> issues) {
        StringBuilder b = new StringBuilder();
        for (int i : members[group]) {
            b.append(b.isEmpty() ? "" : "+").append(issues.get(i).id());
        }
        return b.toString();
    }
}
