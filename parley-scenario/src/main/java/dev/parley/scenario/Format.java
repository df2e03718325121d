package dev.parley.scenario;

import java.util.Locale;
import java.util.Optional;

/** The two spellings of {@code parley/1}: the same tree written as YAML or as JSON. */
public enum Format {
    YAML("yaml"), JSON("json");

    private final String id;

    Format(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The format a file name's extension says: {@code .yaml}, {@code .yml} or {@code .json}, any case. */
    public static Optional<Format> byFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return Optional.of(YAML);
        }
        if (name.endsWith(".json")) {
            return Optional.of(JSON);
        }
        return Optional.empty();
    }

    /** The format named {@code id} ({@code yaml} or {@code json}). */
    public static Optional<Format> byId(String id) {
        for (Format f : values()) {
            if (f.id.equalsIgnoreCase(id)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
