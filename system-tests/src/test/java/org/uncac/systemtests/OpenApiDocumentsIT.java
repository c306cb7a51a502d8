package org.uncac.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI documents the gateway serves, as a State's developer reads them: every operation says what it does,
 * who may call it and which problems it answers; every JSON answer has a typed schema; the servers are the
 * gateway's; and the notes verbales document is the one the Java client of {@link GeneratedClientIT} is
 * generated from ({@code src/test/openapi/notes-verbales.json}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentsIT {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final List<String> DOCUMENTS = List.of("notes-verbales", "directory", "meetings", "recommendations", "auth");
    private static final Set<String> PROBLEMS = Set.of("400", "401", "403", "429");
    static final Path NOTES_VERBALES = Path.of("src/test/openapi/notes-verbales.json");

    private WebTestClient gateway;

    @BeforeAll
    void connect() {
        gateway = Api.client(RunningSuite.onEmbeddedMongo().gatewayUrl());
    }

    private JsonNode document(String name) throws IOException {
        byte[] body = gateway.get().uri("/v3/api-docs/" + name).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    @Test
    void everyOperationSaysWhatItDoesWhoMayCallItAndWhichProblemsItAnswers() throws IOException {
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (String name : DOCUMENTS) {
            JsonNode document = document(name);
            for (Map.Entry<String, JsonNode> path : iterable(document.path("paths").fields())) {
                for (Map.Entry<String, JsonNode> method : iterable(path.getValue().fields())) {
                    operations++;
                    JsonNode operation = method.getValue();
                    String where = name + " " + method.getKey().toUpperCase() + " " + path.getKey();
                    if (operation.path("summary").asText().isBlank()) {
                        missing.add(where + ": no summary");
                    }
                    if (!operation.path("x-roles").isArray() || operation.path("x-roles").isEmpty()) {
                        missing.add(where + ": no roles");
                    }
                    for (String status : PROBLEMS) {
                        if (!operation.path("responses").path(status).path("content").has("application/problem+json")) {
                            missing.add(where + ": no " + status + " problem");
                        }
                    }
                }
            }
            assertThat(document.path("servers").get(0).path("url").asText()).as(name).isEqualTo("/");
            assertThat(document.path("components").path("schemas").has("Problem")).as(name).isTrue();
        }
        assertThat(operations).isGreaterThan(70);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyJsonAnswerHasATypedSchema() throws IOException {
        List<String> untyped = new ArrayList<>();
        for (String name : DOCUMENTS) {
            JsonNode document = document(name);
            for (Map.Entry<String, JsonNode> path : iterable(document.path("paths").fields())) {
                for (Map.Entry<String, JsonNode> method : iterable(path.getValue().fields())) {
                    for (Map.Entry<String, JsonNode> response : iterable(method.getValue().path("responses").fields())) {
                        JsonNode schema = response.getValue().path("content").path("application/json").path("schema");
                        if (response.getKey().startsWith("2") && !schema.isMissingNode() && untyped(schema)) {
                            untyped.add(name + " " + method.getKey().toUpperCase() + " " + path.getKey() + " " + response.getKey());
                        }
                    }
                }
            }
        }
        assertThat(untyped).isEmpty();
    }

    @Test
    void aStatesClientAuthorizesWithItsClientCredentialsAtTheGatewaysTokenEndpoint() throws IOException {
        JsonNode flow = document("notes-verbales").path("components").path("securitySchemes").path("clientCredentials");
        assertThat(flow.path("type").asText()).isEqualTo("oauth2");
        assertThat(flow.path("flows").path("clientCredentials").path("tokenUrl").asText()).isEqualTo("/oauth2/token");
    }

    /** The committed document the client is generated from is the one served: regenerate it when this fails. */
    @Test
    void theNotesVerbalesDocumentTheClientIsGeneratedFromIsTheOneServed() throws IOException {
        String served = JSON.writeValueAsString(JSON.treeToValue(document("notes-verbales"), Object.class)) + "\n";
        Path copy = Path.of("target/openapi/notes-verbales.json");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, served);
        assertThat(Files.exists(NOTES_VERBALES) ? Files.readString(NOTES_VERBALES) : "")
                .as("copy " + copy + " to " + NOTES_VERBALES).isEqualTo(served);
    }

    /** An object answered with neither a named schema nor properties: a map to a generated client. */
    private static boolean untyped(JsonNode schema) {
        if (schema.has("$ref")) {
            return false;
        }
        if ("array".equals(schema.path("type").asText())) {
            return untyped(schema.path("items"));
        }
        return "object".equals(schema.path("type").asText()) && !schema.has("properties");
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }
}
