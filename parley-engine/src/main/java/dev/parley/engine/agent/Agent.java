package dev.parley.engine.agent;

import dev.parley.engine.protocol.Action;

/** Fills a seat: chooses an action whenever the protocol reaches it. May keep state (e.g. a seeded generator). */
@FunctionalInterface
public interface Agent {
    Action act(AgentView view);
}
