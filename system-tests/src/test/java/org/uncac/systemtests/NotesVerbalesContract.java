package org.uncac.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.uncac.systemtests.SuiteClient.LIST;
import static org.uncac.systemtests.SuiteClient.MAP;
import static org.uncac.systemtests.SuiteClient.STRINGS;

/**
 * Notes verbales through the gateway: draft, issue to the parties as at the issue date (from the service's
 * own replica of the directory), responses by States for themselves, supersession, reminders, the response
 * rate as at dates and as recorded by an instant, and 190 States answering at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NotesVerbalesContract {

    private SuiteClient api;
    private WebTestClient gateway;
    private String secretariat;

    protected abstract RunningSuite suite();

    @BeforeAll
    void connect() {
        api = SuiteClient.connect(suite());
        gateway = api.gateway;
        secretariat = api.secretariat;
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/notes-verbales/all-states-parties?asAt=2025-12-31", LIST).size() >= 192);
    }

    private String draft(Object addressees) {
        return draft(addressees, "2017-03-31");
    }

    private String draft(Object addressees, String deadline) {
        Map<String, Object> body = new HashMap<>();
        body.put("reference", "CU 2017/11");
        body.put("subject", "Information on civil and administrative proceedings (resolution 6/4)");
        body.put("addressees", addressees);
        body.put("deadline", deadline);
        body.put("questions", List.of(Map.of("id", "q1", "text", "Legal framework?"), Map.of("id", "q2", "text", "Cases?")));
        body.put("mandates", List.of("Conference resolution 6/4"));
        body.put("recommendationIds", List.of());
        Map<String, Object> created = api.post(secretariat, "/api/notes-verbales", body).expectStatus().isCreated()
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(created).containsEntry("status", "DRAFT");
        return (String) created.get("id");
    }

    private WebTestClient.ResponseSpec respond(String token, String note, String state, String receivedOn, boolean substantive) {
        return api.post(token, "/api/notes-verbales/" + note + "/responses", Map.of("stateCode", state,
                "receivedOn", receivedOn, "substantive", substantive, "answers", Map.of("q1", "Answer of " + state)));
    }

    private Map<String, Object> rate(String note, String query) {
        return api.get("/api/notes-verbales/" + note + "/response-rate?" + query, MAP);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWholeCycleAsAtDates() {
        String note = draft("ALL_STATES_PARTIES");
        String austria = Api.stateToken(gateway, secretariat, "AUT");
        respond(austria, note, "AUT", "2017-02-10", true).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        Map<String, Object> issued = api.post(secretariat, "/api/notes-verbales/" + note + "/issuance", Map.of("date", "2017-01-17"))
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        List<String> addressees = (List<String>) issued.get("addressees");
        assertThat(addressees).hasSize(180).contains("AUT", "BEL", "TUR").doesNotContain("JPN", "KNA");
        api.post(secretariat, "/api/notes-verbales/" + note + "/issuance", Map.of("date", "2017-01-18")).expectStatus().isEqualTo(409);

        respond(austria, note, "AUT", "2017-02-10", false).expectStatus().isCreated()
                .expectBody().jsonPath("$.responseId").isNotEmpty();
        respond(austria, note, "AUT", "2017-03-01", true).expectStatus().isCreated();           // supersedes, counts once
        respond(austria, note, "BEL", "2017-02-10", true).expectStatus().isForbidden();
        respond(secretariat, note, "JPN", "2017-02-10", true).expectStatus().isEqualTo(422);   // not an addressee
        respond(secretariat, note, "BEL", "2017-04-02", true).expectStatus().isCreated();
        respond(secretariat, note, "DEU", "2017-06-01", false).expectStatus().isCreated();    // after the reminder

        await().atMost(Duration.ofSeconds(5)).until(() -> ((Number) rate(note, "asAt=2017-08-21").get("responded")).intValue() == 3);
        Map<String, Object> reminder = api.post(secretariat, "/api/notes-verbales/" + note + "/reminders", Map.of("date", "2017-05-08"))
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();
        List<String> reminded = (List<String>) reminder.get("addressees");
        assertThat(reminded).hasSize(178).contains("DEU").doesNotContain("AUT", "BEL");

        Map<String, Object> august = rate(note, "asAt=2017-08-21");
        assertThat(august).containsEntry("asAt", "2017-08-21").containsEntry("addressees", 180)
                .containsEntry("responded", 3).containsEntry("substantive", 2);
        assertThat(((Number) august.get("rate")).doubleValue()).isEqualTo(3.0 / 180);
        Map<String, Map<String, Object>> groups = (Map<String, Map<String, Object>>) august.get("byRegionalGroup");
        assertThat(groups.get("WESTERN_EUROPEAN_AND_OTHERS")).containsEntry("responded", 3);
        assertThat((Map<String, Object>) august.get("byQuestion")).containsEntry("q1", 3).containsEntry("q2", 0);
        Map<String, Object> february = rate(note, "asAt=2017-02-15");
        assertThat(february).containsEntry("responded", 1).containsEntry("substantive", 0);
        assertThat(rate(note, "asAt=2017-01-01")).containsEntry("addressees", 0);
        assertThat(api.get("/api/notes-verbales/" + note + "/non-respondents?asAt=2017-05-08", STRINGS)).isEqualTo(reminded);

        // a response received in February but recorded only now, after the reminder and the August figure
        Instant published = Instant.now();
        respond(secretariat, note, "FRA", "2017-02-20", true).expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(5)).until(() -> ((Number) rate(note, "asAt=2017-08-21").get("responded")).intValue() == 4);
        assertThat(rate(note, "asAt=2017-02-28")).containsEntry("responded", 2);
        assertThat(rate(note, "asAt=2017-08-21&recordedBy=" + published)).containsEntry("responded", 3);

        // a State reads back its own responses only; the earlier one is kept, superseded
        List<Map<String, Object>> own = gateway.get().uri("/api/notes-verbales/" + note + "/responses")
                .headers(h -> h.setBearerAuth(austria)).exchange().expectStatus().isOk()
                .expectBody(LIST).returnResult().getResponseBody();
        assertThat(own).hasSize(2).allMatch(r -> r.get("stateCode").equals("AUT"));
        assertThat(own).filteredOn(r -> Boolean.TRUE.equals(r.get("current"))).singleElement()
                .satisfies(r -> assertThat(r.get("supersedes")).isNotNull());
        assertThat(api.get("/api/notes-verbales/" + note + "/responses", LIST)).hasSize(5);

        // the secretariat's follow-up views
        assertThat(api.get("/api/notes-verbales/open", LIST)).filteredOn(n -> n.get("id").equals(note)).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("responded", 4).containsEntry("addressees", 180)
                        .containsEntry("deadline", "2017-03-31"));
        assertThat(api.get("/api/notes-verbales/open?asAt=2017-02-28", LIST)).filteredOn(n -> n.get("id").equals(note)).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("responded", 2).containsEntry("daysToDeadline", 31));
        assertThat(api.get("/api/notes-verbales/open?asAt=2017-08-21&recordedBy=" + published, LIST))
                .filteredOn(n -> n.get("id").equals(note)).singleElement().satisfies(n -> assertThat(n).containsEntry("responded", 3));
        assertThat(api.get("/api/notes-verbales/open?asAt=2017-01-16", LIST)).as("not issued yet")
                .noneMatch(n -> n.get("id").equals(note));
        List<Map<String, Object>> curve = api.get("/api/notes-verbales/" + note + "/response-curve?to=2017-06-30", LIST);
        assertThat(curve.get(0)).containsEntry("date", "2017-01-17").containsEntry("responded", 0);
        assertThat(curve).filteredOn(p -> p.get("date").equals("2017-05-08")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("reminder", true).containsEntry("responded", 3));
        assertThat(curve.get(curve.size() - 1)).containsEntry("date", "2017-06-30").containsEntry("responded", 4);
        List<Map<String, Object>> ledger = gateway.get().uri("/api/notes-verbales/ledger/AUT").headers(h -> h.setBearerAuth(austria))
                .exchange().expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
        assertThat(ledger).filteredOn(e -> e.get("noteId").equals(note)).extracting(e -> e.get("kind"))
                .containsExactly("NOTE_VERBALE", "RESPONSE", "RESPONSE");
        assertThat(api.get("/api/notes-verbales/ledger/DEU", LIST)).filteredOn(e -> e.get("noteId").equals(note))
                .extracting(e -> e.get("kind")).containsExactly("NOTE_VERBALE", "REMINDER", "RESPONSE");
        gateway.get().uri("/api/notes-verbales/ledger/BEL").headers(h -> h.setBearerAuth(austria)).exchange()
                .expectStatus().isForbidden();
        String responsesCsv = gateway.get().uri("/api/notes-verbales/" + note + "/responses/export")
                .headers(h -> h.setBearerAuth(secretariat)).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "csv"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(responsesCsv.lines().findFirst().orElseThrow()).startsWith("stateCode,stateName,regionalGroup,receivedOn")
                .endsWith("\"answer q1\",\"answer q2\"");
        assertThat(responsesCsv.lines().count()).isEqualTo(6);
        assertThat(responsesCsv.replace("\"", "")).contains("AUT,Austria,WESTERN_EUROPEAN_AND_OTHERS,2017-03-01,true,true");
        String nonRespondentsCsv = gateway.get().uri("/api/notes-verbales/" + note + "/non-respondents/export?asAt=2017-05-08")
                .headers(h -> h.setBearerAuth(secretariat)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(nonRespondentsCsv.lines().count()).isEqualTo(1 + 177);   // FRA answered in February, recorded late
        assertThat(nonRespondentsCsv.replace("\"", "")).contains("DEU,Germany,WESTERN_EUROPEAN_AND_OTHERS,2017-05-08");

        api.post(secretariat, "/api/notes-verbales/" + note + "/closure", Map.of("date", "2017-09-30")).expectStatus().isOk();
        respond(secretariat, note, "ITA", "2017-10-01", true).expectStatus().isEqualTo(409);
        Map<String, Object> view = api.get("/api/notes-verbales/" + note, MAP);
        assertThat(view).containsEntry("status", "CLOSED").containsEntry("issuedOn", "2017-01-17");
        assertThat((List<Object>) view.get("reminders")).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(api.get("/api/notes-verbales/open", LIST))
                .as("closed today").noneMatch(n -> n.get("id").equals(note)));
        assertThat(api.get("/api/notes-verbales/open?asAt=2017-09-29", LIST)).as("still open the day before its closure")
                .anyMatch(n -> n.get("id").equals(note));
        assertThat(api.get("/api/notes-verbales/open?asAt=2017-09-30", LIST)).as("closed on its closure date")
                .noneMatch(n -> n.get("id").equals(note));
    }

    @Test
    void aListOfAddresseesAndBadInput() {
        String note = draft(List.of("AUT", "BEL"), "2019-09-30");
        String late = draft(List.of("AUT"), "2019-01-31");
        api.post(secretariat, "/api/notes-verbales/" + late + "/issuance", Map.of("date", "2019-05-31"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("deadline"));
        api.post(secretariat, "/api/notes-verbales/" + note + "/issuance", Map.of("date", "2019-05-31"))
                .expectStatus().isOk().expectBody().jsonPath("$.addressees.length()").isEqualTo(2);
        api.post(secretariat, "/api/notes-verbales", Map.of("reference", "x", "subject", "y", "addressees", "EVERYBODY"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("addressees");
        api.post(secretariat, "/api/notes-verbales", Map.of("subject", "y", "addressees", "ALL_STATES_PARTIES"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reference");
        api.post(secretariat, "/api/notes-verbales/" + note + "/responses", Map.of("stateCode", "AUT", "receivedOn", "2019-13-01",
                "substantive", true)).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("receivedOn");
        api.post(secretariat, "/api/notes-verbales/" + note + "/responses", Map.of("stateCode", "AUT", "receivedOn", "2019-06-01",
                "substantive", true, "answers", Map.of("q9", "?"))).expectStatus().isBadRequest();
        api.post(secretariat, "/api/notes-verbales/no-such-note/responses", Map.of("stateCode", "AUT", "receivedOn", "2019-06-01",
                "substantive", true)).expectStatus().isNotFound();
        gateway.get().uri("/api/notes-verbales/no-such-note").headers(h -> h.setBearerAuth(secretariat)).exchange()
                .expectStatus().isNotFound().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        api.post(Api.token(gateway, "chair", "chair-secret"), "/api/notes-verbales", Map.of("reference", "x", "subject", "y",
                "addressees", "ALL_STATES_PARTIES")).expectStatus().isForbidden();
        api.post(secretariat, "/api/notes-verbales/" + note + "/reminders", Map.of("date", "2019-01-01")).expectStatus().isEqualTo(422);
    }

    @Test
    void oneHundredNinetyStatesAnsweringAtOnceAreAllCountedOnce() throws Exception {
        String note = draft("ALL_STATES_PARTIES", "2024-06-30");
        @SuppressWarnings("unchecked")
        List<String> addressees = (List<String>) api.post(secretariat, "/api/notes-verbales/" + note + "/issuance",
                Map.of("date", "2024-04-20")).expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody().get("addressees");
        assertThat(addressees).hasSize(190);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (String state : addressees) {
            statuses.add(pool.submit(() -> Api.client(suite().gatewayUrl()).post()
                    .uri("/api/notes-verbales/" + note + "/responses").headers(h -> h.setBearerAuth(secretariat))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("stateCode", state, "receivedOn", "2024-05-31", "substantive", true,
                            "answers", Map.of("q1", "yes")))
                    .exchange().returnResult(String.class).getStatus().value()));
        }
        for (Future<Integer> status : statuses) {
            assertThat(status.get()).isEqualTo(201);
        }
        pool.shutdown();
        await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) rate(note, "asAt=2024-06-01").get("responded")).intValue() == 190);
        assertThat(rate(note, "asAt=2024-06-01")).containsEntry("addressees", 190).containsEntry("substantive", 190);
        assertThat(api.get("/api/notes-verbales/" + note + "/responses", LIST)).hasSize(190);
    }
}
