package dev.parley.scenario.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.tournament.Result;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionsCsvTest {
    static Result result(String detail, Optional<String> deal, double nps) {
        return new Result(7, "ceasefire-2025|saop|a,b|-|0", "ceasefire-2025", "saop", Optional.of("hill-climb"), 0,
                -42, Result.Status.AGREED, deal, detail, Optional.of("UA"), Optional.of("conceder:e=3"), 12, nps, 0.25,
                Double.NaN, 1.5, -0.125,
                List.of(new Result.Seat("UA", "conceder:e=3", 0.6, 0.5), new Result.Seat("RU", "boulware", 0.7,
                        0.25)));
    }

    @Test
    void aLine_readsBackAsWritten_quotesCommasAndLineBreaksIncluded() {
        Result r = result("said \"no\", then\nleft", Optional.of("CF=full-30d,KU=corridor"), 0.5);
        String line = SessionsCsv.row(r, 3);
        assertThat(line).endsWith("\n").doesNotContain("\r").hasLineCount(1);
        Result back = SessionsCsv.parse(line.substring(0, line.length() - 1), 3);
        assertThat(back).isEqualTo(result("said \"no\", then left", Optional.of("CF=full-30d,KU=corridor"), 0.5));
        assertThat(SessionsCsv.columns(3)).hasSize(18 + 12);
    }

    @Test
    void figures_areExactTo12Decimals_andNaNIsEmpty() {
        String line = SessionsCsv.row(result("", Optional.empty(), 0.1 + 0.2), 2);
        assertThat(Csv.parse(line.strip()).get(10)).isEqualTo("0.3");
        assertThat(Csv.parse(line.strip()).get(12)).isEmpty();
    }

    @Test
    void aLineCutShort_isRefused() {
        String line = SessionsCsv.row(result("x", Optional.of("CF=a,KU=b"), 1), 2);
        assertThatThrownBy(() -> SessionsCsv.parse(line.substring(0, 40), 2)).isInstanceOf(
                IllegalArgumentException.class);
    }
}
