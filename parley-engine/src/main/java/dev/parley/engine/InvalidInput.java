package dev.parley.engine;

import java.util.Optional;

/**
 * Input that names something Parley cannot use: an unknown protocol or agent, a setting out of range, a seat that
 * does not exist. It names the field at fault where there is one (e.g. {@code protocol}, {@code seats.UA}), so the
 * command line can say which option and the API which field.
 */
public class InvalidInput extends ParleyException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field at fault, as the caller named it; empty when the problem is not one field's. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
