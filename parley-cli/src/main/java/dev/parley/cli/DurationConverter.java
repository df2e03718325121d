package dev.parley.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A duration as people write it: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}. */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return dev.parley.scenario.Durations.parse(value).orElseThrow(() -> new TypeConversionException("'" + value
                + "' is not a duration: write e.g. 500ms, 30s, 5m or 1h"));
    }
}
