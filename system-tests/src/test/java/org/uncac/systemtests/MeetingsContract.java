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
import java.util.concurrent.atomic.AtomicInteger;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.uncac.systemtests.SuiteClient.LIST;
import static org.uncac.systemtests.SuiteClient.MAP;

/**
 * Meetings through the gateway, as the seed reports tell them: convened, provisional agenda (in versions),
 * adopted as amended, sessions with chairs, attendance, and the report adopted at the meeting or by silence.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MeetingsContract {

    private static final AtomicInteger ORDINALS = new AtomicInteger(100 + (int) (System.nanoTime() % 1000));

    private SuiteClient api;
    private WebTestClient gateway;
    private String secretariat;
    private String chair;

    protected abstract RunningSuite suite();

    @BeforeAll
    void connect() {
        api = SuiteClient.connect(suite());
        gateway = api.gateway;
        secretariat = api.secretariat;
        chair = Api.token(gateway, "chair", "chair-secret");
    }

    private static Map<String, Object> meeting(int ordinal, String start, String end) {
        Map<String, Object> body = new HashMap<>();
        body.put("body", "EXPERT_MEETING_INTERNATIONAL_COOPERATION");
        body.put("ordinal", ordinal);
        body.put("title", "Open-ended intergovernmental expert meeting to enhance international cooperation, meeting " + ordinal);
        body.put("venue", "Vienna");
        body.put("start", start);
        body.put("end", end);
        body.put("format", "HYBRID");
        return body;
    }

    private String convene(String start, String end) {
        return (String) api.send("POST", secretariat, "/api/meetings", meeting(ORDINALS.incrementAndGet(), start, end))
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("id");
    }

    private static Map<String, Object> agenda(String symbol, String... titles) {
        return Map.of("symbol", symbol, "items", java.util.Arrays.stream(titles).map(t -> Map.of("title", t)).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMeetingFromConveningToItsReport() {
        Map<String, Object> tenth = meeting(ORDINALS.incrementAndGet(), "2021-09-06", "2021-09-10");
        tenth.put("symbolPrefix", "CAC/COSP/EG.1/2021");
        String id = (String) api.send("POST", secretariat, "/api/meetings", tenth).expectStatus().isCreated()
                .expectBody(MAP).returnResult().getResponseBody().get("id");
        api.send("PUT", chair, "/api/meetings/" + id + "/provisional-agenda", agenda("CAC/COSP/EG.1/2021/1",
                "Opening of the meeting.", "International cooperation.", "Adoption of the report.")).expectStatus().isOk();
        api.send("PUT", chair, "/api/meetings/" + id + "/provisional-agenda", agenda("CAC/COSP/EG.1/2021/1/Rev.1",
                "Opening of the meeting.", "Organizational matters.", "International cooperation.", "Adoption of the report."))
                .expectStatus().isOk();
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/meetings/" + id).get("agenda") != null
                && "CAC/COSP/EG.1/2021/1/Rev.1".equals(((Map<String, Object>) api.get("/api/meetings/" + id).get("agenda")).get("symbol")));
        Map<String, Object> view = api.get("/api/meetings/" + id);
        assertThat(view).containsEntry("venue", "Vienna").containsEntry("format", "HYBRID")
                .containsEntry("symbolPrefix", "CAC/COSP/EG.1/2021")
                .containsEntry("report", null);
        Map<String, Object> agenda = (Map<String, Object>) view.get("agenda");
        assertThat(agenda).containsEntry("status", "PROVISIONAL");
        assertThat((List<Map<String, Object>>) agenda.get("items")).extracting(i -> i.get("number")).containsExactly(1, 2, 3, 4);

        Map<String, Object> diff = api.get("/api/meetings/" + id + "/agenda/diff?from=1&to=2");
        assertThat((List<Map<String, Object>>) diff.get("added")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("title", "Organizational matters.").containsEntry("number", 2));

        api.send("POST", chair, "/api/meetings/" + id + "/agenda-adoption", Map.of("date", "2021-09-06", "items", List.of(
                Map.of("title", "Opening of the meeting."), Map.of("title", "International cooperation.",
                        "jointlyWith", List.of("IMPLEMENTATION_REVIEW_GROUP")),
                Map.of("title", "Adoption of the report.")))).expectStatus().isOk();
        api.send("PUT", chair, "/api/meetings/" + id + "/provisional-agenda", agenda("x", "y")).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        api.send("POST", secretariat, "/api/meetings/" + id + "/sessions", Map.of("date", "2021-09-06",
                "chair", Map.of("name", "Harold Wilson", "stateCode", "TTO", "role", "Chair"))).expectStatus().isOk();
        api.send("PUT", secretariat, "/api/meetings/" + id + "/attendance", Map.of("statesParties", List.of("AUT", "KEN", "TTO"),
                "regionalOrganizations", List.of("EUU"), "observers", List.of(Map.of("category", "UN_ENTITY", "name", "UNDP"))))
                .expectStatus().isOk();
        String stateToken = Api.stateToken(gateway, secretariat, "KEN");
        api.send("PUT", stateToken, "/api/meetings/" + id + "/attendance", Map.of("statesParties", List.of("KEN"))).expectStatus().isForbidden();
        api.send("POST", chair, "/api/meetings/" + id + "/report-adoption", Map.of("date", "2021-09-10", "method", "AS_ORALLY_AMENDED"))
                .expectStatus().isOk();
        api.send("POST", chair, "/api/meetings/" + id + "/report-adoption", Map.of("date", "2021-09-10", "method", "AT_MEETING"))
                .expectStatus().isEqualTo(409);

        await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/meetings/" + id).get("report") != null);
        view = gateway.get().uri("/api/meetings/" + id).headers(h -> h.setBearerAuth(stateToken)).exchange().expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(view).containsEntry("status", "REPORT_ADOPTED")
                .containsEntry("report", Map.of("adoptedOn", "2021-09-10", "method", "AS_ORALLY_AMENDED"));
        agenda = (Map<String, Object>) view.get("agenda");
        assertThat(agenda).containsEntry("status", "ADOPTED").containsEntry("amended", true);
        assertThat((List<Map<String, Object>>) agenda.get("items")).extracting(i -> i.get("title"))
                .containsExactly("Opening of the meeting.", "International cooperation.", "Adoption of the report.");
        assertThat((Map<String, Object>) view.get("attendance")).containsEntry("statesParties", 3).containsEntry("observers", 1);
        assertThat((List<Object>) view.get("sessions")).hasSize(1);
        assertThat(gateway.get().uri("/api/meetings/attendance/KEN").headers(h -> h.setBearerAuth(secretariat)).exchange()
                .expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody())
                .anySatisfy(a -> assertThat(a).containsEntry("meetingId", id).containsEntry("attended", true));
        assertThat(gateway.get().uri("/api/meetings?from=2021-09-01&to=2021-09-30").headers(h -> h.setBearerAuth(secretariat))
                .exchange().expectBody(LIST).returnResult().getResponseBody()).anyMatch(m -> m.get("id").equals(id));
        assertThat(gateway.get().uri("/api/meetings?from=2022-01-01&to=2022-12-31").headers(h -> h.setBearerAuth(secretariat))
                .exchange().expectBody(LIST).returnResult().getResponseBody()).noneMatch(m -> m.get("id").equals(id));

        String ics = gateway.get().uri("/api/meetings/calendar.ics").headers(h -> h.setBearerAuth(secretariat)).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(new MediaType("text", "calendar"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(ics).contains("BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:" + id, "DTSTART;VALUE=DATE:20210906",
                "DTEND;VALUE=DATE:20210911");
    }

    @Test
    void silenceUnbrokenAdoptsTheReportOnTheDeadlineAndAnObjectionKeepsItOpen() {
        String silent = convene("2020-11-16", "2020-11-18");
        api.send("POST", secretariat, "/api/meetings/" + silent + "/silence-procedure", Map.of("opened", "2020-11-18",
                "deadline", "2020-12-01")).expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get("/api/meetings/" + silent).get("report"))
                .isEqualTo(Map.of("adoptedOn", "2020-12-01", "method", "SILENCE_PROCEDURE")));

        String objected = convene("2020-11-16", "2020-11-18");
        api.send("POST", secretariat, "/api/meetings/" + objected + "/silence-procedure", Map.of("opened", "2020-11-18",
                "deadline", "2020-12-01")).expectStatus().isOk();
        api.send("POST", secretariat, "/api/meetings/" + objected + "/silence-procedure/objections", Map.of("date", "2020-11-25",
                "by", "XAA", "objection", "Paragraph 12 does not reflect the discussion")).expectStatus().isOk();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(api.get("/api/meetings/" + objected).get("report")).isNull());
        assertThat(gateway.get().uri("/api/meetings/" + objected + "/history").headers(h -> h.setBearerAuth(secretariat))
                .exchange().expectBody(LIST).returnResult().getResponseBody()).extracting(h -> h.get("what"))
                .contains("SILENCE_PROCEDURE_OPENED", "SILENCE_BROKEN");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChairSeesTheNextMeetingWithOpenRecommendationsAndMissingDocuments() {
        String body = "TEST_BODY_" + Integer.toString(ORDINALS.incrementAndGet(), 26).toUpperCase()
                .chars().mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'A' + (c - '0') : c + 10)))
                .collect(java.util.stream.Collectors.joining());
        Map<String, Object> past = meeting(1, "2019-05-31", "2019-05-31");
        past.put("body", body);
        Map<String, Object> next = meeting(2, LocalDate.now().plusDays(30).toString(), LocalDate.now().plusDays(32).toString());
        next.put("body", body);
        String pastId = (String) api.send("POST", secretariat, "/api/meetings", past).expectStatus().isCreated()
                .expectBody(MAP).returnResult().getResponseBody().get("id");
        String nextId = (String) api.send("POST", secretariat, "/api/meetings", next).expectStatus().isCreated()
                .expectBody(MAP).returnResult().getResponseBody().get("id");
        api.send("PUT", chair, "/api/meetings/" + nextId + "/provisional-agenda", Map.of("symbol", "CAC/COSP/EG.1/2026/1", "items", List.of(
                Map.of("title", "Opening of the meeting."),
                Map.of("title", "International cooperation.", "documents", List.of(
                        Map.of("symbol", "CAC/COSP/EG.1/2026/2", "title", "Progress note", "kind", "NOTE_BY_THE_SECRETARIAT"),
                        Map.of("symbol", "CAC/COSP/EG.1/2026/CRP.1", "title", "Country replies", "kind", "CONFERENCE_ROOM_PAPER",
                                "issuedOn", "2026-01-10")))))).expectStatus().isOk();
        String open = (String) api.send("POST", secretariat, "/api/recommendations", Map.of("meetingId", pastId, "paragraph", "47 (a)",
                "text", "Make use of the directory", "addressee", "STATES_PARTIES")).expectStatus().isCreated()
                .expectBody(MAP).returnResult().getResponseBody().get("id");
        String done = (String) api.send("POST", secretariat, "/api/recommendations", Map.of("meetingId", pastId, "paragraph", "47 (b)",
                "text", "Update the directory", "addressee", "SECRETARIAT")).expectStatus().isCreated()
                .expectBody(MAP).returnResult().getResponseBody().get("id");
        api.send("POST", secretariat, "/api/recommendations/" + done + "/follow-up", Map.of("date", "2020-01-10",
                "action", "Directory updated", "status", "IMPLEMENTED")).expectStatus().isCreated();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, Object> view = api.get("/api/meetings/next?body=" + body);
            assertThat((Map<String, Object>) view.get("meeting")).containsEntry("id", nextId);
            assertThat((List<Map<String, Object>>) view.get("openRecommendations")).extracting(r -> r.get("id")).containsExactly(open);
            assertThat((List<Map<String, Object>>) view.get("missingDocuments")).singleElement()
                    .satisfies(d -> assertThat(d).containsEntry("symbol", "CAC/COSP/EG.1/2026/2").containsEntry("item", 2));
        });
        gateway.get().uri("/api/meetings/next?body=NO_SUCH_BODY").headers(h -> h.setBearerAuth(secretariat)).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void badInputAndRoles() {
        int ordinal = ORDINALS.incrementAndGet();
        api.send("POST", secretariat, "/api/meetings", meeting(ordinal, "2025-01-10", "2025-01-11")).expectStatus().isCreated();
        api.send("POST", secretariat, "/api/meetings", meeting(ordinal, "2025-02-10", "2025-02-11")).expectStatus().isEqualTo(409);
        api.send("POST", chair, "/api/meetings", meeting(ORDINALS.incrementAndGet(), "2025-01-10", "2025-01-11")).expectStatus().isForbidden();
        api.send("POST", secretariat, "/api/meetings", meeting(ORDINALS.incrementAndGet(), "2025-01-12", "2025-01-11"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("end");
        Map<String, Object> bad = meeting(ORDINALS.incrementAndGet(), "2025-01-10", "2025-01-11");
        bad.put("format", "CARRIER_PIGEON");
        api.send("POST", secretariat, "/api/meetings", bad).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("format");
        gateway.get().uri("/api/meetings/nope").headers(h -> h.setBearerAuth(secretariat)).exchange().expectStatus().isNotFound();
        api.send("PUT", chair, "/api/meetings/nope/provisional-agenda", agenda("x", "y")).expectStatus().isNotFound();
        api.send("PUT", chair, "/api/meetings/nope/provisional-agenda", Map.of("symbol", "x", "items", List.of()))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("items");
        api.send("POST", chair, "/api/meetings/nope/report-adoption", Map.of("date", "2025-01-11", "method", "BY_ACCLAMATION"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("method");
    }
}
