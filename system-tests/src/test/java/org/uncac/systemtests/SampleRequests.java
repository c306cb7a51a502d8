package org.uncac.systemtests;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * Real things to write to (a draft and issued notes, meetings, authorities of two States, recommendations, a
 * proposal) and a valid request for every endpoint of the public contract, so that a test varies one thing only:
 * the caller (access rules) or one field of the body (bad input).
 */
final class SampleRequests {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    private final WebTestClient gateway;
    private final String secretariat;
    private final Map<String, String> ids = new HashMap<>();
    /** Parties the samples register become parties after every date other tests count on. */
    private static final String FAR_FUTURE = "2090-01-01";

    private final AtomicInteger unique = new AtomicInteger((int) (System.nanoTime() % 10_000));

    /** A path and, for a write, its body: valid for the endpoint it was made for. */
    record Call(String uri, Object body) {
    }

    SampleRequests(WebTestClient gateway, String secretariat) {
        this.gateway = gateway;
        this.secretariat = secretariat;
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.get().uri("/api/notes-verbales/all-states-parties?asAt=2025-12-31")
                .headers(h -> h.setBearerAuth(secretariat)).exchange().expectBody(List.class).returnResult()
                .getResponseBody().size() >= 192);
        ids.put("party", (String) ((Map<?, ?>) body("POST /api/directory/states-parties", "")).get("code"));
        gateway.post().uri("/api/directory/states-parties").headers(h -> h.setBearerAuth(secretariat))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("code", ids.get("party"), "name", "A sample party",
                        "kind", "STATE", "partySince", FAR_FUTURE)).exchange().expectStatus().isCreated();
        ids.put("client", (String) gateway.post().uri("/api/clients").headers(h -> h.setBearerAuth(secretariat))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body("POST /api/clients", "AUT")).exchange()
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("clientId"));
        ids.put("person", (String) ((Map<?, ?>) gateway.post().uri("/api/users").headers(h -> h.setBearerAuth(secretariat))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body("POST /api/users", "AUT")).exchange()
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("person")).get("username"));
        ids.put("authorityAUT", created("/api/directory/authorities", authority("AUT")));
        ids.put("authorityFRA", created("/api/directory/authorities", authority("FRA")));
        ids.put("withdrawableAUT", created("/api/directory/authorities", authority("AUT")));
        ids.put("withdrawableFRA", created("/api/directory/authorities", authority("FRA")));
        ids.put("draft", created("/api/notes-verbales", note()));
        ids.put("issued", issued());
        ids.put("closable", issued());
        ids.put("response", (String) gateway.post().uri("/api/notes-verbales/" + ids.get("issued") + "/responses")
                .headers(h -> h.setBearerAuth(secretariat)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body("POST /api/notes-verbales/{id}/responses", "AUT")).exchange().expectStatus().isCreated()
                .expectBody(MAP).returnResult().getResponseBody().get("responseId"));
        ids.put("meeting", created("/api/meetings", meeting()));
        ids.put("cancellable", created("/api/meetings", meeting()));
        ids.put("silent", created("/api/meetings", meeting()));
        ids.put("recommendation", created("/api/recommendations", recommendation()));
        ids.put("successor", created("/api/recommendations", recommendation()));
        ids.put("proposal", created("/api/recommendations/proposals", Map.of("meetingId", ids.get("meeting"),
                "proposedBy", List.of("KEN"), "text", "Hold regional workshops", "date", "2021-09-06")));
        await().atMost(Duration.ofSeconds(10)).until(() -> found("/api/recommendations/proposals?meetingId=" + ids.get("meeting"))
                && found("/api/notes-verbales/" + ids.get("closable"))
                && found("/api/directory/authorities/" + ids.get("authorityFRA")));
    }

    String id(String name) {
        return ids.get(name);
    }

    /**
     * The request for {@code method path} (as the OpenAPI documents spell it) naming {@code state} where a State is
     * named; {@code group} fills a processing group in operators' paths. The body is null for a request without one.
     */
    Call call(String method, String path, String state, String group) {
        String key = method + " " + path;
        // renamings go to a party of the samples' own, so that no test sees Austria under another name
        String resolved = path.replace("{code}/renamings", ids.get("party") + "/renamings").replace("{code}", state).replace("{stateCode}", state).replace("{group}", group);
        String id = switch (path.startsWith("/api/directory/authorities/") ? "authority"
                : path.startsWith("/api/notes-verbales/{id}") ? "note"
                : path.startsWith("/api/meetings/{id}") ? "meeting"
                : path.startsWith("/api/recommendations/proposals/") ? "proposal"
                : path.startsWith("/api/recommendations/{id}") ? "recommendation" : "none") {
            // what ends a thing's life gets a thing of its own, so that the other requests keep a live one
            case "authority" -> ids.get((path.endsWith("/withdrawal") ? "withdrawable" : "authority") + state);
            case "note" -> ids.get(path.endsWith("{id}") && method.equals("PUT") || path.endsWith("/issuance")
                    ? "draft" : path.endsWith("/closure") ? "closable" : "issued");
            case "meeting" -> ids.get(path.endsWith("/cancellation") ? "cancellable"
                    : path.contains("/silence-procedure") ? "silent" : "meeting");
            case "proposal" -> ids.get("proposal");
            case "recommendation" -> ids.get("recommendation");
            default -> "";
        };
        resolved = resolved.replace("{id}", id).replace("{responseId}", ids.get("response"))
                .replace("{clientId}", ids.get("client")).replace("{username}", ids.get("person"));
        String query = switch (key) {
            case "GET /api/meetings/{id}/agenda/diff" -> "?from=1&to=adopted";
            case "GET /api/recommendations/progress-note" -> "?meeting=" + ids.get("meeting");
            case "GET /api/directory/coverage/series" -> "?from=2020-01-01&to=2020-12-31&step=month";
            default -> "";
        };
        return new Call(resolved + query, body(key, state));
    }

    private Object body(String key, String state) {
        return switch (key) {
            case "POST /api/clients" -> Map.of("stateCode", "AUT", "name", "Austria, a sample client");
            case "POST /api/users" -> Map.of("username", "sample-" + unique.incrementAndGet(), "displayName", "A sample person",
                    "roles", List.of("CHAIR"), "language", "en");
            case "PUT /api/users/me/language" -> Map.of("language", "fr");
            case "POST /api/users/{username}/disablement", "POST /api/users/{username}/enablement",
                    "POST /api/users/{username}/password-reset" -> Map.of();
            case "POST /api/directory/states-parties" -> Map.of("code", partyCode(), "name", "A party", "kind", "STATE",
                    "partySince", FAR_FUTURE);
            case "POST /api/directory/states-parties/{code}/renamings" -> Map.of("name", "A renamed sample party",
                    "effective", "2090-06-01");
            case "POST /api/directory/authorities" -> authority(state);
            case "POST /api/directory/authorities/{id}/updates" -> Map.of("name", "Ministry of Justice", "effective", "2021-01-01");
            case "POST /api/directory/authorities/{id}/withdrawal" -> Map.of("effective", "2022-01-01");
            case "POST /api/notes-verbales", "PUT /api/notes-verbales/{id}" -> note();
            case "POST /api/notes-verbales/{id}/issuance" -> Map.of("date", "2020-01-10");
            case "POST /api/notes-verbales/{id}/reminders" -> Map.of("date", "2020-02-10");
            case "POST /api/notes-verbales/{id}/deadline-extensions" -> Map.of("deadline", "2031-06-30");
            case "POST /api/notes-verbales/{id}/closure" -> Map.of("date", "2020-03-10");
            case "POST /api/notes-verbales/{id}/responses" -> Map.of("stateCode", state, "receivedOn", "2020-01-20",
                    "substantive", true, "answers", Map.of("q1", "yes"));
            case "POST /api/meetings" -> meeting();
            case "PUT /api/meetings/{id}/provisional-agenda" -> Map.of("symbol", "CAC/COSP/EG.1/2021/1",
                    "items", List.of(Map.of("title", "Opening of the meeting.")));
            case "POST /api/meetings/{id}/agenda-adoption" -> Map.of("date", "2021-09-06");
            case "POST /api/meetings/{id}/report-adoption" -> Map.of("date", "2021-09-07", "method", "AT_MEETING");
            case "POST /api/meetings/{id}/silence-procedure" -> Map.of("opened", "2021-09-08", "deadline", "2021-09-15");
            case "POST /api/meetings/{id}/silence-procedure/objections" -> Map.of("date", "2021-09-10", "by", "Kenya");
            case "POST /api/meetings/{id}/sessions" -> Map.of("date", "2021-09-06", "chair", Map.of("name", "A chair"));
            case "PUT /api/meetings/{id}/attendance" -> Map.of("statesParties", List.of("AUT", "FRA"));
            case "POST /api/meetings/{id}/cancellation" -> Map.of("date", "2021-09-01");
            case "POST /api/recommendations" -> recommendation();
            case "POST /api/recommendations/{id}/follow-up" -> Map.of("date", "2021-10-01", "action", "A note verbale",
                    "status", "IN_PROGRESS");
            case "POST /api/recommendations/{id}/reaffirmation" -> Map.of("meetingId", ids.get("meeting"), "paragraph", "46",
                    "date", "2021-09-07");
            case "POST /api/recommendations/{id}/supersession" -> Map.of("byRecommendationId", ids.get("successor"),
                    "date", "2022-01-01");
            case "POST /api/recommendations/proposals" -> Map.of("meetingId", ids.get("meeting"), "proposedBy", List.of("KEN"),
                    "text", "Another proposal", "date", "2021-09-06");
            case "POST /api/recommendations/proposals/{id}/adoption" -> Map.of("paragraph", "49", "addressee", "SECRETARIAT",
                    "adoptedOn", "2021-09-07");
            case "POST /api/notes-verbales/{id}/published-figures" -> Map.of("asAt", "2020-02-01", "value", 1,
                    "source", sampleSource(), "text", "As at 1 February 2020, one State had responded.");
            case "POST /api/directory/published-coverage" -> Map.of("asAt", "2090-01-31", "asAtKnownTo", "2090-01",
                    "byType", Map.of("PREVENTION", 1), "source", sampleSource());
            case "POST /api/recommendations/published-figures" -> Map.of("counts", "OTHER", "what", "sample reviews",
                    "asAt", "2090-01-31", "value", 1, "source", sampleSource());
            default -> null;
        };
    }

    private boolean found(String uri) {
        return gateway.get().uri(uri).headers(h -> h.setBearerAuth(secretariat)).exchange()
                .returnResult(byte[].class).getStatus().value() == 200;
    }

    private String created(String uri, Object body) {
        return (String) gateway.post().uri(uri).headers(h -> h.setBearerAuth(secretariat))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody(MAP).returnResult().getResponseBody().get("id");
    }

    private String issued() {
        String id = created("/api/notes-verbales", note());
        gateway.post().uri("/api/notes-verbales/" + id + "/issuance").headers(h -> h.setBearerAuth(secretariat))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("date", "2020-01-10")).exchange()
                .expectStatus().isOk();
        return id;
    }

    private static Map<String, Object> authority(String state) {
        return Map.of("stateCode", state, "type", "EXTRADITION", "name", "Ministry of Justice", "effective", "2020-01-01");
    }

    private static Map<String, Object> note() {
        return Map.of("reference", "CU 2020/1", "subject", "A sample note", "addressees", List.of("AUT", "FRA"),
                "deadline", "2030-12-31", "questions", List.of(Map.of("id", "q1", "text", "A question")));
    }

    private Map<String, Object> meeting() {
        return Map.of("body", "EXPERT_MEETING_INTERNATIONAL_COOPERATION", "ordinal", 20_000 + unique.incrementAndGet(),
                "title", "An expert meeting", "venue", "Vienna", "start", "2021-09-06", "end", "2021-09-07", "format", "HYBRID");
    }

    private Map<String, Object> recommendation() {
        return Map.of("meetingId", ids.get("meeting"), "paragraph", "47 (a)", "text", "A recommendation",
                "addressee", "STATES_PARTIES", "adoptedOn", "2021-09-07");
    }

    /** Where a sample figure is printed: a paragraph of its own, so that each sample is a figure not yet recorded. */
    private Map<String, String> sampleSource() {
        return Map.of("document", "A sample document", "paragraph", "para. " + unique.incrementAndGet());
    }

    /** A user-assigned code (QMA–QZZ) not used before in this run. */
    private String partyCode() {
        int n = unique.incrementAndGet();
        return "Q" + (char) ('M' + (n / 26) % 14) + (char) ('A' + n % 26);
    }
}
