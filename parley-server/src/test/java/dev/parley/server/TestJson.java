package dev.parley.server;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain JSON mapper for tests: reading what the server sent, independently of the code under test. */
final class TestJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private TestJson() {
    }
}
