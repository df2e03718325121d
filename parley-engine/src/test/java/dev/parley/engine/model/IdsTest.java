package dev.parley.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Ids#isValid} checks by hand what {@link Ids#PATTERN}, the documented rule, says. */
class IdsTest {
    @Test
    void isValid_agreesWithThePattern_onSeededStringsOfLettersDigitsAndTheCharactersAroundThem() {
        String alphabet = "aZz09_.-/ @[`{:é\tA";
        var rnd = new SplittableRandom(20);
        int valid = 0;
        for (int n = 0; n < 20_000; n++) {
            var sb = new StringBuilder();
            for (int k = rnd.nextInt(6); k > 0; k--) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String id = sb.toString();
            boolean expected = Ids.PATTERN.matcher(id).matches();
            assertThat(Ids.isValid(id)).as("'%s'", id).isEqualTo(expected);
            valid += expected ? 1 : 0;
        }
        assertThat(valid).as("both kinds drawn").isBetween(1_000, 19_000);
        assertThat(Ids.isValid(null)).isFalse();
        assertThat(Ids.isValid("")).isFalse();
    }
}
