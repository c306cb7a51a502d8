package org.uncac.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.uncac.systemtests.SuiteClient.LIST;
import static org.uncac.systemtests.SuiteClient.MAP;

/**
 * The directory of competent national authorities through the gateway: designation, update and withdrawal
 * by the secretariat and by States for their own State, history, coverage as at dates and as recorded by an
 * instant, series, the stale list and the CSV export.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuthoritiesContract {

    private SuiteClient api;
    private WebTestClient gateway;
    private String secretariat;

    protected abstract RunningSuite suite();

    @BeforeAll
    void connect() {
        api = SuiteClient.connect(suite());
        gateway = api.gateway;
        secretariat = api.secretariat;
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/directory/states-parties?asAt=2025-12-31", LIST).size() >= 192);
    }

    private static Map<String, Object> authority(String state, String type, String name, String effective) {
        Map<String, Object> body = new HashMap<>();
        body.put("stateCode", state);
        body.put("type", type);
        body.put("name", name);
        body.put("effective", effective);
        body.put("contacts", List.of(Map.of("name", "Jane Doe", "title", "Head of unit", "email", "jane@example.org",
                "phone", "+43 1 000")));
        body.put("languages", List.of("en", "de"));
        body.put("channels", List.of("direct transmission", "INTERPOL"));
        body.put("requirements", "Requests in writing; urgent requests by e-mail, confirmed in writing.");
        body.put("checklist", List.of("Identity of the requesting authority", "Summary of the facts"));
        body.put("postalAddress", "Museumstrasse 7, 1070 Vienna");
        return body;
    }

    private String designate(String token, Map<String, Object> body) {
        Map<String, Object> created = api.post(token, "/api/directory/authorities", body).expectStatus().isCreated()
                .expectBody(MAP).returnResult().getResponseBody();
        return (String) created.get("id");
    }

    private Map<String, Object> coverage(String query) {
        return api.get("/api/directory/coverage?" + query, MAP);
    }

    @SuppressWarnings("unchecked")
    private static int byType(Map<String, Object> coverage, String type) {
        return ((Number) ((Map<String, Object>) coverage.get("byType")).get(type)).intValue();
    }

    @Test
    void theSecretariatDesignatesAndEverybodyReadsTheEntry() {
        String id = designate(secretariat, authority("AUT", "MUTUAL_LEGAL_ASSISTANCE", "Federal Ministry of Justice", "2017-06-20"));
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.get().uri("/api/directory/authorities/" + id)
                .headers(h -> h.setBearerAuth(secretariat)).exchange().returnResult(String.class).getStatus().is2xxSuccessful());
        Map<String, Object> entry = api.get("/api/directory/authorities/" + id, MAP);
        assertThat(entry).containsEntry("stateCode", "AUT").containsEntry("type", "MUTUAL_LEGAL_ASSISTANCE")
                .containsEntry("status", "IN_FORCE").containsEntry("name", "Federal Ministry of Justice")
                .containsEntry("inForceSince", "2017-06-20").containsEntry("lastSource", "SECRETARIAT");
        assertThat(entry.get("languages")).isEqualTo(List.of("en", "de"));
        assertThat(api.get("/api/directory/authorities/" + id + "?asAt=2017-01-01", MAP)).containsEntry("status", "NOT_YET_IN_FORCE");

        String chair = Api.token(gateway, "chair", "chair-secret");
        gateway.get().uri("/api/directory/authorities?stateCode=AUT&type=MUTUAL_LEGAL_ASSISTANCE&language=de")
                .headers(h -> h.setBearerAuth(chair)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + id + "')]").exists();
        assertThat(api.get("/api/directory/authorities?stateCode=AUT&language=fr", LIST)).noneMatch(a -> a.get("id").equals(id));
        assertThat(api.get("/api/directory/authorities?stateCode=AUT&asAt=2017-06-19", LIST)).noneMatch(a -> a.get("id").equals(id));
        gateway.get().uri("/api/directory/authorities/no-such-id").headers(h -> h.setBearerAuth(secretariat)).exchange()
                .expectStatus().isNotFound().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aStateKeepsItsOwnEntriesAndOnlyThose() {
        String belgium = designate(secretariat, authority("BEL", "EXTRADITION", "FPS Justice", "2018-01-01"));
        String austria = Api.stateToken(gateway, secretariat, "AUT");

        String own = designate(austria, authority("AUT", "ASSET_RECOVERY", "Asset Recovery Office", "2019-03-01"));
        api.post(austria, "/api/directory/authorities", authority("BEL", "ASSET_RECOVERY", "Not ours", "2019-03-01"))
                .expectStatus().isForbidden().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        api.post(austria, "/api/directory/authorities/" + belgium + "/withdrawal", Map.of("effective", "2020-01-01"))
                .expectStatus().isForbidden();
        Map<String, Object> update = new HashMap<>(authority("AUT", "ASSET_RECOVERY", "Asset Recovery Office", "2020-01-01"));
        update.remove("stateCode");
        update.remove("type");
        update.put("contacts", List.of(Map.of("name", "John Roe", "email", "john@example.org")));
        api.post(austria, "/api/directory/authorities/" + belgium + "/updates", update).expectStatus().isForbidden();
        api.post(austria, "/api/directory/authorities/" + own + "/updates", update).expectStatus().isOk();
        api.post(austria, "/api/directory/authorities/" + own + "/withdrawal", Map.of("effective", "2021-01-01")).expectStatus().isOk();
        // the chair reads but does not write
        api.post(Api.token(gateway, "chair", "chair-secret"), "/api/directory/authorities",
                authority("AUT", "PREVENTION", "x", "2019-01-01")).expectStatus().isForbidden();

        await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/directory/authorities/" + own + "/history", LIST).size() == 3);
        List<Map<String, Object>> history = api.get("/api/directory/authorities/" + own + "/history", LIST);
        assertThat(history).extracting(h -> h.get("change")).containsExactly("DESIGNATED", "UPDATED", "WITHDRAWN");
        assertThat(history).extracting(h -> h.get("effective")).containsExactly("2019-03-01", "2020-01-01", "2021-01-01");
        assertThat(history).allSatisfy(h -> {
            assertThat(h.get("source")).isEqualTo("STATE");
            assertThat((String) h.get("recordedBy")).startsWith("AUT:aut-");
            assertThat(Instant.parse((String) h.get("recordedAt"))).isBefore(Instant.now().plusSeconds(1));
        });
        assertThat(history.get(1).get("changedFields")).isEqualTo(List.of("contacts"));
        assertThat(api.get("/api/directory/authorities/" + own, MAP)).containsEntry("status", "WITHDRAWN")
                .containsEntry("withdrawnFrom", "2021-01-01");
        assertThat(api.get("/api/directory/authorities/" + own + "?asAt=2020-06-01", MAP)).containsEntry("status", "IN_FORCE");
    }

    @Test
    void withdrawalsAndUpdatesFollowTheRules() {
        String id = designate(secretariat, authority("CAN", "PREVENTION", "Office of the Commissioner", "2015-05-01"));
        api.post(secretariat, "/api/directory/authorities/no-such-id/withdrawal", Map.of("effective", "2020-01-01"))
                .expectStatus().isNotFound().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        api.post(secretariat, "/api/directory/authorities/" + id + "/withdrawal", Map.of("effective", "2014-01-01"))
                .expectStatus().isEqualTo(422).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        api.post(secretariat, "/api/directory/authorities/" + id + "/withdrawal", Map.of("effective", "2020-01-01"))
                .expectStatus().isOk();
        api.post(secretariat, "/api/directory/authorities/" + id + "/withdrawal", Map.of("effective", "2021-01-01"))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.status").isEqualTo(409);
        Map<String, Object> update = new HashMap<>(authority("CAN", "PREVENTION", "Renamed", "2021-01-01"));
        update.remove("stateCode");
        update.remove("type");
        api.post(secretariat, "/api/directory/authorities/" + id + "/updates", update).expectStatus().isEqualTo(409);
    }

    @Test
    void badInputIsA4xxProblemNamingTheField() {
        Map<String, Object> body = new HashMap<>(authority("AUT", "WIZARDRY", "x", "2017-06-20"));
        api.post(secretariat, "/api/directory/authorities", body).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        body = new HashMap<>(authority("AUT", "PREVENTION", "x", "2017-13-20"));
        api.post(secretariat, "/api/directory/authorities", body).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("effective");
        body = new HashMap<>(authority("AUT", "PREVENTION", "x", "2017-06-20"));
        body.remove("name");
        api.post(secretariat, "/api/directory/authorities", body).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        body = new HashMap<>(authority("AUT", "PREVENTION", "x", "2017-06-20"));
        body.put("contacts", List.of(Map.of("name", "A", "email", "not-an-email")));
        api.post(secretariat, "/api/directory/authorities", body).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("contacts[0].email");
        body = new HashMap<>(authority("AUT", "PREVENTION", "x", "2017-06-20"));
        body.put("languages", List.of("English"));
        api.post(secretariat, "/api/directory/authorities", body).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").value(f -> assertThat((String) f).startsWith("languages"));
        api.post(secretariat, "/api/directory/authorities", authority("XZZ", "PREVENTION", "x", "2017-06-20"))
                .expectStatus().isEqualTo(422);
        api.post(secretariat, "/api/directory/authorities", "{not json").expectStatus().isBadRequest();
        api.post(secretariat, "/api/directory/authorities/x/withdrawal", Map.of("effective", "yesterday"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("effective");
        api.post(secretariat, "/api/directory/authorities/x/withdrawal", Map.of())
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("effective");
        gateway.get().uri("/api/directory/coverage?asAt=31-12-2019").headers(h -> h.setBearerAuth(secretariat)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("asAt");
        gateway.get().uri("/api/directory/authorities?type=WIZARDRY").headers(h -> h.setBearerAuth(secretariat)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        gateway.get().uri("/api/directory/coverage/series?from=2019-01-01&to=2018-01-01").headers(h -> h.setBearerAuth(secretariat))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
        gateway.get().uri("/api/directory/coverage/series?from=2019-01-01&step=fortnight").headers(h -> h.setBearerAuth(secretariat))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("step");
    }

    @Test
    void coverageAsAtDatesOverAHistoryOfDesignationsReplacementsAndWithdrawals() {
        List<String> dates = List.of("2015-06-01", "2016-07-01", "2017-06-01", "2018-06-01", "2019-06-01");
        Map<String, Map<String, Object>> before = new HashMap<>();
        dates.forEach(d -> before.put(d, coverage("asAt=" + d)));

        // Germany: two prevention bodies, withdrawn one after the other
        String deu1 = designate(secretariat, authority("DEU", "PREVENTION", "Federal Ministry of the Interior", "2015-01-01"));
        String deu2 = designate(secretariat, authority("DEU", "PREVENTION", "Federal Court of Audit", "2016-01-01"));
        api.post(secretariat, "/api/directory/authorities/" + deu1 + "/withdrawal", Map.of("effective", "2017-01-01")).expectStatus().isOk();
        api.post(secretariat, "/api/directory/authorities/" + deu2 + "/withdrawal", Map.of("effective", "2018-01-01")).expectStatus().isOk();
        // France: an extradition authority replaced by another on the same day
        String fra1 = designate(secretariat, authority("FRA", "EXTRADITION", "Ministry of Justice (DACG)", "2016-06-01"));
        designate(secretariat, authority("FRA", "EXTRADITION", "Ministry of Justice (BEPI)", "2019-01-01"));
        api.post(secretariat, "/api/directory/authorities/" + fra1 + "/withdrawal", Map.of("effective", "2019-01-01")).expectStatus().isOk();
        // Italy: an asset recovery office recorded years after it was designated, then withdrawn
        String ita = designate(secretariat, authority("ITA", "ASSET_RECOVERY", "Criminal Asset Office", "2014-03-01"));
        api.post(secretariat, "/api/directory/authorities/" + ita + "/withdrawal", Map.of("effective", "2017-01-01")).expectStatus().isOk();

        Map<String, int[]> delta = Map.of(   // PREVENTION, EXTRADITION, ASSET_RECOVERY
                "2015-06-01", new int[] {1, 0, 1},
                "2016-07-01", new int[] {1, 1, 1},
                "2017-06-01", new int[] {1, 1, 0},
                "2018-06-01", new int[] {0, 1, 0},
                "2019-06-01", new int[] {0, 1, 0});
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (String d : dates) {
                Map<String, Object> now = coverage("asAt=" + d);
                assertThat(byType(now, "PREVENTION")).as("PREVENTION " + d).isEqualTo(byType(before.get(d), "PREVENTION") + delta.get(d)[0]);
                assertThat(byType(now, "EXTRADITION")).as("EXTRADITION " + d).isEqualTo(byType(before.get(d), "EXTRADITION") + delta.get(d)[1]);
                assertThat(byType(now, "ASSET_RECOVERY")).as("ASSET_RECOVERY " + d).isEqualTo(byType(before.get(d), "ASSET_RECOVERY") + delta.get(d)[2]);
            }
        });
        assertThat(coverage("asAt=2014-07-10")).containsEntry("statesParties", 171).containsEntry("asAt", "2014-07-10");
        assertThat(coverage("asAt=2024-04-20")).containsEntry("statesParties", 190);

        // a figure once published is reproduced after a late correction
        String esp = designate(secretariat, authority("ESP", "CIVIL_ADMINISTRATIVE", "Ministry of Justice", "2016-01-01"));
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/directory/authorities?stateCode=ESP&asAt=2016-07-01", LIST)
                .stream().anyMatch(a -> a.get("id").equals(esp)));
        Instant published = Instant.now();
        int civilThen = byType(coverage("asAt=2016-07-01"), "CIVIL_ADMINISTRATIVE");
        api.post(secretariat, "/api/directory/authorities/" + esp + "/withdrawal", Map.of("effective", "2016-03-01")).expectStatus().isOk();
        await().atMost(Duration.ofSeconds(5)).until(() -> byType(coverage("asAt=2016-07-01"), "CIVIL_ADMINISTRATIVE") == civilThen - 1);
        assertThat(byType(coverage("asAt=2016-07-01&recordedBy=" + published), "CIVIL_ADMINISTRATIVE")).isEqualTo(civilThen);

        // the series gives the same figures as the single dates
        List<Map<String, Object>> series = api.get("/api/directory/coverage/series?from=2015-06-01&to=2019-06-01&step=year", LIST);
        assertThat(series).extracting(p -> p.get("asAt")).containsExactlyElementsOf(
                List.of("2015-06-01", "2016-06-01", "2017-06-01", "2018-06-01", "2019-06-01"));
        assertThat(series.get(2)).isEqualTo(coverage("asAt=2017-06-01"));
    }

    @Test
    void theSecretariatSeesStaleEntriesAndExportsTheDirectoryAsCsv() {
        String id = designate(secretariat, authority("NOR", "EXTRADITION", "Royal Ministry of Justice", "2012-01-01"));
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/directory/authorities?stateCode=NOR", LIST).size() > 0);
        assertThat(api.get("/api/directory/authorities/stale?months=1", LIST)).noneMatch(e -> e.get("id").equals(id));
        gateway.get().uri("/api/directory/authorities/stale?months=0").headers(h -> h.setBearerAuth(secretariat)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("months");
        gateway.get().uri("/api/directory/authorities/stale").headers(h -> h.setBearerAuth(Api.token(gateway, "chair", "chair-secret")))
                .exchange().expectStatus().isForbidden();

        String csv = gateway.get().uri("/api/directory/authorities/export?stateCode=NOR&asAt=2013-01-01")
                .headers(h -> h.setBearerAuth(secretariat)).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "csv"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("stateCode,stateName,type,name");
        assertThat(csv).contains("NOR,Norway,EXTRADITION,\"Royal Ministry of Justice\"")
                .contains("jane@example.org").contains(id);
        String before = gateway.get().uri("/api/directory/authorities/export?stateCode=NOR&asAt=2011-01-01")
                .headers(h -> h.setBearerAuth(secretariat)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(before.lines().count()).isEqualTo(1);
    }
}
