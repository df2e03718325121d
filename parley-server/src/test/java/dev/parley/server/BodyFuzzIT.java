package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The seeded mutation fuzzer of the request bodies ({@link BodyFuzzer}) against a real server: 60 mutants of each of
 * 11 bodies in 3 protocols, every answer a success or a 4xx in the one error shape, never a 500, never a Java
 * message. The long run is {@code dev.parley.bench.BodyFuzz}.
 */
class BodyFuzzIT extends HttpHarness {
    static final int PER_BODY = 60;

    @Override
    Limits limits() {
        return Limits.DEFAULTS.withMaxPublicPerMinute(Integer.MAX_VALUE).withMaxRefusedPerMinute(Integer.MAX_VALUE);
    }

    @Test
    void noMutatedBody_getsA500_orAJavaMessage() throws Exception {
        BodyFuzzer.Result r = new BodyFuzzer("http://127.0.0.1:" + server.port(), ADMIN).run(PER_BODY);
        assertThat(r.failures()).as("bodies answered badly").isEmpty();
        assertThat(r.sent()).isEqualTo(PER_BODY * BodyFuzzer.BODIES * 3);
        assertThat(r.refused()).as("mutants the decoder refused").isGreaterThan(100);
        assertThat(r.refusedBy()).hasSize(BodyFuzzer.BODIES * 3).allSatisfy((body, n) -> assertThat(n).as(
                "mutants of %s its decoder refused", body).isPositive());
        assertThat(r.accepted()).as("mutants accepted").isPositive();
    }
}
