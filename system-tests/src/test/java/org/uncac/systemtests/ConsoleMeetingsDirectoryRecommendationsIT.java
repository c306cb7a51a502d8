package org.uncac.systemtests;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's pages for chairs, the directory and recommendations in Debian's headless Chromium: a chair edits a
 * provisional agenda twice, sees the differences and adopts it; a report is adopted by silence procedure; a focal
 * point updates its own State's entry and is refused another State's; the coverage table equals the API's series
 * for the same dates; a recommendation's timeline shows the note verbale issued for it; the progress note
 * downloads as a Word document that opens. Every page is checked with axe-core, in English and in Arabic.
 */
class ConsoleMeetingsDirectoryRecommendationsIT extends BrowserScenarios {

    private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    private static final String BODY = "EXPERT_MEETING_INTERNATIONAL_COOPERATION";
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    private final LocalDate today = LocalDate.now(VIENNA);
    private String nextMeeting;
    private String pastMeeting;
    private String austriasEntry;
    private String recommendation;

    @BeforeAll
    void twoMeetings() {
        nextMeeting = convened(12, "Twelfth open-ended intergovernmental expert meeting to enhance international cooperation",
                today.plusDays(60), today.plusDays(62));
        pastMeeting = convened(13, "Thirteenth open-ended intergovernmental expert meeting to enhance international cooperation",
                today.minusDays(20), today.minusDays(18));
    }

    private String convened(int ordinal, String title, LocalDate start, LocalDate end) {
        return (String) post("/api/meetings", Map.of("body", BODY, "ordinal", ordinal, "title", title, "venue", "Vienna",
                "start", start.toString(), "end", end.toString(), "format", "HYBRID", "symbolPrefix", "CAC/COSP/EG.1/" + start.getYear()))
                .get("id");
    }

    private Map<String, Object> post(String path, Map<String, Object> body) {
        return api.post().uri(path).headers(h -> h.setBearerAuth(secretariat)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().is2xxSuccessful().expectBody(MAP).returnResult().getResponseBody();
    }

    private Map<String, Object> get(String path) {
        return api.get().uri(path).headers(h -> h.setBearerAuth(secretariat)).exchange().expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
    }

    /** A date typed into a date field the way the page's script would set it, whatever the browser's locale. */
    private void date(String id, LocalDate value) {
        script("document.getElementById('" + id + "').value = '" + value + "'");
    }

    private void fill(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    @Test
    @Order(1)
    void aChairEditsTheProvisionalAgendaTwiceSeesTheDifferencesAndAdoptsIt() throws IOException {
        open("/");
        signIn("chairperson", "chair-secret");
        shows("main", "Twelfth open-ended");
        assertThat(browser.getCurrentUrl()).endsWith("/meetings/next");
        find("main a[href$='/agenda']").click();
        fill("#i0-title", "Opening of the meeting.");
        fill("#i1-title", "Adoption of the agenda and organization of work.");
        checkAccessibility("agenda editor");
        find("button[name=save]").click();
        shows(".done", "2 items");

        open("/meetings/" + nextMeeting + "/agenda");
        assertThat(find("#i1-title").getAttribute("value")).isEqualTo("Adoption of the agenda and organization of work.");
        fill("#symbol", "CAC/COSP/EG.1/2027/1");
        fill("#i2-title", "International cooperation in civil and administrative proceedings.");
        fill("#i2-documents", "CAC/COSP/EG.1/2027/2 | Note by the Secretariat");
        fill("#i2-panels", "Focal points for civil proceedings | Expert from Kenya (KEN); Expert from Norway (NOR)");
        screenshot("agenda-editor-en");
        find("button[name=save]").click();
        shows(".done", "3 items");

        open("/meetings/" + nextMeeting + "?from=1&to=2");
        shows("#diff", "Added");
        assertThat(find("#diff .changes").getText()).contains("International cooperation in civil and administrative proceedings.")
                .doesNotContain("Removed");
        checkAccessibility("meeting (agenda versions)");
        screenshot("meeting-en");

        open("/meetings/next");
        assertThat(find("main").getText()).as("documents still to be issued").contains("CAC/COSP/EG.1/2027/2");
        checkAccessibility("next meeting");
        screenshot("next-meeting-en");

        open("/meetings/" + nextMeeting + "/agenda");
        date("adoptedOn", today.plusDays(60));
        find("button[name=adopt]").click();
        shows(".done", "Agenda adopted");
        @SuppressWarnings("unchecked")
        Map<String, Object> agenda = (Map<String, Object>) get("/api/meetings/" + nextMeeting).get("agenda");
        assertThat(agenda).containsEntry("status", "ADOPTED").containsEntry("amended", false);
        assertThat((List<?>) agenda.get("items")).hasSize(3);
        signOut();
    }

    @Test
    @Order(2)
    void aReportIsAdoptedBySilenceProcedure() {
        open("/");
        signIn("officer", "officer-secret");
        find("main h1");
        open("/meetings/" + pastMeeting);
        checkAccessibility("meeting");
        date("opened", today.minusDays(10));
        date("silence-deadline", today.minusDays(1));
        find("#silence-deadline").submit();
        shows(".done", "Silence procedure opened");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            open("/meetings/" + pastMeeting);
            assertThat(find("dl.facts").getText()).contains("by silence procedure");
        });
        assertThat(find("#silence").getText()).contains("deadline for objections");
        assertThat(get("/api/meetings/" + pastMeeting).get("report")).as("adopted as at its deadline").isEqualTo(Map.of("adoptedOn", today.minusDays(1).toString(),
                "method", "SILENCE_PROCEDURE"));
        open("/meetings");
        checkAccessibility("meetings");
        open("/meetings?view=calendar");
        checkAccessibility("meetings (calendar)");
        signOut();
    }

