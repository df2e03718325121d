package dev.parley.cli;

import dev.parley.engine.agent.Agents;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.SeatRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * The help of the commands that hold talks ({@code run}, {@code forecast}): each protocol and each agent in one line,
 * read from the engine's own lists (ProtocolKind, the agent catalogue), so the help names every one there is. Stateless.
 */
final class TalksHelp {
    private TalksHelp() {
    }

    /** Adds the protocols and the agents, by seat role, to the help of {@code command}, before its footer. */
    static void addTo(CommandLine command) {
        var usage = command.getCommandSpec().usageMessage();
        var lines = new ArrayList<>(lines(usage.width()));
        lines.addAll(List.of(usage.footer()));
        usage.footer(lines.toArray(String[]::new));
    }

    /**
     * The protocols, then for each seat role the agents that fit it (its default marked), each wrapped to {@code
     * width} columns under its text.
     */
    static List<String> lines(int width) {
        var out = new ArrayList<String>();
        out.add("%nProtocols (--protocol):");
        for (ProtocolKind k : ProtocolKind.values()) {
            wrap(out, String.format(Locale.ROOT, "  %-13s", k.id()), k.description() + ".", width);
        }
        out.add("%nAgents (--seats PARTY=AGENT, a parameter as AGENT:KEY=VALUE), by the seats they fit:");
        for (SeatRole role : SeatRole.values()) {
            String fallback = Agents.defaultFor(role);
            wrap(out, "  ", role.id() + ", the seat that " + role.description() + ":", width);
            for (Agents.Entry e : Agents.catalogue()) {
                if (e.fits().contains(role)) {
                    wrap(out, String.format(Locale.ROOT, "    %-17s", e.name()), e.description() + parameters(e)
                            + (e.name().equals(fallback) ? " (the default)" : ""), width);
                }
            }
        }
        return out;
    }

    /** ", parameters: e (default 0.2)" for an agent that takes any. */
    private static String parameters(Agents.Entry e) {
        if (e.parameters().isEmpty()) {
            return "";
        }
        var parts = new ArrayList<String>();
        e.parameters().forEach((k, v) -> parts.add(k + " (default "
                + new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString() + ")"));
        return "; parameters: " + String.join(", ", parts);
    }

    /** {@code text} after {@code lead} on the first line and under it on the others, at most {@code width} wide. */
    private static void wrap(List<String> out, String lead, String text, int width) {
        String indent = " ".repeat(lead.length());
        var line = new StringBuilder(lead);
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (!empty && line.length() + 1 + word.length() > width - 1) {
                out.add(escape(line.toString()));
                line = new StringBuilder(indent);
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        out.add(escape(line.toString()));
    }

    /** Picocli reads % in help text as a format: a literal one is written twice. */
    private static String escape(String text) {
        return text.replace("%", "%%");
    }
}
