package org.uncac.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first vertical slice, through the gateway exactly as the contract gives it: token, roles, register a
 * State party, refusals as problems, and the list as at a date (and as recorded by an instant).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StatesPartiesContract {

    private SuiteClient api;
    private WebTestClient gateway;
    private String secretariat;
    private RunningSuite suite;

    /** The running suite these tests drive. */
    protected abstract RunningSuite suite();

    @BeforeAll
    void connect() {
        suite = suite();
        api = SuiteClient.connect(suite);
        gateway = api.gateway;
        secretariat = api.secretariat;
    }

    private WebTestClient.ResponseSpec register(String token, Object body) {
        return api.post(token, "/api/directory/states-parties", body);
    }

    private List<Map<String, Object>> partiesAsAt(String query) {
        return api.get("/api/directory/states-parties?" + query, SuiteClient.LIST);
    }

    @Test
    void issuesTokensForClientSecretBasicAndPostAndRefusesBadSecrets() {
        gateway.post().uri("/oauth2/token")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString("chair:chair-secret".getBytes()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials"))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.token_type").isEqualTo("Bearer")
                .jsonPath("$.expires_in").isNumber()
                .jsonPath("$.access_token").isNotEmpty();
        gateway.post().uri("/oauth2/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials")
                        .with("client_id", "secretariat").with("client_secret", "wrong"))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void withoutAValidTokenEveryApiCallIs401AtTheGatewayAndAtTheServiceItself() {
        gateway.get().uri("/api/directory/states-parties").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        gateway.get().uri("/api/directory/states-parties").headers(h -> h.setBearerAuth("not.a.jwt")).exchange()
                .expectStatus().isUnauthorized();
        Api.client(suite.directoryUrl()).get().uri("/api/directory/states-parties").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void onlyTheSecretariatRegistersStatesParties() {
        String state = Api.stateToken(gateway, secretariat, "AUT");
        String chair = Api.token(gateway, "chair", "chair-secret");
        Map<String, Object> austria = Map.of("code", "AUT", "name", "Austria", "kind", "STATE",
                "partySince", "2006-01-11", "regionalGroup", "WESTERN_EUROPEAN_AND_OTHERS");
        register(state, austria).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
        register(chair, austria).expectStatus().isForbidden();
        // a State's client cannot register other clients either
        gateway.post().uri("/api/clients").headers(h -> h.setBearerAuth(state)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("stateCode", "BEL", "name", "x")).exchange().expectStatus().isForbidden();
    }

    @Test
    void registersOnceAndRefusesADuplicateCode() {
        Map<String, Object> party = Map.of("code", "XAB", "name", "Test party XAB", "kind", "STATE",
                "partySince", "2026-02-01", "regionalGroup", "WESTERN_EUROPEAN_AND_OTHERS");
        register(secretariat, party).expectStatus().isCreated()
                .expectBody().jsonPath("$.code").isEqualTo("XAB").jsonPath("$.name").isEqualTo("Test party XAB");
        register(secretariat, party).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(409).jsonPath("$.title").isEqualTo("Conflict");
        // the reference list is imported at the first start: Austria is already there
        register(secretariat, Map.of("code", "AUT", "name", "Austria", "kind", "STATE", "partySince", "2006-01-11"))
                .expectStatus().isEqualTo(409);
    }

    @Test
    void anIdempotencyKeyMakesARetryReturnTheFirstAnswerAndChangeNothing() {
        Map<String, Object> party = Map.of("code", "XIK", "name", "Idempotent party", "kind", "STATE",
                "partySince", "2026-02-01");
        String first = gateway.post().uri("/api/directory/states-parties").headers(h -> h.setBearerAuth(secretariat))
                .header("Idempotency-Key", "retry-XIK").contentType(MediaType.APPLICATION_JSON).bodyValue(party)
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        // without the key the same request is a duplicate (409); with it, the first answer again
        register(secretariat, party).expectStatus().isEqualTo(409);
        gateway.post().uri("/api/directory/states-parties").headers(h -> h.setBearerAuth(secretariat))
                .header("Idempotency-Key", "retry-XIK").contentType(MediaType.APPLICATION_JSON).bodyValue(party)
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class).isEqualTo(first);
        gateway.post().uri("/api/directory/states-parties").headers(h -> h.setBearerAuth(secretariat))
                .header("Idempotency-Key", "retry-XIK").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", "XIL", "name", "Other", "kind", "STATE", "partySince", "2026-02-01"))
                .exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // a key is the caller's own: another client's same key is another request
        gateway.post().uri("/api/directory/states-parties").headers(h -> h.setBearerAuth(Api.token(gateway, "chair", "chair-secret")))
                .header("Idempotency-Key", "retry-XIK").contentType(MediaType.APPLICATION_JSON).bodyValue(party)
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void theReferenceListIsThereFromTheFirstStartWithItsDatesAndFormerNames() {
        await().atMost(Duration.ofSeconds(10)).until(() -> partiesAsAt("asAt=2025-12-31").size() == 192);
        assertThat(partiesAsAt("asAt=2014-07-10")).hasSize(171);
        assertThat(partiesAsAt("asAt=2024-04-20")).hasSize(190);
        assertThat(partiesAsAt("asAt=2024-08-06")).hasSize(191);
        assertThat(names(partiesAsAt("asAt=2019-05-31"))).containsEntry("TUR", "Turkey")
                .containsEntry("SWZ", "Eswatini").containsEntry("MKD", "North Macedonia")
                .containsEntry("EUU", "European Union").doesNotContainKey("KNA");
        assertThat(names(partiesAsAt("asAt=2022-06-01"))).containsEntry("TUR", "Türkiye");
        assertThat(names(partiesAsAt("asAt=2008-12-31"))).containsEntry("EUU", "European Community")
                .doesNotContainKey("CZE");
        assertThat(names(partiesAsAt("asAt=2015-06-30"))).containsEntry("CZE", "Czech Republic")
                .containsEntry("SWZ", "Swaziland").containsEntry("MKD", "The former Yugoslav Republic of Macedonia");
        assertThat(names(partiesAsAt("asAt=2016-06-30"))).containsEntry("CZE", "Czechia");
        Map<String, Object> samoa = partiesAsAt("asAt=2025-12-31").stream()
                .filter(p -> p.get("code").equals("WSM")).findFirst().orElseThrow();
        assertThat(samoa).containsEntry("partySince", "2018-04-30").containsEntry("partySinceKnownTo", "2018-04")
                .containsEntry("regionalGroup", "ASIA_PACIFIC");
    }

    @Test
    void badInputIsA400ProblemNamingTheField() {
        gateway.post().uri("/api/directory/states-parties").headers(h -> h.setBearerAuth(secretariat))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"code\": \"AUT\", ")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400).jsonPath("$.detail").isNotEmpty();
        register(secretariat, Map.of("code", "AUT", "name", "Austria", "kind", "EMPIRE", "partySince", "2006-01-11"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("kind");
        register(secretariat, Map.of("code", "AUT", "name", "Austria", "kind", "STATE", "partySince", "2006-13-45"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("partySince");
        register(secretariat, Map.of("code", "au", "name", "", "kind", "STATE", "partySince", "2006-01-11"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'name')]").exists();
        register(secretariat, Map.of("code", "ZZZ", "name", "Nowhere", "kind", "STATE", "partySince", "2006-01-11"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
        gateway.get().uri("/api/directory/states-parties?asAt=yesterday").headers(h -> h.setBearerAuth(secretariat))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("asAt");
    }

    @Test
    void bodiesOverTheLimitAre413AlsoWhenChunked() {
        String big = "{\"name\": \"" + "x".repeat(70 * 1024) + "\"}";
        register(secretariat, big).expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        gateway.post().uri("/api/directory/states-parties").headers(h -> h.setBearerAuth(secretariat))
                .contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromPublisher(reactor.core.publisher.Flux.range(0, 80)
                        .map(i -> "x".repeat(1024)), String.class))
                .exchange().expectStatus().isEqualTo(413);
    }

    /** A client that writes its whole body before it reads the answer (as Python's urllib does) reads the 413. */
    @Test
    void aClientThatSendsAllOfAnOversizedBodyBeforeReadingGetsThe413Problem() throws Exception {
        java.net.URI gatewayUri = java.net.URI.create(suite.gatewayUrl());
        byte[] body = ("{\"name\": \"" + "x".repeat(8 * 1024 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (java.net.Socket socket = new java.net.Socket(gatewayUri.getHost(), gatewayUri.getPort())) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/directory/states-parties HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + secretariat + "\r\nContent-Type: application/json\r\n"
                    + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(400), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json");
        }
    }

    @Test
    void theListAsAtADateShowsThePartiesAndNamesOfThatDate() {
        register(secretariat, Map.of("code", "XTA", "name", "Old name of XTA", "kind", "STATE",
                "partySince", "2026-03-01", "regionalGroup", "AFRICAN")).expectStatus().isCreated();
        register(secretariat, Map.of("code", "XTB", "name", "Party XTB", "kind", "REGIONAL_ECONOMIC_INTEGRATION_ORGANIZATION",
                "partySince", "2026-05-01")).expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(5)).until(() -> names(partiesAsAt("asAt=2026-06-01")).containsKey("XTB"));
        Instant beforeRenaming = Instant.now();
        gateway.post().uri("/api/directory/states-parties/XTA/renamings").headers(h -> h.setBearerAuth(secretariat))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "New name of XTA", "effective", "2026-04-01"))
                .exchange().expectStatus().isOk();
        gateway.post().uri("/api/directory/states-parties/XKY/renamings").headers(h -> h.setBearerAuth(secretariat))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "X", "effective", "2022-06-01"))
                .exchange().expectStatus().isNotFound();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(names(partiesAsAt("asAt=2026-06-01"))).containsEntry("XTA", "New name of XTA"));
        assertThat(names(partiesAsAt("asAt=2026-03-15"))).containsEntry("XTA", "Old name of XTA").doesNotContainKey("XTB");
        assertThat(names(partiesAsAt("asAt=2026-02-15"))).doesNotContainKeys("XTA", "XTB");
        // what the list said before the renaming was recorded, even for a date after it took effect
        assertThat(names(partiesAsAt("asAt=2026-06-01&recordedBy=" + beforeRenaming))).containsEntry("XTA", "Old name of XTA");
        Map<String, Object> xtb = partiesAsAt("asAt=2026-06-01").stream()
                .filter(p -> p.get("code").equals("XTB")).findFirst().orElseThrow();
        assertThat(xtb).containsEntry("kind", "REGIONAL_ECONOMIC_INTEGRATION_ORGANIZATION")
                .containsEntry("partySince", "2026-05-01").containsEntry("regionalGroup", null);
    }

    static Map<String, Object> names(List<Map<String, Object>> parties) {
        Map<String, Object> names = new java.util.TreeMap<>();
        parties.forEach(p -> names.put((String) p.get("code"), p.get("name")));
        return names;
    }
}
