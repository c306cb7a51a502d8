package org.uncac.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in Debian's headless Chromium, through the gateway, as its people use it: signing in (a wrong
 * password, a lockout), the secretariat's work on a note verbale (draft, issue, record a response received by
 * letter, remind exactly the States that have not answered, close), a focal point answering its note and refused
 * another State's, a figure as at a date equal to the API's, Arabic right to left. Every page is checked with
 * axe-core (no violation of WCAG 2.1 A and AA rules, whatever its impact), and the main pages are photographed in English
 * and Arabic into docs/screenshots/.
 */
class ConsoleIT extends BrowserScenarios {

    private String noteForAustria;
    private String noteForFrance;

    @BeforeAll
    void twoNotesVerbales() {
        noteForAustria = issued("CU 2026/41", "Mutual legal assistance statistics", List.of("AUT", "BEL"));
        noteForFrance = issued("CU 2026/42", "Extradition requirements", List.of("FRA"));
    }

    private String issued(String reference, String subject, List<String> addressees) {
        String id = (String) api.post().uri("/api/notes-verbales").headers(h -> h.setBearerAuth(secretariat))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reference", reference, "subject", subject,
                        "addressees", addressees, "deadline", "2030-12-31",
                        "questions", List.of(Map.of("id", "q1", "text", "How many requests did you receive?", "type", "NUMBER"),
                                Map.of("id", "q2", "text", "Do you accept requests by e-mail?", "type", "YES_NO"))))
                .exchange().expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("id");
        api.post().uri("/api/notes-verbales/" + id + "/issuance").headers(h -> h.setBearerAuth(secretariat))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("date", "2026-09-01")).exchange().expectStatus().isOk();
        return id;
    }

    @Test
    @Order(1)
    void aWrongPasswordIsRefusedAndFiveLockTheAccountForFifteenMinutes() {
        api.post().uri("/api/users").headers(h -> h.setBearerAuth(secretariat)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "locked-out", "displayName", "A forgetful officer", "roles", List.of("SECRETARIAT"),
                        "password", "the-right-password")).exchange().expectStatus().isCreated();
        open("/");
        assertThat(browser.getCurrentUrl()).contains("/auth/sign-in");
        assertThat(find("label[for=username]").getCssValue("display")).as("the sign-in page's stylesheet applies").isEqualTo("block");
        checkAccessibility("sign-in");
        signIn("locked-out", "not-the-password");
        assertThat(find(".error").getText()).contains("wrong");
        for (int i = 0; i < 4; i++) {
            signIn("locked-out", "not-the-password-either");
        }
        signIn("locked-out", "the-right-password");
        assertThat(find(".error").getText()).contains("locked");
        assertThat(api.get().uri("/api/users/locked-out").headers(h -> h.setBearerAuth(secretariat)).exchange()
                .expectBody(MAP).returnResult().getResponseBody().get("lockedUntil")).isNotNull();
    }

    @Test
    @Order(2)
    void theSecretariatDraftsIssuesRecordsALetterRemindsExactlyTheOthersAndCloses() throws IOException {
        open("/");
        signIn("officer", "officer-secret");
        find("main h1");
        assertThat(browser.getCurrentUrl()).endsWith("/notes/open");
        assertThat(find("header.top").getCssValue("display")).as("the console's stylesheet applies").isEqualTo("flex");
        checkAccessibility("open notes");
        screenshot("open-notes-en");

        open("/notes/new");
        checkAccessibility("draft");
        find("#reference").sendKeys("CU 2026/77");
        find("#subject").sendKeys("Central authorities for extradition");
        find("#addressees").clear();
        find("#addressees").sendKeys("AUT, DEU, FRA");
        find("#deadline").sendKeys("12312030");
        find("#q0-text").sendKeys("Which authority receives extradition requests?");
        find("form.editor > button[type=submit]:not([name=more])").click();
        find("#issue-date");
        String note = browser.getCurrentUrl().replaceAll(".*/notes/([^/?]+).*", "$1");
        assertThat(find("h1").getText()).contains("CU 2026/77").contains("Draft");
        WebElement issueDate = find("#issue-date");
        issueDate.clear();
        issueDate.sendKeys("09012026");
        find("#issue-date").submit();
        shows(".done", "Issued to 3 States");
        checkAccessibility("note");

        new Select(find("#stateCode")).selectByValue("FRA");
        WebElement received = find("#receivedOn");
        received.clear();
        received.sendKeys("09152026");
        new Select(find("#channel")).selectByValue("LETTER");
        find("#answer-q1").sendKeys("The Ministry of Justice");
        find("#record-h + form button[type=submit]").click();
        shows(".done", "FRA");
        List<Map<String, Object>> recorded = api.get().uri("/api/notes-verbales/" + note + "/responses")
                .headers(h -> h.setBearerAuth(secretariat)).exchange().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
        assertThat(recorded).singleElement().satisfies(r -> assertThat(r).as("the person who recorded it, not a shared client")
                .containsEntry("recordedBy", "officer").containsEntry("channel", "LETTER").containsEntry("stateCode", "FRA"));

        open("/notes/" + note + "?asAt=2026-09-20");
        assertThat(find("#rate").getAttribute("data-responded")).isEqualTo("1");
        find("main[hx-boost]");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(script("return typeof htmx !== 'undefined'")));
        script("window.samePage = true");
        find("#non-h ~ form button[type=submit]").click();
        shows(".done", "Reminder sent to 2 States");
        assertThat(script("return window.samePage === true"))
                .as("htmx replaced the page's main, not the page").isEqualTo(true);
        assertThat(browser.getCurrentUrl()).as("the address says what the page shows").contains("done=");
        Map<String, Object> read = api.get().uri("/api/notes-verbales/" + note).headers(h -> h.setBearerAuth(secretariat))
                .exchange().expectBody(MAP).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) ((List<?>) read.get("reminders")).get(0)).get("addressees")).isEqualTo(List.of("AUT", "DEU"));

        WebElement closeOn = find("#close-date");
        closeOn.clear();
        closeOn.sendKeys("09302026");
        find("#close-date").submit();
        shows("h1 .status", "Closed");

        open("/people");
        checkAccessibility("people");
        find("#username").sendKeys("bmj-focal-point");
        find("#displayName").sendKeys("Focal point, Federal Ministry of Justice");
        new Select(find("#role")).selectByValue("STATE");
        find("#stateCode").sendKeys("deu");
        find("#add-h + form button[type=submit]").click();
        shows(".done", "bmj-focal-point");
        assertThat(find(".done code").getText()).as("the password to hand over, shown once").hasSizeGreaterThanOrEqualTo(12);
        find("button[aria-label='Disable bmj-focal-point']").click();
        shows("main", "disabled");
        assertThat(api.get().uri("/api/users/bmj-focal-point").headers(h -> h.setBearerAuth(secretariat)).exchange()
                .expectBody(MAP).returnResult().getResponseBody())
                .containsEntry("enabled", false).containsEntry("stateCode", "DEU").containsEntry("roles", List.of("STATE"));
        open("/notes");
        checkAccessibility("all notes");
        open("/notes?q=" + java.net.URLEncoder.encode("authorities for extradition", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(find("main").getText()).contains("CU 2026/77").doesNotContain("CU 2026/41");
        signOut();
        open("/notes/open");
        assertThat(browser.getCurrentUrl()).as("signed out everywhere: the auth-server asks again").contains("/auth/sign-in");
    }

    @Test
    @Order(3)
    void aFigureAsAtADateIsTheFigureTheApiGivesForThatDate() throws IOException {
        java.time.Instant beforeBelgium = null;
        for (String state : List.of("AUT", "BEL")) {
            if (state.equals("BEL")) {
                beforeBelgium = java.time.Instant.now();
            }
            api.post().uri("/api/notes-verbales/" + noteForAustria + "/responses").headers(h -> h.setBearerAuth(secretariat))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("stateCode", state,
                            "receivedOn", state.equals("AUT") ? "2026-09-10" : "2026-10-10", "substantive", true,
                            "answers", Map.of("q1", "12"))).exchange().expectStatus().isCreated();
        }
        open("/");
        signIn("officer", "officer-secret");
        for (String date : List.of("2026-09-05", "2026-09-20", "2026-10-20")) {
            Map<String, Object> rate = api.get().uri("/api/notes-verbales/" + noteForAustria + "/response-rate?asAt=" + date)
                    .headers(h -> h.setBearerAuth(secretariat)).exchange().expectBody(MAP).returnResult().getResponseBody();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                open("/notes/" + noteForAustria + "?asAt=" + date);
                assertThat(find("#rate").getAttribute("data-responded")).as("as at " + date).isEqualTo(String.valueOf(rate.get("responded")));
            });
        }
        assertThat(find(".as-at .notice").getText()).contains("not today");
        screenshot("note-en");

        // as recorded by an instant before Belgium's answer was recorded: the figure as it could have been published then
        String asRecorded = "/notes/" + noteForAustria + "?asAt=2026-10-20&recordedBy=" + beforeBelgium;
        open(asRecorded);
        assertThat(find("#rate").getAttribute("data-responded")).isEqualTo("1");
        open("/notes/open?asAt=2026-08-31");
        assertThat(find("main").getText()).as("not issued yet on 31 August").doesNotContain("CU 2026/41");
        open("/notes/open?asAt=2026-09-20");
        assertThat(find("main").getText()).contains("CU 2026/41");

        // the console's session runs out: the auth-server still knows the person, and the page comes back as it was
        browser.manage().deleteCookieNamed("CONSOLE_SESSION");
        open(asRecorded);
        assertThat(find("#rate").getAttribute("data-responded")).isEqualTo("1");
        assertThat(browser.getCurrentUrl()).isEqualTo(suite.gatewayUrl() + asRecorded);
        // both sessions run out: sign in again, and back to the same page
        browser.manage().deleteAllCookies();
        open(asRecorded);
        assertThat(browser.getCurrentUrl()).contains("/auth/sign-in");
        signIn("officer", "officer-secret");
        assertThat(find("#rate").getAttribute("data-responded")).isEqualTo("1");
        assertThat(browser.getCurrentUrl()).isEqualTo(suite.gatewayUrl() + asRecorded);
        signOut();
    }

    @Test
    @Order(4)
    void aFocalPointAnswersItsNoteAndCannotOpenAnotherStates() throws IOException {
        open("/");
        signIn("aut-focal-point", "aut-secret");
        find("main h1");
        assertThat(browser.getCurrentUrl()).endsWith("/my-notes");
        assertThat(find("main").getText()).contains("CU 2026/41").doesNotContain("CU 2026/42");
        checkAccessibility("my notes");
        screenshot("my-notes-en");
        open("/my-notes/" + noteForAustria);
        checkAccessibility("answer");
        WebElement count = find("#answer-q1");
        count.clear();
        count.sendKeys("14");
        browser.findElement(By.cssSelector("input[name='answer.q2'][value=yes]")).click();
        find("form.editor button[type=submit]").click();
        shows("h1", "received");
        assertThat(find("main").getText()).contains("14");
        checkAccessibility("receipt");
        screenshot("receipt-en");

        open("/my-notes/" + noteForFrance);
        assertThat(find("main").getText()).contains("not addressed to AUT");
        open("/notes/" + noteForFrance);
        assertThat(find("h1").getText()).isEqualTo("This page cannot be shown");
        open("/ledger");
        checkAccessibility("ledger");
        signOut();
    }

    @Test
    @Order(5)
    void aChairReadsTheFiguresWithoutTheSecretariatsActions() {
        open("/");
        signIn("chairperson", "chair-secret");
        find("main h1");
        assertThat(browser.getCurrentUrl()).as("a chair's home is the next meeting").endsWith("/meetings/next");
        open("/notes/" + noteForAustria);
        assertThat(find("#rate").getAttribute("data-addressees")).isEqualTo("2");
        assertThat(browser.findElements(By.cssSelector("main form[method=post]"))).as("no action for a chair").isEmpty();
        assertThat(browser.findElements(By.cssSelector("#responses-h"))).as("no State's answers for a chair").isEmpty();
        open("/people");
        assertThat(find("h1").getText()).isEqualTo("This page cannot be shown");
        signOut();
    }

    @Test
    @Order(5)
    void aDisabledPersonIsRefusedWithinSecondsAndCannotSignInAgain() {
        api.post().uri("/api/users").headers(h -> h.setBearerAuth(secretariat)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "bel-focal-point", "displayName", "Focal point of Belgium", "roles", List.of("STATE"),
                        "stateCode", "BEL", "password", "belgium-password")).exchange().expectStatus().isCreated();
        open("/");
        signIn("bel-focal-point", "belgium-password");
        shows("main", "CU 2026/41");
        api.post().uri("/api/users/bel-focal-point/disablement").headers(h -> h.setBearerAuth(secretariat)).exchange()
                .expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            open("/my-notes");
            assertThat(find("h1").getText()).isEqualTo("This page cannot be shown");
        });
        browser.manage().deleteAllCookies();
        open("/");
        signIn("bel-focal-point", "belgium-password");
        assertThat(find(".error").getText()).contains("disabled");
    }

    @Test
    @Order(6)
    void inArabicThePagesReadRightToLeft() throws IOException {
        open("/");
        signIn("officer", "officer-secret");
        find("main h1");
        language("ar");
        assertThat(find("html").getAttribute("dir")).isEqualTo("rtl");
        assertThat(find("html").getAttribute("lang")).isEqualTo("ar");
        checkAccessibility("open notes (ar)");
        screenshot("open-notes-ar");
        open("/notes/" + noteForAustria);
        assertThat(find("html").getAttribute("dir")).isEqualTo("rtl");
        checkAccessibility("note (ar)");
        screenshot("note-ar");
        language("en");
        assertThat(find("html").getAttribute("dir")).isEqualTo("ltr");
        signOut();
        open("/");
        signIn("aut-focal-point", "aut-secret");
        find("main h1");
        language("ar");
        checkAccessibility("my notes (ar)");
        screenshot("my-notes-ar");
        language("en");
        signOut();
    }

    @Test
    @Order(7)
    void noPageHasAnAccessibilityViolation() throws IOException {
        noViolationOnThePagesChecked("axe-core.txt", 12);
    }
}
