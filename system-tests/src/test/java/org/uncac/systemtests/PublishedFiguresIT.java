package org.uncac.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A figure once published is given again, byte for byte: every as-at answer (response rate, non-respondents,
 * response curve, a recommendation with its follow-up, the progress note) asked with {@code recordedBy} at an
 * instant is the same after responses, follow-up, a reaffirmation, a supersession and directory changes are
 * recorded late, with business dates before the date asked. Without {@code recordedBy} the answers do change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishedFiguresIT {

    private static final String AS_AT = "2017-08-21";

    private final RunningSuite suite = RunningSuite.onEmbeddedMongo();
    private WebTestClient gateway;
    private String secretariat;

    @BeforeAll
    void connect() {
        gateway = Api.client(suite.gatewayUrl());
        secretariat = Api.token(gateway, "secretariat", "secretariat-secret");
    }

    private String created(String uri, Object body) {
        return (String) send(uri, body).expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult()
                .getResponseBody().get("id");
    }

    private WebTestClient.ResponseSpec send(String uri, Object body) {
        return gateway.post().uri(uri).headers(h -> h.setBearerAuth(secretariat)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private String read(String uri) {
        return new String(gateway.get().uri(uri).headers(h -> h.setBearerAuth(secretariat)).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void everyAsAtAnswerAskedAsRecordedByAnInstantIsTheSameAfterLateRecordings() {
        String meeting = created("/api/meetings", Map.of("body", "EXPERT_MEETING_RECORDED_BY_TEST", "ordinal", 1,
                "title", "A meeting whose figures were published", "venue", "Vienna", "start", "2016-11-07",
                "end", "2016-11-08", "format", "IN_PERSON"));
        String successor = created("/api/meetings", Map.of("body", "EXPERT_MEETING_RECORDED_BY_TEST", "ordinal", 2,
                "title", "The next meeting", "venue", "Vienna", "start", "2017-05-01", "end", "2017-05-02", "format", "HYBRID"));
        String recommendation = created("/api/recommendations", Map.of("meetingId", meeting, "paragraph", "47 (a)",
                "text", "States parties should designate their central authorities", "addressee", "STATES_PARTIES",
                "adoptedOn", "2016-11-08", "themes", List.of("CUMULATIVE_KNOWLEDGE"), "concernsDirectory", true));
        String replacement = created("/api/recommendations", Map.of("meetingId", successor, "paragraph", "12",
                "text", "A later recommendation", "addressee", "STATES_PARTIES", "adoptedOn", "2017-05-02"));
        String note = created("/api/notes-verbales", Map.of("reference", "CU 2017/11", "subject", "Central authorities",
                "addressees", List.of("AUT", "FRA", "DEU", "ITA"), "deadline", "2017-03-31",
                "recommendationIds", List.of(recommendation),
                "questions", List.of(Map.of("id", "q1", "text", "Which authority?"))));
        send("/api/notes-verbales/" + note + "/issuance", Map.of("date", "2017-01-17")).expectStatus().isOk();
        send("/api/notes-verbales/" + note + "/reminders", Map.of("date", "2017-02-10")).expectStatus().isCreated();
        respond(note, "AUT", "2017-01-30", true);
        respond(note, "FRA", "2017-02-15", true);
        send("/api/recommendations/" + recommendation + "/follow-up", Map.of("date", "2017-02-01",
                "action", "Regional workshop held", "status", "IN_PROGRESS")).expectStatus().isCreated();
        String deuAuthority = created("/api/directory/authorities", Map.of("stateCode", "DEU", "type", "PREVENTION",
                "name", "Federal Ministry of Justice", "effective", "2017-01-01"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(read("/api/notes-verbales/" + note + "/response-rate?asAt=" + AS_AT)).contains("\"responded\":2");
            assertThat(read("/api/recommendations/" + recommendation + "?asAt=" + AS_AT))
                    .contains("Regional workshop held").contains("\"responded\":2").contains("\"PREVENTION\":");
        });

        Instant published = Instant.now();
        Map<String, String> asked = new LinkedHashMap<>();
        asked.put("rate", "/api/notes-verbales/" + note + "/response-rate?asAt=" + AS_AT);
        asked.put("non-respondents", "/api/notes-verbales/" + note + "/non-respondents?asAt=" + AS_AT);
        asked.put("curve", "/api/notes-verbales/" + note + "/response-curve?to=" + AS_AT);
        asked.put("recommendation", "/api/recommendations/" + recommendation + "?asAt=" + AS_AT);
        asked.put("recommendations of the meeting", "/api/recommendations?meetingId=" + meeting + "&asAt=" + AS_AT);
        asked.put("progress note", "/api/recommendations/progress-note?meeting=" + meeting + "&asAt=" + AS_AT);
        Map<String, String> then = new LinkedHashMap<>();
        Map<String, String> withoutRecordedBy = new LinkedHashMap<>();
        asked.forEach((what, uri) -> {
            then.put(what, read(uri + "&recordedBy=" + published));
            withoutRecordedBy.put(what, read(uri));
        });

        // recorded late, each with a business date before the date asked
        respond(note, "DEU", "2017-03-01", true);
        respond(note, "AUT", "2017-02-20", false);
        send("/api/recommendations/" + recommendation + "/follow-up", Map.of("date", "2017-03-05",
                "action", "Second workshop held", "status", "IMPLEMENTED")).expectStatus().isCreated();
        send("/api/recommendations/" + recommendation + "/reaffirmation", Map.of("meetingId", successor, "paragraph", "46",
                "date", "2017-05-02")).expectStatus().is2xxSuccessful();
        send("/api/recommendations/" + recommendation + "/supersession", Map.of("byRecommendationId", replacement,
                "date", "2017-06-01")).expectStatus().is2xxSuccessful();
        created("/api/directory/authorities", Map.of("stateCode", "ITA", "type", "EXTRADITION",
                "name", "Ministry of Justice", "effective", "2017-02-01"));
        send("/api/directory/authorities/" + deuAuthority + "/withdrawal", Map.of("effective", "2017-05-01"))
                .expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(read(asked.get("rate"))).contains("\"responded\":3");
            assertThat(read(asked.get("recommendation"))).contains("SUPERSEDED").contains("Second workshop held");
            assertThat(read(asked.get("progress note"))).contains("superseded").contains("Second workshop held");
        });

        asked.forEach((what, uri) -> {
            assertThat(read(uri + "&recordedBy=" + published)).as("%s as recorded by %s", what, published)
                    .isEqualTo(then.get(what));
            assertThat(read(uri)).as("%s with everything recorded since", what).isNotEqualTo(withoutRecordedBy.get(what));
        });
    }

    private void respond(String note, String state, String receivedOn, boolean substantive) {
        send("/api/notes-verbales/" + note + "/responses", Map.of("stateCode", state, "receivedOn", receivedOn,
                "substantive", substantive, "answers", Map.of("q1", "The central authority of " + state)))
                .expectStatus().isCreated();
    }
}
