package org.uncac.systemtests;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the gateway and every service check in a bearer token besides its signature: its issuer, its audience,
 * its validity period, and that its client was not revoked; and the token endpoint throttles failed client
 * authentications. Tokens are signed here with the suite's own key, so only the claim under test is wrong.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTokensIT {

    private static final String AUDIENCE = "uncac-expert-meetings";

    private final RunningSuite suite = RunningSuite.onEmbeddedMongo();
    private WebTestClient gateway;
    private String secretariat;
    private RSAKey signingKey;

    @BeforeAll
    void connect() throws Exception {
        gateway = Api.client(suite.gatewayUrl());
        secretariat = Api.token(gateway, "secretariat", "secretariat-secret");
        try (MongoClient client = MongoClients.create(suite.mongoUri())) {
            Document key = client.getDatabase("uncac_auth").getCollection("auth_keys").find(new Document("_id", "signing")).first();
            signingKey = RSAKey.parse(key.getString("jwk"));
        }
    }

    /** A read every process answers for the secretariat, by where it is reached. */
    private Map<String, String> readsEverywhere() {
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put(suite.gatewayUrl(), "/api/directory/states-parties?asAt=2020-01-01");
        reads.put(suite.serviceUrls().get("directory"), "/api/directory/states-parties?asAt=2020-01-01");
        reads.put(suite.serviceUrls().get("notes-verbales"), "/api/notes-verbales/open");
        reads.put(suite.serviceUrls().get("meetings"), "/api/meetings");
        reads.put(suite.serviceUrls().get("recommendations"), "/api/recommendations");
        reads.put(suite.processUrls().get("auth"), "/api/clients");
        return reads;
    }

    private Map<String, Integer> statusesEverywhere(String token) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        readsEverywhere().forEach((base, path) -> statuses.put(base + path, WebTestClient.bindToServer().baseUrl(base)
                .responseTimeout(Duration.ofSeconds(30)).build().get().uri(path).headers(h -> h.setBearerAuth(token))
                .exchange().returnResult(byte[].class).getStatus().value()));
        return statuses;
    }

    private String signed(String issuer, List<String> audience, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("secretariat")
                .issueTime(Date.from(expires.minusSeconds(3600))).expirationTime(Date.from(expires))
                .claim("roles", List.of("SECRETARIAT")).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(signingKey));
        return jwt.serialize();
    }

    @Test
    void onlyATokenOfTheSuiteMeantForTheSuiteAndNotExpiredIsAccepted() throws Exception {
        Instant later = Instant.now().plusSeconds(600);
        assertThat(statusesEverywhere(signed(suite.issuer(), List.of(AUDIENCE), later)).values()).as("the control token")
                .containsOnly(200);
        assertThat(statusesEverywhere(signed("http://elsewhere.invalid", List.of(AUDIENCE), later)).values())
                .as("another issuer").containsOnly(401);
        assertThat(statusesEverywhere(signed(suite.issuer(), List.of("some-other-api"), later)).values())
                .as("another audience").containsOnly(401);
        assertThat(statusesEverywhere(signed(suite.issuer(), List.of(AUDIENCE), Instant.now().minusSeconds(120))).values())
                .as("expired").containsOnly(401);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRevokedClientGetsNoTokenAndItsTokensAreRefusedEverywhereWithinASecond() {
        Map<String, Object> registered = gateway.post().uri("/api/clients").headers(h -> h.setBearerAuth(secretariat))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("stateCode", "AUT", "name", "Austria, to revoke"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String clientId = (String) registered.get("clientId");
        String token = Api.token(gateway, clientId, (String) registered.get("clientSecret"));
        String read = "/api/directory/states-parties/AUT";
        gateway.get().uri(read).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();

        gateway.delete().uri("/api/clients/" + clientId).headers(h -> h.setBearerAuth(secretariat)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.revokedBy").isEqualTo("secretariat")
                .jsonPath("$.revokedAt").isNotEmpty();
        Instant revoked = Instant.now();
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            assertThat(gateway.get().uri(read).headers(h -> h.setBearerAuth(token)).exchange()
                    .returnResult(byte[].class).getStatus().value()).as("through the gateway").isEqualTo(401);
            for (Map.Entry<String, String> service : suite.serviceUrls().entrySet()) {
                assertThat(WebTestClient.bindToServer().baseUrl(service.getValue()).build().get().uri(read)
                        .headers(h -> h.setBearerAuth(token)).exchange().returnResult(byte[].class).getStatus().value())
                        .as(service.getKey()).isEqualTo(401);
            }
        });
        System.out.printf("revoked client refused everywhere after %d ms%n", Duration.between(revoked, Instant.now()).toMillis());

        gateway.post().uri("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials").with("client_id", clientId)
                        .with("client_secret", (String) registered.get("clientSecret")))
                .exchange().expectStatus().isUnauthorized();
        gateway.get().uri("/api/clients/" + clientId).headers(h -> h.setBearerAuth(secretariat)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.revokedAt").isNotEmpty();
        gateway.delete().uri("/api/clients/" + clientId).headers(h -> h.setBearerAuth(secretariat)).exchange()
                .expectStatus().isEqualTo(409).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        gateway.delete().uri("/api/clients/secretariat").headers(h -> h.setBearerAuth(secretariat)).exchange()
                .expectStatus().isEqualTo(409);
        gateway.delete().uri("/api/clients/no-such-client").headers(h -> h.setBearerAuth(secretariat)).exchange()
                .expectStatus().isNotFound();
        // the secretariat's own token is untouched
        gateway.get().uri(read).headers(h -> h.setBearerAuth(secretariat)).exchange().expectStatus().isOk();
    }

    @Test
    @SuppressWarnings("unchecked")
    void afterTenFailedAuthenticationsAClientIsThrottledEvenWithItsRightSecret() {
        Map<String, Object> registered = gateway.post().uri("/api/clients").headers(h -> h.setBearerAuth(secretariat))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("stateCode", "FRA", "name", "France, guessed at"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String clientId = (String) registered.get("clientId");
        for (int i = 0; i < 10; i++) {
            tokenRequest(clientId, "guess-" + i).expectStatus().isUnauthorized();
        }
        tokenRequest(clientId, (String) registered.get("clientSecret")).expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // another client from the same address is not locked out by these ten
        Api.token(gateway, "chair", "chair-secret");
    }

    private WebTestClient.ResponseSpec tokenRequest(String clientId, String secret) {
        return gateway.post().uri("/oauth2/token").headers(h -> h.setBasicAuth(clientId, secret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials")).exchange();
    }
}