    @Test
    @Order(3)
    void aFocalPointUpdatesItsOwnEntryAndIsRefusedOnAnotherStates() throws IOException {
        austriasEntry = (String) post("/api/directory/authorities", Map.of("stateCode", "AUT", "type", "MUTUAL_LEGAL_ASSISTANCE",
                "name", "Federal Ministry of Justice", "effective", "2024-03-01", "languages", List.of("de", "en"))).get("id");
        String france = (String) post("/api/directory/authorities", Map.of("stateCode", "FRA", "type", "EXTRADITION",
                "name", "Ministère de la Justice", "effective", "2024-05-01")).get("id");
        open("/");
        signIn("aut-focal-point", "aut-secret");
        find("main h1");
        open("/directory/" + austriasEntry);
        checkAccessibility("directory entry");
        fill("#name", "Federal Ministry of Justice, Department IV 1");
        fill("#contacts", "Desk officer | Head of unit | +43 1 52152 | mla@justice.example");
        date("effective", today);
        find("#update-h + form button[type=submit]").click();
        shows(".done", "Entry updated");
        Map<String, Object> entry = get("/api/directory/authorities/" + austriasEntry);
        assertThat(entry).containsEntry("name", "Federal Ministry of Justice, Department IV 1").containsEntry("lastRecordedBy", "AUT:aut-focal-point")
                .containsEntry("languages", List.of("de", "en"));
        assertThat(find("#history-h + table").getText()).contains("Designated").contains("Updated").contains("aut-focal-point");
        screenshot("authority-en");

        open("/directory/" + france);
        assertThat(browser.findElements(By.cssSelector("#update-h"))).as("no update form for another State's entry").isEmpty();
        // the form sent anyway, as a person could: the API refuses it and the page says so
        script("const form = document.querySelector('header form').cloneNode(true);"
                + "form.action = '/directory/" + france + "/updates';"
                + "for (const [name, value] of [['name', 'Not yours'], ['effective', '" + today + "']]) {"
                + "  const input = document.createElement('input'); input.type = 'hidden'; input.name = name; input.value = value;"
                + "  form.appendChild(input); }"
                + "document.body.appendChild(form); form.submit();");
        shows(".problem", "refused");
        assertThat(get("/api/directory/authorities/" + france)).containsEntry("name", "Ministère de la Justice");
        open("/directory");
        checkAccessibility("directory");
        open("/directory/stale");
        assertThat(find("h1").getText()).as("the stale entries are the secretariat's").isEqualTo("This page cannot be shown");
        open("/recommendations/progress-note");
        assertThat(find("h1").getText()).as("the progress note is the secretariat's and the chairs'").isEqualTo("This page cannot be shown");
        signOut();
    }

