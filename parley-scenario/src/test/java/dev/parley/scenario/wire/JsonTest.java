package dev.parley.scenario.wire;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.InvalidInput;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void aBodyOverALimit_isNamedInOurWords_withoutTheLibrarysInternals() {
        String deep = "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000);
        assertThatThrownBy(() -> Json.read("body", deep)).isInstanceOf(InvalidInput.class).hasMessage("body: over a "
                + "limit: Document nesting depth (65) exceeds the maximum allowed (64)");
        assertThatThrownBy(() -> Json.read("body", "[".repeat(5_000))).hasMessageNotContaining("StreamReadConstraints");
        assertThatThrownBy(() -> Json.read("body", "{\"n\": " + "9".repeat(5_000) + "}")).hasMessage("body: over a "
                + "limit: Number value length (5000) exceeds the maximum allowed (64)");
    }
}
