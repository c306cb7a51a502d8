package org.uncac.systemtests;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.time.Duration;
import java.util.Map;

/** A client of the public HTTP contract, as an outside client sees it. */
final class Api {

    private Api() {
    }

    static WebTestClient client(String baseUrl) {
        return WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** POST /oauth2/token with client_secret_post. */
    @SuppressWarnings("unchecked")
    static String token(WebTestClient client, String clientId, String secret) {
        Map<String, Object> body = client.post().uri("/oauth2/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials")
                        .with("client_id", clientId).with("client_secret", secret))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("access_token");
    }

    /** Registers a State's client through POST /api/clients and returns a token for it. */
    @SuppressWarnings("unchecked")
    static String stateToken(WebTestClient client, String secretariatToken, String stateCode) {
        Map<String, Object> registered = client.post().uri("/api/clients")
                .headers(h -> h.setBearerAuth(secretariatToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("stateCode", stateCode, "name", stateCode + " central authority"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return token(client, (String) registered.get("clientId"), (String) registered.get("clientSecret"));
    }
}
