package dev.parley.scenario.genius;

import dev.parley.scenario.Problem;
import dev.parley.scenario.genius.Xml.Element;
import java.util.List;
import java.util.Optional;

/** What the GENIUS readers share: the findings of the import and shorthands that record problems in them. */
abstract class Reader {
    protected final Findings f;
    protected final List<Problem> problems;
    protected final List<String> notes;

    Reader(Findings findings) {
        this.f = findings;
        this.problems = findings.problems;
        this.notes = findings.notes;
    }

    protected void problem(String file, Element e, String where, String message) {
        f.problem(file, e, where, message);
    }

    protected Optional<Integer> integer(Element e, String key, String file, String where) {
        return f.integer(e, key, file, where);
    }

    protected Optional<Double> parse(String text, String file, Element e, String where, String key) {
        return f.parse(text, file, e, where, key);
    }
}