    @Test
    @Order(4)
    void theCoverageTableIsTheApisSeriesForTheSameDates() throws IOException {
        post("/api/directory/authorities", Map.of("stateCode", "KEN", "type", "EXTRADITION", "name", "Office of the Attorney General",
                "effective", "2025-01-15"));
        open("/");
        signIn("officer", "officer-secret");
        find("main h1");
        open("/directory/coverage?asAt=2025-06-30&from=2024-01-01");
        List<Map<String, Object>> series = api.get().uri("/api/directory/coverage/series?from=2024-01-01&to=2025-06-30&step=MONTH")
                .headers(h -> h.setBearerAuth(secretariat)).exchange().expectBody(LIST).returnResult().getResponseBody();
        List<WebElement> rows = browser.findElements(By.cssSelector("#series tbody tr"));
        assertThat(rows).hasSameSizeAs(series).hasSizeGreaterThan(12);
        for (int i = 0; i < series.size(); i++) {
            Map<String, Object> point = series.get(i);
            @SuppressWarnings("unchecked")
            Map<String, Object> byType = (Map<String, Object>) point.get("byType");
            String expected = point.get("statesParties") + " " + List.of("PREVENTION", "MUTUAL_LEGAL_ASSISTANCE", "EXTRADITION",
                    "ASSET_RECOVERY", "CIVIL_ADMINISTRATIVE").stream().map(type -> String.valueOf(byType.get(type))).collect(Collectors.joining(" "));
            WebElement row = rows.get(i);
            assertThat(row.getAttribute("data-date")).isEqualTo(point.get("asAt"));
            assertThat(row.findElements(By.cssSelector("td.num")).stream().map(WebElement::getText).collect(Collectors.joining(" ")))
                    .as("the figures of " + point.get("asAt")).isEqualTo(expected);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> asAt = (Map<String, Object>) get("/api/directory/coverage?asAt=2025-06-30").get("byType");
        for (String type : List.of("PREVENTION", "MUTUAL_LEGAL_ASSISTANCE", "EXTRADITION", "ASSET_RECOVERY", "CIVIL_ADMINISTRATIVE")) {
            assertThat(find("#coverage tr[data-type=" + type + "]").getAttribute("data-count")).as(type).isEqualTo(String.valueOf(asAt.get(type)));
        }
        assertThat(((Number) asAt.get("EXTRADITION")).intValue()).as("France's and Kenya's at least").isGreaterThanOrEqualTo(2);
        checkAccessibility("coverage");
        screenshot("coverage-en");
        open("/directory/stale?months=1");
        checkAccessibility("stale entries");
        signOut();
    }

    @Test
    @Order(5)
    void aRecommendationsTimelineShowsTheNoteVerbaleIssuedForIt() throws IOException {
        recommendation = (String) post("/api/recommendations", Map.of("meetingId", pastMeeting, "paragraph", "12 (a)",
                "text", "States parties are encouraged to designate central authorities for extradition.",
                "addressee", "STATES_PARTIES", "themes", List.of("CONFIDENCE_AND_TRUST"), "adoptedOn", today.minusDays(18).toString()))
                .get("id");
        Map<String, Object> note = new LinkedHashMap<>(Map.of("reference", "CU 2026/90", "subject", "Central authorities for extradition",
                "addressees", List.of("AUT", "FRA", "KEN"), "deadline", today.plusDays(30).toString(), "recommendationIds", List.of(recommendation),
                "questions", List.of(Map.of("id", "q1", "text", "Which authority receives extradition requests?", "type", "FREE_TEXT"))));
        String noteId = (String) post("/api/notes-verbales", note).get("id");
        post("/api/notes-verbales/" + noteId + "/issuance", Map.of("date", today.minusDays(5).toString()));
        open("/");
        signIn("officer", "officer-secret");
        find("main h1");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            open("/recommendations/" + recommendation);
            assertThat(find("#timeline").getText()).contains("CU 2026/90");
        });
        assertThat(find("#timeline li[data-source=NOTE_VERBALE] a").getAttribute("href")).contains("/notes/" + noteId);
        fill("#fu-action", "The secretariat compiled the designations received into the directory.");
        find("#follow-h + form button[type=submit]").click();
        shows(".done", "Follow-up");
        assertThat(find("#timeline").getText()).contains("compiled the designations");
        checkAccessibility("recommendation");
        screenshot("recommendation-en");
        open("/recommendations");
        assertThat(find("#col-IN_PROGRESS").findElement(By.xpath("..")).getText()).contains("para. 12 (a)");
        checkAccessibility("recommendations");
        screenshot("recommendations-en");
        open("/recommendations/proposals");
        checkAccessibility("proposals");
        signOut();
    }

    @Test
    @Order(6)
    void theProgressNoteIsPreviewedAndDownloadsAsAWordDocumentThatOpens() throws IOException, InterruptedException {
        open("/");
        signIn("chairperson", "chair-secret");
        find("main h1");
        open("/recommendations/progress-note?meeting=" + pastMeeting + "&asAt=" + today);
        assertThat(find("article.preview").getText()).contains("12 (a)");
        checkAccessibility("progress note");
        String docx = find("#docx").getAttribute("href");
        Cookie session = browser.manage().getCookieNamed("CONSOLE_SESSION");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(docx))
                .header("Cookie", session.getName() + "=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains(".docx");
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(download.body()));
             XWPFWordExtractor text = new XWPFWordExtractor(document)) {
            assertThat(text.getText()).contains("12 (a)").contains("designate central authorities for extradition");
        }
        signOut();
    }

    @Test
    @Order(7)
    void inArabicTheNewPagesReadRightToLeft() throws IOException {
        open("/");
        signIn("officer", "officer-secret");
        find("main h1");
        open("/meetings/" + nextMeeting);
        language("ar");
        assertThat(find("html").getAttribute("dir")).isEqualTo("rtl");
        checkAccessibility("meeting (ar)");
        screenshot("meeting-ar");
        open("/directory/coverage?asAt=2025-06-30&from=2024-01-01");
        checkAccessibility("coverage (ar)");
        screenshot("coverage-ar");
        open("/recommendations");
        checkAccessibility("recommendations (ar)");
        open("/meetings/" + nextMeeting + "/agenda");
        checkAccessibility("agenda editor (ar)");
        for (String page : List.of("/meetings", "/meetings?view=calendar", "/meetings/next", "/directory", "/directory/" + austriasEntry,
                "/directory/stale", "/recommendations/" + recommendation, "/recommendations/proposals",
                "/recommendations/progress-note?meeting=" + pastMeeting)) {
            open(page);
            assertThat(find("html").getAttribute("dir")).as(page).isEqualTo("rtl");
            checkAccessibility(page + " (ar)");
        }
        language("en");
        signOut();
    }

    @Test
    @Order(8)
    void noPageHasAnAccessibilityViolation() throws IOException {
        noViolationOnThePagesChecked("axe-core-meetings-directory-recommendations.txt", 24);
    }
}
