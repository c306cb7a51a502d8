package org.uncac.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every write endpoint of every service's OpenAPI document, fed bodies made from its valid request with one thing
 * changed as its schema allows: a field null, missing, empty, over-long, of the wrong type, in odd Unicode, a list
 * with a null or too many elements, an unknown field. The answer is a 2xx or a 4xx problem naming what was wrong,
 * never a 5xx; after a 2xx every read model catches up and the created thing reads back; at the end no service
 * has parked an event. A fixed seed and a bounded number of tries keep it reproducible and short.
 */
class WriteEndpointsPropertyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SERVICES = List.of("directory", "notes-verbales", "meetings", "recommendations", "auth");
    private static final String LONE_SURROGATE = "lone-surrogate-placeholder";
    private static final List<String> ODD_TEXTS = List.of("\u0000", "\u202Egnp.exe", "😀".repeat(40), "e\u0301\u0301\u0301",
            "\uFEFF", "\r\n=cmd|' /C calc'!A0", "   ", "<script>alert(1)</script>", "{\"$ne\": null}", "١٢٣", LONE_SURROGATE);

    private static RunningSuite suite;
    private static WebTestClient gateway;
    private static String secretariat;
    private static SampleRequests samples;
    private static List<Endpoint> endpoints;
    private static final Map<String, Integer> tried = new ConcurrentHashMap<>();
    private static final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
    private static final AtomicLong slowestCatchUpMillis = new AtomicLong();

    /** A write endpoint as its OpenAPI document describes it. */
    record Endpoint(String method, String path, JsonNode schema) {
        String key() {
            return method + " " + path;
        }
    }

    /** One change to the valid body; {@code field} is a dotted path ("questions.0.id"), empty for the whole body. */
    record Change(String kind, String field, JsonNode value) {
    }

    /** The request to send and what it should name when refused. */
    record Attempt(Endpoint endpoint, Change change) {
        @Override
        public String toString() {
            return endpoint.key() + " with " + change.kind() + " at '" + change.field() + "'"
                    + (change.value() == null ? "" : " = " + abbreviate(change.value().toString()));
        }
    }

    @BeforeContainer
    static void startTheSuite() throws IOException {
        suite = RunningSuite.onEmbeddedMongo();
        gateway = Api.client(suite.gatewayUrl());
        secretariat = Api.token(gateway, "secretariat", "secretariat-secret");
        samples = new SampleRequests(gateway, secretariat);
        endpoints = new ArrayList<>();
        for (String service : SERVICES) {
            JsonNode document = JSON.readTree(gateway.get().uri("/v3/api-docs/" + service).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
            document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                JsonNode schema = operation.getValue().path("requestBody").path("content").path("application/json").path("schema");
                if (!schema.isMissingNode()) {
                    endpoints.add(new Endpoint(operation.getKey().toUpperCase(), path.getKey(), resolve(schema, document)));
                }
            }));
        }
        assertThat(endpoints).as("write endpoints in the OpenAPI documents").hasSizeGreaterThan(25);
    }

    @Property(tries = 700, seed = "20171117", shrinking = ShrinkingMode.OFF)
    void everyWriteIsAcknowledgedAndCountedOrRefusedWithAProblem(@ForAll("attempts") Attempt attempt) throws IOException {
        Endpoint endpoint = attempt.endpoint();
        SampleRequests.Call call = samples.call(endpoint.method(), endpoint.path(), "AUT", "");
        String body = bodyWith(call.body(), attempt.change());
        tried.merge(endpoint.key(), 1, Integer::sum);

        EntityExchangeResult<String> result = send(endpoint.method(), call.uri(), body);
        int status = result.getStatus().value();
        String answer = result.getResponseBody() == null ? "" : result.getResponseBody();
        assertThat(status).as("%s answered %s", attempt, answer).isLessThan(500);
        if (status >= 400) {
            assertThat(result.getResponseHeaders().getContentType()).as("%s answered %s", attempt, answer)
                    .isNotNull().matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            assertThat(answer).as("%s", attempt).doesNotContain("Exception", "\tat ");
            if (status == 400 && !attempt.change().field().isEmpty()) {
                assertThat(answer).as("the problem names the field of %s", attempt).contains(leaf(attempt.change().field()));
            }
            return;
        }
        acknowledged.merge(endpoint.key(), 1, Integer::sum);
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(eventsBehind()).as("read models behind the store after %s", attempt).isZero());
        slowestCatchUpMillis.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
        String location = result.getResponseHeaders().getFirst("Location");
        if (location != null) {
            assertThat(send("GET", location, null).getStatus().value()).as("%s then GET %s", attempt, location).isEqualTo(200);
        }
    }

    @AfterContainer
    static void noServiceParkedAnEvent() throws IOException {
        Map<String, Object> parked = new TreeMap<>();
        suite.serviceUrls().forEach((name, url) -> {
            Map<String, Object> groups = WebTestClient.bindToServer().baseUrl(url).build().get().uri("/actuator/deadletters")
                    .headers(h -> h.setBearerAuth(secretariat)).exchange().expectStatus().isOk()
                    .expectBody(SampleRequests.MAP).returnResult().getResponseBody();
            groups.forEach((group, queue) -> {
                if (((Number) ((Map<?, ?>) queue).get("size")).longValue() > 0) {
                    parked.put(name + "/" + group, queue);
                }
            });
        });
        StringBuilder summary = new StringBuilder("bodies tried (acknowledged) per write endpoint, seed 20171117:\n");
        new TreeMap<>(tried).forEach((key, count) -> summary.append(String.format("%5d (%3d)  %s%n", count,
                acknowledged.getOrDefault(key, 0), key)));
        summary.append(String.format("total %d, slowest catch-up of the read models after a 2xx: %d ms, dead letters: %d%n",
                tried.values().stream().mapToInt(Integer::intValue).sum(), slowestCatchUpMillis.get(), parked.size()));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "write-endpoints-property.txt"), summary);
        System.out.print(summary);
        assertThat(parked).as("parked events of every service").isEmpty();
    }

    @Provide
    Arbitrary<Attempt> attempts() {
        return Arbitraries.of(endpoints).flatMap(endpoint -> changes(endpoint).map(change -> new Attempt(endpoint, change)));
    }

    /** The changes a body of this schema can take, each field's as its type allows. */
    private static Arbitrary<Change> changes(Endpoint endpoint) {
        List<Arbitrary<Change>> options = new ArrayList<>();
        options.add(Arbitraries.of(new Change("no change", "", null)));
        options.add(Arbitraries.of("null", "[]", "{}", "\"text\"", "12").map(raw -> new Change("whole body", "", parse(raw))));
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        collectFields("", endpoint.schema(), fields, 0);
        if (!fields.isEmpty()) {
            options.add(Arbitraries.of(fields).flatMap(WriteEndpointsPropertyIT::changesOf));
        }
        options.add(Arbitraries.of(new Change("unknown field", "unexpectedField", JsonNodeFactory.instance.numberNode(1))));
        return Arbitraries.oneOf(options);
    }

    private static Arbitrary<Change> changesOf(Map.Entry<String, JsonNode> field) {
        String name = field.getKey();
        JsonNode schema = field.getValue();
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<Arbitrary<Change>> options = new ArrayList<>();
        options.add(Arbitraries.of(new Change("null", name, f.nullNode()), new Change("missing", name, null)));
        options.add(Arbitraries.of(f.numberNode(12), f.booleanNode(true), f.objectNode(), f.arrayNode(), f.textNode("x"))
                .map(value -> new Change("wrong type", name, value)));
        String type = schema.path("type").asText("");
        if (type.equals("string") || type.isEmpty()) {
            int max = schema.path("maxLength").asInt(100_000);
            options.add(Arbitraries.of(new Change("empty", name, f.textNode("")),
                    new Change("over-long", name, f.textNode("x".repeat(Math.min(max + 1, 200_000))))));
            options.add(Arbitraries.of(ODD_TEXTS).map(text -> new Change("odd Unicode", name, f.textNode(text))));
        }
        if (type.equals("array")) {
            int max = schema.path("maxItems").asInt(1_000);
            ArrayNode withNull = f.arrayNode().addNull();
            ArrayNode tooMany = f.arrayNode();
            for (int i = 0; i <= Math.min(max, 5_000); i++) {
                tooMany.add("AUT");
            }
            options.add(Arbitraries.of(new Change("list with null", name, withNull), new Change("too many", name, tooMany),
                    new Change("empty list", name, f.arrayNode())));
        }
        if (type.equals("object") && schema.has("additionalProperties")) {
            ObjectNode withNull = f.objectNode().putNull("q1");
            ObjectNode nested = f.objectNode();
            nested.putObject("q1").put("deep", 1);
            options.add(Arbitraries.of(new Change("map with null", name, withNull), new Change("map with object", name, nested)));
        }
        if (type.equals("integer") || type.equals("number")) {
            options.add(Arbitraries.of(f.numberNode(-1), f.numberNode(0), f.numberNode(Long.MAX_VALUE), f.numberNode(1.5))
                    .map(value -> new Change("odd number", name, value)));
        }
        return Arbitraries.oneOf(options);
    }

    /** Dotted paths of the fields of a schema, nested objects and the first element of lists included. */
    private static void collectFields(String prefix, JsonNode schema, List<Map.Entry<String, JsonNode>> fields, int depth) {
        if (depth > 3) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String path = prefix + property.getKey();
            fields.add(Map.entry(path, property.getValue()));
            JsonNode value = property.getValue();
            if (value.has("properties")) {
                collectFields(path + ".", value, fields, depth + 1);
            } else if (value.path("items").has("properties")) {
                collectFields(path + ".0.", value.get("items"), fields, depth + 1);
            }
        }
    }

    /** The valid body with the change applied, as JSON text. */
    private static String bodyWith(Object valid, Change change) throws IOException {
        if (change.kind().equals("whole body")) {
            return change.value().toString();
        }
        JsonNode body = JSON.valueToTree(valid == null ? Map.of() : valid);
        if (!change.field().isEmpty()) {
            String[] steps = change.field().split("\\.");
            JsonNode parent = body;
            for (int i = 0; i < steps.length - 1 && parent != null; i++) {
                parent = parent.isArray() ? parent.get(Integer.parseInt(steps[i])) : parent.get(steps[i]);
            }
            String last = steps[steps.length - 1];
            if (parent instanceof ObjectNode object) {
                if (change.value() == null) {
                    object.remove(last);
                } else {
                    object.set(last, change.value());
                }
            } else if (parent instanceof ArrayNode array && !array.isEmpty()) {
                array.set(Integer.parseInt(last), change.value() == null ? JsonNodeFactory.instance.nullNode() : change.value());
            }
        }
        return JSON.writeValueAsString(body).replace(LONE_SURROGATE, "\\ud800x");
    }

    private static EntityExchangeResult<String> send(String method, String uri, String body) {
        for (int attempt = 0; ; attempt++) {
            WebTestClient.RequestBodySpec request = gateway.method(HttpMethod.valueOf(method)).uri(uri)
                    .headers(h -> h.setBearerAuth(secretariat));
            EntityExchangeResult<String> result = (body == null ? request
                    : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body))
                    .exchange().expectBody(String.class).returnResult();
            if (result.getStatus().value() != 429 || attempt == 20) {
                return result;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
        }
    }

    /** The most any processor of any service is behind the head of the store. */
    private static long eventsBehind() {
        long most = 0;
        for (String url : suite.serviceUrls().values()) {
            Map<String, Object> health = WebTestClient.bindToServer().baseUrl(url).build().get().uri("/actuator/health")
                    .headers(h -> h.setBearerAuth(secretariat)).exchange().expectBody(SampleRequests.MAP)
                    .returnResult().getResponseBody();
            Map<?, ?> readModels = (Map<?, ?>) ((Map<?, ?>) health.get("components")).get("readModels");
            Map<?, ?> behind = (Map<?, ?>) ((Map<?, ?>) readModels.get("details")).get("eventsBehind");
            for (Object lag : behind.values()) {
                most = Math.max(most, lag instanceof Number number ? number.longValue() : Long.MAX_VALUE);
            }
        }
        return most;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode document) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return resolve(document.path("components").path("schemas").path(name), document);
        }
        if (schema.isObject()) {
            ObjectNode copy = schema.deepCopy();
            schema.fields().forEachRemaining(entry -> {
                if (entry.getValue().isObject()) {
                    copy.set(entry.getKey(), resolve(entry.getValue(), document));
                }
            });
            if (schema.has("properties")) {
                ObjectNode properties = copy.putObject("properties");
                schema.get("properties").fields().forEachRemaining(p -> properties.set(p.getKey(), resolve(p.getValue(), document)));
            }
            return copy;
        }
        return schema;
    }

    private static JsonNode parse(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            throw new IllegalArgumentException(raw, e);
        }
    }

    private static String leaf(String field) {
        String[] steps = field.split("\\.");
        for (int i = steps.length - 1; i >= 0; i--) {
            if (!steps[i].chars().allMatch(Character::isDigit)) {
                return steps[i];
            }
        }
        return field;
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…(" + text.length() + ")" : text;
    }
}
