package org.uncac.systemtests;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

/**
 * The gateway as the contract tests drive it: one client, the secretariat's token, reads that expect 200 and
 * writes whose answer each test checks.
 */
final class SuiteClient {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    static final ParameterizedTypeReference<List<String>> STRINGS = new ParameterizedTypeReference<>() { };

    final WebTestClient gateway;
    final String secretariat;

    private SuiteClient(WebTestClient gateway, String secretariat) {
        this.gateway = gateway;
        this.secretariat = secretariat;
    }

    static SuiteClient connect(RunningSuite suite) {
        WebTestClient gateway = Api.client(suite.gatewayUrl());
        return new SuiteClient(gateway, Api.token(gateway, "secretariat", "secretariat-secret"));
    }

    String token(String clientId, String secret) {
        return Api.token(gateway, clientId, secret);
    }

    /** GET as the secretariat, expecting 200. */
    <T> T get(String uri, ParameterizedTypeReference<T> type) {
        return gateway.get().uri(uri).headers(h -> h.setBearerAuth(secretariat)).exchange()
                .expectStatus().isOk().expectBody(type).returnResult().getResponseBody();
    }

    Map<String, Object> get(String uri) {
        return get(uri, MAP);
    }

    WebTestClient.ResponseSpec send(String method, String token, String uri, Object body) {
        return gateway.method(HttpMethod.valueOf(method)).uri(uri).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec post(String token, String uri, Object body) {
        return send("POST", token, uri, body);
    }
}
