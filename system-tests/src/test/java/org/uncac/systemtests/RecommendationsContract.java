package org.uncac.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.uncac.systemtests.SuiteClient.MAP;

/**
 * Recommendations through the gateway: adopted, followed up by the secretariat and, by itself, by a note
 * verbale issued with the recommendation's id; status as at dates; and the progress note generated from a
 * small history, with its figures checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RecommendationsContract {

    private SuiteClient api;
    private WebTestClient gateway;
    private String secretariat;

    protected abstract RunningSuite suite();

    @BeforeAll
    void connect() {
        api = SuiteClient.connect(suite());
        gateway = api.gateway;
        secretariat = api.secretariat;
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.get().uri("/api/notes-verbales/all-states-parties?asAt=2025-12-31")
                .headers(h -> h.setBearerAuth(secretariat)).exchange().returnResult(Object.class).getResponseBody()
                .collectList().block().size() >= 192);
    }

    /** The States parties counted in the directory entry of a recommendation's follow-up as at a date. */
    @SuppressWarnings("unchecked")
    private int partiesCounted(String recommendationId, String asAt) {
        List<Map<String, Object>> followUp = (List<Map<String, Object>>) api.get("/api/recommendations/" + recommendationId
                + "?asAt=" + asAt).get("followUp");
        Map<String, Object> directory = followUp.stream().filter(f -> "DIRECTORY".equals(f.get("source"))).findFirst().orElseThrow();
        return ((Number) ((Map<String, Object>) directory.get("coverage")).get("statesParties")).intValue();
    }

    private String id(WebTestClient.ResponseSpec response) {
        return (String) response.expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("id");
    }

    @Test
    @SuppressWarnings("unchecked")
    void followUpByItselfFromANoteVerbaleAndTheProgressNote() {
        Map<String, Object> meeting = new HashMap<>(Map.of("body", "EXPERT_MEETING_INTERNATIONAL_COOPERATION",
                "ordinal", 9000 + (int) (System.nanoTime() % 900), "title", "Sixth meeting", "venue", "Vienna",
                "start", "2016-11-07", "end", "2016-11-08", "format", "IN_PERSON"));
        String meetingId = id(api.post(secretariat, "/api/meetings", meeting));
        Map<String, Object> recommendation = new HashMap<>(Map.of("meetingId", meetingId, "paragraph", "47 (e)",
                "text", "Provide information on civil and administrative proceedings", "addressee", "SECRETARIAT",
                "themes", List.of("CUMULATIVE_KNOWLEDGE"), "adoptedOn", "2016-11-08", "concernsDirectory", true));
        Map<String, Object> created = api.post(secretariat, "/api/recommendations", recommendation).expectStatus().isCreated()
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(created).containsEntry("status", "ADOPTED");
        String id = (String) created.get("id");
        api.post(Api.token(gateway, "chair", "chair-secret"), "/api/recommendations", recommendation).expectStatus().isForbidden();
        Map<String, Object> bad = new HashMap<>(recommendation);
        bad.put("addressee", "EVERYONE");
        api.post(secretariat, "/api/recommendations", bad).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("addressee");
        api.post(secretariat, "/api/recommendations/" + id + "/follow-up", Map.of("date", "2016-01-01", "action", "x",
                "status", "IN_PROGRESS")).expectStatus().isEqualTo(422);

        // the secretariat issues a note verbale implementing it; responses come in
        Map<String, Object> draft = new HashMap<>(Map.of("reference", "CU 2017/11", "subject", "Resolution 6/4",
                "addressees", "ALL_STATES_PARTIES", "deadline", "2017-03-31",
                "questions", List.of(Map.of("id", "q1", "text", "?")), "recommendationIds", List.of(id)));
        String note = id(api.post(secretariat, "/api/notes-verbales", draft));
        api.post(secretariat, "/api/notes-verbales/" + note + "/issuance", Map.of("date", "2017-01-17")).expectStatus().isOk();
        for (String state : List.of("AUT", "KEN", "PER")) {
            api.post(secretariat, "/api/notes-verbales/" + note + "/responses", Map.of("stateCode", state,
                    "receivedOn", state.equals("PER") ? "2017-09-01" : "2017-02-10", "substantive", true)).expectStatus().isCreated();
        }
        api.post(secretariat, "/api/recommendations/" + id + "/follow-up", Map.of("date", "2017-08-28",
                "action", "Analysis of the responses presented to the meeting", "status", "ONGOING")).expectStatus().isCreated();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, Object> view = api.get("/api/recommendations/" + id + "?asAt=2017-08-21");
            List<Map<String, Object>> followUp = (List<Map<String, Object>>) view.get("followUp");
            assertThat(followUp).filteredOn(f -> "DIRECTORY".equals(f.get("source"))).singleElement()
                    .satisfies(f -> assertThat((String) f.get("action")).contains("of 181 States parties"));
            assertThat(followUp).filteredOn(f -> !"DIRECTORY".equals(f.get("source"))).singleElement().satisfies(f -> assertThat(f).containsEntry("source", "NOTE_VERBALE")
                    .containsEntry("reference", "CU 2017/11").containsEntry("date", "2017-01-17").containsEntry("responded", 2)
                    .containsEntry("addressees", 180));
        });
        // the next meeting's agenda takes it up: that is follow-up too, by itself
        String chair = Api.token(gateway, "chair", "chair-secret");
        gateway.put().uri("/api/meetings/" + meetingId + "/provisional-agenda").headers(h -> h.setBearerAuth(chair))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("symbol", "CAC/COSP/EG.1/2016/1", "items", List.of(
                        Map.of("title", "Opening of the meeting."),
                        Map.of("title", "Civil and administrative proceedings.", "recommendationIds", List.of(id)))))
                .exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat((List<Map<String, Object>>) api.get("/api/recommendations/" + id)
                .get("followUp")).anySatisfy(f -> assertThat(f).containsEntry("source", "AGENDA_ITEM")
                .extracting(x -> (String) x.get("action")).asString().contains("item 2", "CAC/COSP/EG.1/2016/1")));
        assertThat(api.get("/api/recommendations/" + id + "?asAt=2016-12-01")).containsEntry("status", "ADOPTED");
        assertThat(api.get("/api/recommendations/" + id + "?asAt=2017-02-01")).containsEntry("status", "IN_PROGRESS");
        assertThat(api.get("/api/recommendations/" + id)).containsEntry("status", "ONGOING");
        assertThat(gateway.get().uri("/api/recommendations?meetingId=" + meetingId).headers(h -> h.setBearerAuth(secretariat))
                .exchange().expectBody(List.class).returnResult().getResponseBody()).hasSize(1);

        // the progress note as at 21 August 2017
        String markdown = gateway.get().uri("/api/recommendations/progress-note?meeting=" + meetingId + "&asAt=2017-08-21")
                .headers(h -> h.setBearerAuth(secretariat)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(markdown).contains("# Progress in implementing the mandates", "as at 21 August 2017",
                "Developing cumulative knowledge", "Provide information on civil and administrative proceedings",
                "By a note verbale dated 17 January 2017 (CU 2017/11), the Secretariat invited 180 States parties",
                "As at 21 August 2017, 2 States parties had provided responses",
                "among the 181 States parties", "Conclusions")
                .doesNotContain("Analysis of the responses");
        byte[] docx = gateway.get().uri("/api/recommendations/progress-note?meeting=" + meetingId + "&asAt=2017-08-21&format=docx")
                .headers(h -> h.setBearerAuth(secretariat)).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(docx, 0, 2)).isEqualTo("PK");
        // the directory's coverage follows the directory: a party registered later counts from its date on
        int partiesIn2041 = partiesCounted(id, "2041-01-01");
        api.post(secretariat, "/api/directory/states-parties", Map.of("code", "XRC", "name", "Party XRC", "kind", "STATE",
                "partySince", "2040-06-01")).expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(10)).until(() -> partiesCounted(id, "2041-01-01") > partiesIn2041);
        assertThat(partiesCounted(id, "2040-05-31")).isLessThan(partiesCounted(id, "2041-01-01"));
        // a proposal made by States at the meeting, adopted later as a recommendation
        String proposal = id(api.post(secretariat, "/api/recommendations/proposals", Map.of("meetingId", meetingId,
                "proposedBy", List.of("KEN", "PER"), "text", "Hold regional workshops on the directory", "date", "2016-11-07")));
        api.post(secretariat, "/api/recommendations/proposals", Map.of("meetingId", meetingId, "proposedBy", List.of("kenya"),
                "text", "x", "date", "2016-11-07")).expectStatus().isBadRequest();
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.get().uri("/api/recommendations/proposals?meetingId=" + meetingId)
                .headers(h -> h.setBearerAuth(secretariat)).exchange().expectBody(List.class).returnResult().getResponseBody().size() == 1);
        String adoptedProposal = id(api.post(secretariat, "/api/recommendations/proposals/" + proposal + "/adoption", Map.of(
                "paragraph", "48", "addressee", "SECRETARIAT", "adoptedOn", "2016-11-08", "themes", List.of("TECHNICAL_ASSISTANCE"))));
        api.post(secretariat, "/api/recommendations/proposals/" + proposal + "/adoption", Map.of(
                "paragraph", "48", "addressee", "SECRETARIAT", "adoptedOn", "2016-11-08")).expectStatus().isEqualTo(409);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(api.get("/api/recommendations/" + adoptedProposal))
                .containsEntry("text", "Hold regional workshops on the directory").containsEntry("meetingId", meetingId));

        gateway.get().uri("/api/recommendations/progress-note?meeting=nope").headers(h -> h.setBearerAuth(secretariat))
                .exchange().expectStatus().isNotFound();
        gateway.get().uri("/api/recommendations/progress-note?meeting=" + meetingId + "&format=pdf").headers(h -> h.setBearerAuth(secretariat))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSecondAdoptionOfAProposalCreatesNoRecommendation() {
        String meetingId = id(api.post(secretariat, "/api/meetings", Map.of("body", "EXPERT_MEETING_INTERNATIONAL_COOPERATION",
                "ordinal", 8000 + (int) (System.nanoTime() % 900), "title", "Tenth meeting", "venue", "Vienna",
                "start", "2021-09-06", "end", "2021-09-07", "format", "HYBRID")));
        String proposal = id(api.post(secretariat, "/api/recommendations/proposals", Map.of("meetingId", meetingId,
                "proposedBy", List.of("KEN"), "text", "Hold regional workshops", "date", "2021-09-06")));
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.get().uri("/api/recommendations/proposals?meetingId=" + meetingId)
                .headers(h -> h.setBearerAuth(secretariat)).exchange().expectBody(List.class).returnResult().getResponseBody().size() == 1);
        Map<String, Object> adoption = Map.of("paragraph", "49", "addressee", "SECRETARIAT", "adoptedOn", "2021-09-07");
        id(api.post(secretariat, "/api/recommendations/proposals/" + proposal + "/adoption", adoption));
        api.post(secretariat, "/api/recommendations/proposals/" + proposal + "/adoption", adoption).expectStatus().isEqualTo(409);
        // a later recommendation of the same meeting: once it is visible, anything stored before it is too
        String later = id(api.post(secretariat, "/api/recommendations", Map.of("meetingId", meetingId, "paragraph", "50",
                "text", "A later recommendation", "addressee", "SECRETARIAT", "adoptedOn", "2021-09-07")));
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.get().uri("/api/recommendations/" + later)
                .headers(h -> h.setBearerAuth(secretariat)).exchange().returnResult(Object.class).getStatus().is2xxSuccessful());
        List<Object> ofMeeting = gateway.get().uri("/api/recommendations?meetingId=" + meetingId)
                .headers(h -> h.setBearerAuth(secretariat)).exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
        assertThat(ofMeeting).as("the adopted proposal and the later recommendation, no orphan").hasSize(2);
    }
}
