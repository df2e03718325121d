package dev.parley.cli;

import dev.parley.engine.ParleyException;

/** The command line asks for something that cannot be done as asked; exit code 2. */
final class UsageException extends ParleyException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
