package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;

/** Runs the command line in-process with captured output, as a test would from a shell. */
record Cli(int exitCode, String out, String err) {
    /** The tests' JSON reader and writer. */
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    static Cli run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cl = ParleyCommand.commandLine(out, err, args);
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return new Cli(code, out.toString(), err.toString());
    }

    /** The output as one JSON document, once the command has succeeded. */
    JsonNode json() throws IOException {
        assertThat(exitCode).as(err).isZero();
        return MAPPER.readTree(out);
    }
}
