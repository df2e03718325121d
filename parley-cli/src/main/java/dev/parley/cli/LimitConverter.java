package dev.parley.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A count of rows to list, or {@code all} ({@link Long#MAX_VALUE}). */
final class LimitConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        if (value.equals("all")) {
            return Long.MAX_VALUE;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new TypeConversionException("'" + value + "' is not a count: write 0 or more, or all");
    }
}
