package dev.parley.cli;

/** The {@code --format} of commands that print a result: readable text, or one JSON document on stdout. */
enum OutputFormat {
    TEXT, JSON
}
