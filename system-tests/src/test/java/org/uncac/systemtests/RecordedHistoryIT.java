package org.uncac.systemtests;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.uncac.history.History;
import org.uncac.history.HistoryImport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole recorded history (history/*.json, from the five seed documents) loaded through the public API into a
 * suite of its own, by the importer that run.sh uses: a sample of facts from every seed reads back, published
 * figures stand beside the computed ones, and a second run writes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordedHistoryIT {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    private static final String BODY = "EXPERT_MEETING_INTERNATIONAL_COOPERATION";

    private final RunningSuite suite = RunningSuite.separate();
    private WebTestClient gateway;
    private String secretariat;
    private HistoryImport.Report first;
    private long eventsAfterFirst;
    private HistoryImport.Report second;
    private long eventsAfterSecond;

    @BeforeAll
    void loadTheHistoryTwice() throws Exception {
        gateway = Api.client(suite.gatewayUrl());
        secretariat = Api.token(gateway, "secretariat", "secretariat-secret");
        await().atMost(Duration.ofSeconds(60)).until(() -> list("/api/notes-verbales/all-states-parties?asAt=2025-12-31").size() >= 192);
        History history = History.read(Path.of("..", "history"));
        first = new HistoryImport(history, suite.gatewayUrl(), "history-import", "history-import-secret").run();
        System.out.print(first);
        eventsAfterFirst = awaitQuietStore();
        second = new HistoryImport(history, suite.gatewayUrl(), "history-import", "history-import-secret").run();
        System.out.print(second);
        eventsAfterSecond = awaitQuietStore();
    }

    /** The number of events once the read models have caught up with every one of them. */
    private long awaitQuietStore() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> suite.serviceUrls().values().stream()
                .allMatch(url -> WebTestClient.bindToServer().baseUrl(url).build().get().uri("/actuator/health/readiness")
                        .exchange().returnResult(byte[].class).getStatus().value() == 200));
        try (MongoClient client = MongoClients.create(suite.mongoUri())) {
            return client.getDatabase("uncac").getCollection("events").countDocuments();
        }
    }

    private List<Map<String, Object>> list(String uri) {
        return gateway.get().uri(uri).headers(h -> h.setBearerAuth(secretariat)).exchange().expectStatus().isOk()
                .expectBody(LIST).returnResult().getResponseBody();
    }

    private Map<String, Object> one(String uri) {
        return gateway.get().uri(uri).headers(h -> h.setBearerAuth(secretariat)).exchange().expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
    }

    private Map<String, Object> meeting(int ordinal) {
        return list("/api/meetings").stream().filter(m -> BODY.equals(m.get("body")) && m.get("ordinal").equals(ordinal))
                .findFirst().orElseThrow(() -> new AssertionError("no meeting " + ordinal));
    }

    private Map<String, Object> note(String issuedOn) {
        return list("/api/notes-verbales").stream().filter(n -> issuedOn.equals(n.get("issuedOn")))
                .findFirst().orElseThrow(() -> new AssertionError("no note verbale issued on " + issuedOn));
    }

    @Test
    void everythingWasWrittenOnceAndASecondRunWritesNothing() {
        assertThat(first.failed()).isEmpty();
        assertThat(first.created()).isGreaterThan(100);
        assertThat(second.failed()).isEmpty();
        assertThat(second.created()).isZero();
        assertThat(eventsAfterSecond).as("events in the store after the second run").isEqualTo(eventsAfterFirst);
    }

    @Test
    void theNinthMeetingHasItsAgendaAndAReportAdoptedBySilenceProcedure() {   // seed 000
        Map<String, Object> ninth = one("/api/meetings/" + meeting(9).get("id"));
        assertThat(ninth).containsEntry("start", "2020-11-16").containsEntry("end", "2020-11-18").containsEntry("format", "ONLINE");
        assertThat(ninth.get("report")).isEqualTo(Map.of("adoptedOn", "2020-12-11", "method", "SILENCE_PROCEDURE"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) ((Map<String, Object>) ninth.get("agenda")).get("items");
        assertThat(items).extracting(i -> i.get("title")).startsWith("Opening of the meeting.")
                .contains("Adoption of the agenda and organization of work.");
        assertThat(items.get(2).get("jointlyWith")).asList().contains("Implementation Review Group");
        assertThat(list("/api/meetings/" + ninth.get("id") + "/history")).anySatisfy(entry ->
                assertThat(String.valueOf(entry.get("recordedBy"))).contains("history-import"));
    }

    @Test
    void theEighthMeetingsRecommendationsHaveTheirParagraphsAndTexts() {   // seed 002
        List<Map<String, Object>> recommendations = list("/api/recommendations?meetingId=" + meeting(8).get("id") + "&asAt=2019-06-01");
        assertThat(recommendations).extracting(r -> r.get("paragraph"))
                .contains("47 (a)", "47 (b)", "47 (c)", "47 (d)", "47 (e)", "47 (f)", "47 (g)", "47 (h)");
        assertThat(recommendations).filteredOn(r -> "47 (a)".equals(r.get("paragraph"))).singleElement()
                .satisfies(r -> assertThat((String) r.get("text")).startsWith("States parties are encouraged to continue to provide"));
        @SuppressWarnings("unchecked")
        Map<String, Object> published = (Map<String, Object>) one("/api/directory/coverage?asAt=2019-05-01").get("published");
        assertThat(published).containsEntry("asAt", "2019-05-01");
        assertThat(published.get("byType")).isEqualTo(Map.of("PREVENTION", 115, "MUTUAL_LEGAL_ASSISTANCE", 129,
                "ASSET_RECOVERY", 80, "EXTRADITION", 24, "CIVIL_ADMINISTRATIVE", 32));
        assertThat(String.valueOf(published.get("source"))).contains("para. 43");
        assertThat(one("/api/directory/coverage?asAt=2019-05-01")).containsKey("byType").containsEntry("differsFromPublished", true);
    }

    @Test
    void theNoteOf17January2017HasItsReminderAndThePublishedCountOf37() {   // seed 001
        Map<String, Object> note = note("2017-01-17");
        Map<String, Object> read = one("/api/notes-verbales/" + note.get("id"));
        List<Object> reminderDates = ((List<?>) read.get("reminders")).stream().map(r -> (Object) ((Map<?, ?>) r).get("date")).toList();
        assertThat(reminderDates).containsExactly("2017-05-08");
        Map<String, Object> rate = one("/api/notes-verbales/" + note.get("id") + "/response-rate?asAt=2017-08-21");
        @SuppressWarnings("unchecked")
        Map<String, Object> published = (Map<String, Object>) rate.get("published");
        assertThat(published).containsEntry("value", 37).containsEntry("asAt", "2017-08-21");
        assertThat(((Map<?, ?>) published.get("source")).get("paragraph")).isEqualTo("para. 8");
        assertThat(rate).containsEntry("responded", 0).containsEntry("differsFromPublished", true);
        assertThat(one("/api/notes-verbales/" + note.get("id") + "/response-rate?asAt=2017-08-20").get("published")).isNull();
    }

    @Test
    void theTenthMeetingWasHybridWithTheProposalsOfParagraph49() {   // seed 004
        Map<String, Object> tenth = meeting(10);
        assertThat(tenth).containsEntry("start", "2021-09-06").containsEntry("end", "2021-09-10").containsEntry("format", "HYBRID");
        assertThat(list("/api/recommendations/proposals?meetingId=" + tenth.get("id"))).hasSize(9);
    }

    @Test
    void theProgressNoteForTheEleventhMeetingListsTheMandatesAndCitesThePublishedFigures() {   // seeds 001, 003
        Map<String, Object> eleventh = meeting(11);
        assertThat(eleventh).containsEntry("start", "2022-11-07");
        String note = new String(gateway.get().uri("/api/recommendations/progress-note?meeting=" + eleventh.get("id") + "&asAt=2022-08-09")
                .headers(h -> h.setBearerAuth(secretariat)).exchange().expectStatus().isOk().expectBody(byte[].class)
                .returnResult().getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(note).contains("Conference resolution 6/4").contains("Conference resolution 9/1")
                .contains("Recommendation 47 (a) of meeting 8")
                .contains("As at 21 August 2017, 37 States had provided responses (Progress in implementing the mandates")
                .contains("the GlobE Network had 112 members")
                .contains("As published by the Secretariat");
    }
}
