package org.uncac.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.io.IOException;
import org.springframework.http.HttpMethod;

/**
 * The gateway's public API as the console calls it: with the signed-in person's access token (refreshed when it
 * expires), answers as JSON trees. An answer outside 2xx becomes an {@link ApiProblem} that pages show beside
 * the fields it names.
 */
@Component
public class GatewayApi {

    /** A refused request: its status, its problem's detail, and the message for each field it names. */
    public static final class ApiProblem extends RuntimeException {
        private final int status;
        private final Map<String, String> fields;

        public ApiProblem(int status, String detail, Map<String, String> fields) {
            super(detail);
            this.status = status;
            this.fields = fields;
        }

        public int status() {
            return status;
        }

        public Map<String, String> fields() {
            return fields;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebClient client;
    private final String gateway;

    public GatewayApi(ConsoleProperties properties, ReactiveClientRegistrationRepository registrations,
                      ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
                registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        ServerOAuth2AuthorizedClientExchangeFilterFunction tokens = new ServerOAuth2AuthorizedClientExchangeFilterFunction(manager);
        tokens.setDefaultClientRegistrationId(ConsoleSecurity.REGISTRATION);
        this.gateway = properties.gateway();
        this.client = WebClient.builder().filter(tokens)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
    }

    /** A path of one of the API's things: the value encoded as one path segment. */
    public static String segment(Object value) {
        return UriUtils.encodePathSegment(String.valueOf(value), StandardCharsets.UTF_8);
    }

    /** A query parameter's value, encoded. */
    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The gateway's address of an API path whose segments and query values are already encoded. */
    private Mono<URI> at(String path) {
        return Mono.fromCallable(() -> URI.create(gateway + path))
                .onErrorMap(IllegalArgumentException.class, e -> new ApiProblem(404, "There is no such page.", Map.of()));
    }

    public Mono<JsonNode> get(String path) {
        return at(path).flatMap(uri -> client.get().uri(uri).accept(MediaType.APPLICATION_JSON).exchangeToMono(GatewayApi::json));
    }

    /** The body of a CSV export, to hand on to the browser. */
    public Mono<String> text(String path) {
        return at(path).flatMap(uri -> client.get().uri(uri).exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                ? response.bodyToMono(String.class).defaultIfEmpty("") : problem(response).then(Mono.empty())));
    }

    /** A document the API makes (a DOCX), to hand on to the browser as it came. */
    public Mono<byte[]> bytes(String path) {
        return at(path).flatMap(uri -> client.get().uri(uri).exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                ? response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]) : problem(response).then(Mono.empty())));
    }

    public Mono<JsonNode> send(String method, String path, Object body) {
        return at(path).flatMap(uri -> client.method(HttpMethod.valueOf(method)).uri(uri)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchangeToMono(GatewayApi::json));
    }

    private static Mono<JsonNode> json(ClientResponse response) {
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(String.class).defaultIfEmpty("null").map(GatewayApi::parse);
        }
        return problem(response);
    }

    private static <T> Mono<T> problem(ClientResponse response) {
        HttpStatusCode status = response.statusCode();
        return response.bodyToMono(String.class).defaultIfEmpty("{}").flatMap(body -> {
            JsonNode problem = parse(body);
            Map<String, String> fields = new LinkedHashMap<>();
            for (JsonNode error : problem.path("errors")) {
                fields.put(error.path("field").asText(), error.path("message").asText());
            }
            String detail = problem.path("detail").asText(problem.path("title").asText(status.toString()));
            return Mono.error(new ApiProblem(status.value(), detail, fields));
        });
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
