package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.utility.UtilityTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The routes behind the web console, over HTTP: what they answer, and to whom. */
class ConsoleApiIT extends HttpHarness {
    @Test
    void catalogue_listsTheBuiltInScenarios_withoutAnyProfile() throws Exception {
        Reply r = call("GET", "/api/catalogue", null, null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode ceasefire = r.body().get("scenarios").get(0);
        assertThat(ceasefire.get("id").asText()).isEqualTo("ceasefire-2025");
        JsonNode us = ceasefire.get("protocols").get("single-text").get("seats").get(0);
        assertThat(us.get("party").asText()).isEqualTo("US");
        assertThat(us.get("role").asText()).isEqualTo("text-mediator");
        assertThat(us.get("agent").asText()).isEqualTo("hill-climb");
        assertThat(us.get("agents")).extracting(JsonNode::asText).containsExactly("hill-climb", "learning",
                "interested",
                "anneal");
        assertThat(r.body().get("protocols")).extracting(p -> p.get("id").asText()).containsExactly("single-text",
                "shuttle", "saop", "alternating", "zeuthen");
        assertThat(r.body().get("solutions")).extracting(p -> p.get("id").asText()).contains("nash",
                "kalaiSmorodinsky");
        assertThat(ceasefire.has("profiles")).isFalse();
        assertThat(r.body().toString()).doesNotContain("reservation");
        assertThat(r.body().get("agents").size()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void validate_locatesEachProblem_andCreateTakesTheSameUpload() throws Exception {
        String broken = TestJson.MAPPER.writeValueAsString(java.util.Map.of("upload", java.util.Map.of("file",
                "talks.yaml", "text", "format: parley/1\nid: t\ntitle: T\nparties: []\nissues: []\n")));
        Reply r = call("POST", "/api/validate", null, broken);
        assertThat(r.status()).isEqualTo(400);
        var details = new ArrayList<String>();
        r.body().get("details").forEach(d -> details.add(d.asText()));
        assertThat(details).contains("talks.yaml:1:1 profiles: missing; each party's preferences by party id")
                .anyMatch(d -> d.startsWith("talks.yaml:4:") && d.contains("parties"));
        assertThat(call("POST", "/api/negotiations", ADMIN, broken).body().get("details")).isEqualTo(r.body().get(
                "details"));
        Reply badName = call("POST", "/api/validate", null, "{\"upload\": {\"file\": \"talks.txt\", \"text\": \"\"}}");
        assertThat(badName.body().get("error").asText()).isEqualTo("upload.file: talks.txt is not .yaml, .yml or "
                + ".json; parley/1 files are one of these");
    }

    @Test
    void progressAssessAndZone_areTheMediatorsOnly_onceEveryProfileIsShared() throws Exception {
        JsonNode created = create("{\"scenario\": \"ceasefire-2025\", \"agents\": {\"EUR\": \"truthful\"}}");
        String id = created.get("id").asText();
        String us = created.get("tokens").get("US").asText();
        String ua = created.get("tokens").get("UA").asText();
        String base = "/api/negotiations/" + id;
        Reply early = call("GET", base + "/progress", us, null);
        assertThat(early.status()).isEqualTo(403);
        assertThat(early.body().get("error").asText()).contains("UA, RU, EUR have not shared");
        call("POST", base + "/share", ua, "{}");
        call("POST", base + "/share", created.get("tokens").get("RU").asText(), "{}");
        call("POST", base + "/seats/EUR", ADMIN, "{\"agent\": \"truthful\"}");
        assertThat(call("GET", base + "/zone", us, null).status()).isEqualTo(403); // EUR's profile is not shared
        // The organiser shares the agent's profile at creation (a person's only its delegation can); start again.
        assertThat(call("POST", "/api/negotiations", ADMIN, "{\"scenario\": \"ceasefire-2025\", \"agents\": {\"EUR\": "
                + "\"truthful\"}, \"shared\": [\"UA\", \"EUR\"]}").body().get("field").asText()).isEqualTo("shared");
        created = create("{\"scenario\": \"ceasefire-2025\", \"agents\": {\"EUR\": \"truthful\"}, \"shared\": "
                + "[\"EUR\"]}");
        id = created.get("id").asText();
        us = created.get("tokens").get("US").asText();
        ua = created.get("tokens").get("UA").asText();
        base = "/api/negotiations/" + id;
        call("POST", base + "/share", ua, "{}");
        call("POST", base + "/share", created.get("tokens").get("RU").asText(), "{}");
        for (String what : new String[]{"/progress", "/zone"}) {
            assertThat(call("GET", base + what, ua, null).status()).as(what).isEqualTo(403);
        }
        JsonNode zone = call("GET", base + "/zone?x=UA&y=EUR", us, null).body();
        assertThat(zone.get("zoneDrawn").asBoolean()).isTrue();
        assertThat(pairs(zone.get("pairFrontier"))).isEqualTo(bilateralFrontierByBruteForce("UA", "EUR"));
        JsonNode nash = zone.get("solutions").get("nash");
        assertThat(nash.get("point").get(0).asDouble()).isEqualTo(0.5805, org.assertj.core.data.Offset.offset(
                1e-9));
        assertThat(call("GET", base + "/zone?x=XX", us, null).body().get("error").asText()).startsWith("x: XX is "
                + "not a party of ceasefire-2025");
        // The assessment of Nash's package: no flag; its utilities are each party's own.
        JsonNode assessed = call("POST", base + "/assess", us, "{\"package\": " + nash.get("outcome") + "}").body();
        assertThat(assessed.get("flags").size()).isZero();
        Outcome o = dev.parley.scenario.wire.PackageJson.read(nash.get("outcome"), S.issues(), "package");
        assertThat(assessed.get("utilities").get("RU").asDouble()).isEqualTo(UtilityTable.of(S.space(), S.profiles()
                .get("RU")).utility(o.toArray()), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(call("POST", base + "/assess", us, "{\"package\": {\"CF\": \"full-30d\"}}").status()).isEqualTo(
                400);
        // Progress: the opening text, then each adopted text, with utilities and the gap.
        call("POST", base + "/moves", us, "{\"type\": \"propose\", \"text\": " + nash.get("outcome") + "}");
        call("POST", base + "/moves", ua, "{\"type\": \"vote\", \"accept\": true}");
        call("POST", base + "/moves", created.get("tokens").get("RU").asText(), "{\"type\": \"vote\", \"accept\": "
                + "true}");
        call("POST", base + "/moves", us, "{\"type\": \"vote\", \"accept\": true}");
        JsonNode rows = call("GET", base + "/progress", us, null).body().get("rows");
        var kinds = new ArrayList<String>();
        rows.forEach(row -> kinds.add(row.get("kind").asText()));
        assertThat(kinds).containsExactly("text", "text");
        assertThat(rows.get(1).get("package")).isEqualTo(nash.get("outcome"));
        assertThat(rows.get(1).get("utilities").get("UA").asDouble()).isEqualTo(0.5805, org.assertj.core.data.Offset
                .offset(1e-9));
        // Both principals accepted the adopted text, criticising nothing: they now say the same, a gap of 0.
        assertThat(rows.get(1).get("gap").asDouble()).isZero();
        assertThat(rows.get(0).get("gap").asDouble()).as("the opening: each its best package").isPositive();
    }

    /** Talks of the default scenario: the route's base and each person's token (EUR is an agent, shared). */
    private record Talks(JsonNode created, String base, String us, String ua, String ru) {
    }

    private Talks talks(String body) throws Exception {
        JsonNode created = create(body);
        JsonNode t = created.get("tokens");
        return new Talks(created, "/api/negotiations/" + created.get("id").asText(), t.get("US").asText(), t.get(
                "UA").asText(), t.get("RU").asText());
    }

    private Talks defaultTalks() throws Exception {
        return talks("{\"scenario\": \"ceasefire-2025\", \"agents\": {\"EUR\": \"truthful\"}, \"shared\": "
                + "[\"EUR\"]}");
    }

    @Test
    void aForecast_isTheMediatorsOnceEveryProfileIsShared_andGivesTheCommandLinesFigures() throws Exception {
        Talks t = defaultTalks();
        String base = t.base();
        String us = t.us();
        String ua = t.ua();
        assertThat(call("POST", base + "/forecast", us, "{\"runs\": 20}").status()).isEqualTo(403); // not shared
        shareTheDelegations(t.created());
        assertThat(call("POST", base + "/forecast", ua, "{\"runs\": 20}").status()).isEqualTo(403); // not mediator
        assertThat(call("GET", base + "/forecast", us, null).status()).isEqualTo(404);
        Reply bad = call("POST", base + "/forecast", us, "{\"runs\": 0}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asText()).isEqualTo("runs");
        Reply started = call("POST", base + "/forecast", us, "{\"runs\": 40, \"seed\": 3}");
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body().get("runs").asInt()).isEqualTo(40);
        JsonNode done = call("GET", base + "/forecast?wait=30000", us, null).body();
        assertThat(done.get("state").asText()).isEqualTo("done");
        assertThat(done.get("done").asInt()).isEqualTo(40);
        // the same draws as the engine's under the negotiation's own settings (live talks open with the middle
        // option of each issue) with the default agent in every seat, and the same seed
        JsonNode forecast = done.get("forecast");
        var settings = dev.parley.engine.protocol.Settings.defaults(S).withOpening(java.util.Optional.of(
                dev.parley.engine.protocol.SingleText.publicOpening(S)));
        var plan = new dev.parley.engine.forecast.Forecast.Plan(settings, dev.parley.engine.session.Seating.defaults(
                settings.create(S)), 40, 3);
        long agreed = dev.parley.engine.forecast.Forecast.runs(S, plan, Runnable::run, n -> {
        }).stream().filter(dev.parley.engine.forecast.Forecast.Run::agreed).count();
        assertThat(forecast.get("agreement").get("count").asLong()).isEqualTo(agreed);
        assertThat(forecast.get("runs").asInt()).isEqualTo(40);
        assertThat(call("POST", base + "/forecast/cancel", us, "{}").body().get("state").asText()).isEqualTo("done");
        assertThat(call("GET", base + "/forecast?wait=x", us, null).status()).isEqualTo(400);
    }

    @Test
    void aForecast_canBeCancelled() throws Exception {
        Talks t = defaultTalks();
        String base = t.base();
        String us = t.us();
        shareTheDelegations(t.created());
        // 20,000 draws take many seconds here; the requests below take milliseconds
        assertThat(call("POST", base + "/forecast", us, "{\"runs\": 20000}").status()).isEqualTo(202);
        Reply twice = call("POST", base + "/forecast", us, "{\"runs\": 10}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().get("error").asText()).contains("is running");
        assertThat(call("POST", base + "/forecast/cancel", us, "{}").body().get("runs").asInt()).isEqualTo(20000);
        JsonNode after = call("GET", base + "/forecast?wait=30000", us, null).body();
        assertThat(after.get("state").asText()).isEqualTo("cancelled");
        assertThat(after.get("done").asInt()).isLessThan(20000);
        assertThat(after.has("forecast")).isFalse();
        // once it has stopped, another may start
        assertThat(call("POST", base + "/forecast", us, "{\"runs\": 5}").status()).isEqualTo(202);
        assertThat(call("GET", base + "/forecast?wait=30000", us, null).body().get("state").asText()).isEqualTo(
                "done");
    }

    /** With one principal and a party that has no profile, the zone's axes are the parties that have one. */
    @Test
    void zone_drawsOnlyPartiesWithAProfile() throws Exception {
        String scenario = "{\"format\": \"parley/1\", \"id\": \"small\", \"parties\": [{\"id\": \"A\", "
                + "\"role\": \"principal\"}, {\"id\": \"O\", \"role\": \"stakeholder\", \"ratifies\": false}, "
                + "{\"id\": \"M\", \"role\": \"mediator\"}], \"issues\": [{\"id\": \"I\", \"options\": "
                + "[\"a\", \"b\"]}], \"profiles\": {\"A\": {\"reservation\": 0, \"weights\": {\"I\": 1}, "
                + "\"values\": {\"I\": [1, 0]}}, \"M\": {\"reservation\": 0, \"weights\": {\"I\": 1}, "
                + "\"values\": {\"I\": [0, 1]}}}}";
        JsonNode created = create("{\"scenario\": " + scenario + ", \"protocol\": \"single-text\"}");
        String base = "/api/negotiations/" + created.get("id").asText();
        String m = created.get("tokens").get("M").asText();
        assertThat(call("POST", base + "/share", created.get("tokens").get("A").asText(), "{}").status())
                .isEqualTo(200);
        Reply zone = call("GET", base + "/zone", m, null);
        assertThat(zone.status()).as(String.valueOf(zone.body())).isEqualTo(200);
        assertThat(zone.body().get("x").asText()).isEqualTo("A");
        assertThat(zone.body().get("y").asText()).isEqualTo("M");
        assertThat(zone.body().get("parties")).hasSize(2);
        Reply o = call("GET", base + "/zone?x=O", m, null);
        assertThat(o.status()).isEqualTo(400);
        assertThat(o.body().get("error").asText()).isEqualTo("x: O has no profile, so no utilities to draw (parties "
                + "with a profile: A, M)");
    }

    @Test
    void progress_inTheOfferProtocols_measuresTheGapBetweenThePrincipalsPositions() throws Exception {
        Talks t = talks("{\"scenario\": \"ceasefire-2025\", \"protocol\": \"saop\", \"agents\": {\"EUR\": "
                + "\"boulware\"}, \"shared\": [\"EUR\"]}");
        String base = t.base();
        shareTheDelegations(t.created());
        String us = t.us();
        JsonNode offer = TestJson.MAPPER.readTree("{\"CF\": \"full-30d\", \"KU\": \"corridor\", \"TR\": "
                + "\"de-facto-line\", \"MO\": \"mutual-pause\", \"AID\": \"us-pause-europe-continues\", \"PK\": "
                + "\"neutral-monitors\", \"SG\": \"binding-us-europe\", \"NATO\": \"neutrality\", \"SAN\": "
                + "\"phased-with-snapback\"}");
        Reply moved = call("POST", base + "/moves", t.ua(), "{\"type\": \"offer\", "
                + "\"package\": " + offer + "}");
        assertThat(moved.status()).as(String.valueOf(moved.body())).isEqualTo(200);
        JsonNode rows = call("GET", base + "/progress", us, null).body().get("rows");
        JsonNode row = rows.get(rows.size() - 1);
        assertThat(row.get("kind").asText()).isEqualTo("offer");
        assertThat(row.get("party").asText()).isEqualTo("UA");
        double expected = dev.parley.engine.analysis.Picture
                .gap(S, java.util.Map.of("UA", dev.parley.scenario.wire.PackageJson.read(offer,
                        S.issues(), "package")))
                .orElseThrow();
        assertThat(row.get("gap").asDouble()).isEqualTo(expected, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(expected).isBetween(0.0, 1.0).isNotZero();
    }

    /** A list of [x, y] points as a set of pairs rounded to 1e-9. */
    static java.util.Set<java.util.List<Long>> pairs(JsonNode points) {
        var out = new java.util.HashSet<java.util.List<Long>>();
        points.forEach(p -> out.add(java.util.List.of(Math.round(p.get(0).asDouble() * 1e9), Math.round(p.get(1)
                .asDouble() * 1e9))));
        return out;
    }

    @Test
    void suggestion_isTheStancesBestAmongTheTextsNoRatifyingPartyValuesLess_byBruteForce() throws Exception {
        Talks t = defaultTalks();
        String base = t.base();
        String us = t.us();
        String ua = t.ua();
        assertThat(call("GET", base + "/suggestion", us, null).status()).isEqualTo(403); // not every profile shared
        shareTheDelegations(t.created());
        assertThat(call("GET", base + "/suggestion", ua, null).status()).isEqualTo(403); // the mediator's only
        Reply bad = call("GET", base + "/suggestion?stance=partial", us, null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asText()).isEqualTo("stance");

        JsonNode neutral = call("GET", base + "/suggestion", us, null).body();
        assertThat(neutral.get("stance").asText()).isEqualTo("neutral");
        Outcome current = dev.parley.scenario.wire.PackageJson.read(neutral.get("current"), S.issues(), "current");
        Outcome step = dev.parley.scenario.wire.PackageJson.read(neutral.get("step"), S.issues(), "step");
        assertThat(neutral.get("suggestion")).isEqualTo(neutral.get("step"));
        assertThat(neutral.get("assessment").get("utilities").get("UA").asDouble()).isEqualTo(utility("UA", step),
                org.assertj.core.data.Offset.offset(1e-12));
        double[] best = bestNoWorseThan(current);
        assertThat(gainProduct(step, current)).isEqualTo(best[0], org.assertj.core.data.Offset.offset(1e-9));
        JsonNode interested = call("GET", base + "/suggestion?stance=interested", us, null).body();
        Outcome own = dev.parley.scenario.wire.PackageJson.read(interested.get("step"), S.issues(), "step");
        assertThat(utility("US", own)).isEqualTo(best[1], org.assertj.core.data.Offset.offset(1e-9));
        // The aim: the zone's Nash package, as the zone draws it.
        JsonNode nash = call("GET", base + "/zone", us, null).body().get("solutions").get("nash").get("outcome");
        assertThat(neutral.get("aim")).isEqualTo(nash);
    }

    private static double utility(String party, Outcome o) {
        return S.profiles().get(party).utility(o.toArray());
    }

    /** Π (u_p(o) − max(r_p, u_p(from))) over the ratifying parties: the gains over the text or the reservation. */
    private static double gainProduct(Outcome o, Outcome from) {
        double product = 1;
        for (var p : S.ratifyingParties()) {
            product *= utility(p.id(), o) - Math.max(S.profiles().get(p.id()).reservation(), utility(p.id(), from));
        }
        return product;
    }

    /**
     * Over every package that every ratifying party can sign (no red line or condition broken, its reservation
     * reached) and values at least as much as {@code from}: the largest product of their gains over {@code from}, and
     * the mediator US's largest utility.
     */
    private static double[] bestNoWorseThan(Outcome from) {
        double product = 0;
        double own = 0;
        int[] c = new int[S.issues().size()];
        do {
            boolean ok = true;
            for (var p : S.ratifyingParties()) {
                var profile = S.profiles().get(p.id());
                double u = profile.utility(c);
                ok &= profile.accepts(c) && u >= profile.reservation() - 1e-9 && u >= utility(p.id(), from) - 1e-9;
            }
            if (ok) {
                product = Math.max(product, gainProduct(Outcome.of(c.clone()), from));
                own = Math.max(own, utility("US", Outcome.of(c.clone())));
            }
        } while (S.space().increment(c));
        assertThat(product).as("some package beats the opening for everyone").isPositive();
        return new double[]{product, own};
    }

    /**
     * The two parties' own Pareto frontier, by walking every outcome: those within both parties' red lines and
     * reservations, then the pairs of utilities no other such pair dominates. Shares no code with the engine's.
     */
    static java.util.Set<java.util.List<Long>> bilateralFrontierByBruteForce(String x, String y) {
        UtilityTable ux = UtilityTable.of(S.space(), S.profiles().get(x));
        UtilityTable uy = UtilityTable.of(S.space(), S.profiles().get(y));
        double rx = S.profiles().get(x).reservation();
        double ry = S.profiles().get(y).reservation();
        var zone = new java.util.HashSet<java.util.List<Long>>();
        int[] c = new int[S.issues().size()];
        do {
            boolean red = false;
            for (int i = 0; i < c.length; i++) {
                red |= S.profiles().get(x).isRedLine(i, c[i]) || S.profiles().get(y).isRedLine(i, c[i]);
            }
            double a = ux.utility(c);
            double b = uy.utility(c);
            if (!red && a >= rx - 1e-9 && b >= ry - 1e-9) {
                zone.add(java.util.List.of(Math.round(a * 1e9), Math.round(b * 1e9)));
            }
        } while (S.space().increment(c));
        var frontier = new java.util.HashSet<java.util.List<Long>>();
        var sorted = new java.util.ArrayList<>(zone);
        sorted.sort((p, q) -> p.get(0).equals(q.get(0))
                ? Long.compare(q.get(1), p.get(1))
                : Long.compare(q.get(0),
                        p.get(0)));
        long best = Long.MIN_VALUE;
        for (var p : sorted) { // by x descending: a point is on the frontier when its y beats every larger x's
            if (p.get(1) > best) {
                frontier.add(p);
                best = p.get(1);
            }
        }
        assertThat(frontier).hasSizeGreaterThan(1);
        return frontier;
    }
}
