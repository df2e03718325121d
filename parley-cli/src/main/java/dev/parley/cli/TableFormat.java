package dev.parley.cli;

/**
 * The {@code --format} of commands whose result is also a table: readable text, one JSON document, or CSV (the
 * table alone) on stdout.
 */
enum TableFormat {
    TEXT, JSON, CSV
}
