package org.uncac.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's access table, called row by row as every kind of caller: the secretariat, the chair, a State's
 * client acting for its own State and naming another, and no token. An endpoint in a service's OpenAPI document
 * without a row fails, so a new endpoint cannot come without its access rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesIT {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    private static final Pattern ROW = Pattern.compile("^\\| `(GET|POST|PUT|DELETE|PATCH) ([^`]+)`(?: \\((each service|every process)\\))? \\|(.*)\\|\\s*$");
    private static final List<String> CALLERS = List.of("no token", "STATE (other)", "CHAIR", "STATE (own)", "SECRETARIAT");
    private static final List<String> COLUMNS = List.of("SECRETARIAT", "CHAIR", "STATE (own)", "STATE (other)", "no token");

    private final RunningSuite suite = RunningSuite.onEmbeddedMongo();
    private WebTestClient gateway;
    private final Map<String, String> tokens = new HashMap<>();
    private SampleRequests samples;

    /** {@code scope}: empty for an endpoint behind the gateway, else "each service" or "every process" (gateway and auth too). */
    record Row(String method, String path, String scope, Map<String, String> expected) {
        boolean eachService() {
            return !scope.isEmpty();
        }

        String key() {
            return method + " " + path;
        }
    }


    @BeforeAll
    void fixtures() {
        gateway = Api.client(suite.gatewayUrl());
        String secretariat = Api.token(gateway, "secretariat", "secretariat-secret");
        tokens.put("SECRETARIAT", secretariat);
        tokens.put("CHAIR", Api.token(gateway, "chair", "chair-secret"));
        String aut = Api.stateToken(gateway, secretariat, "AUT");
        tokens.put("STATE (own)", aut);
        tokens.put("STATE (other)", aut);
        samples = new SampleRequests(gateway, secretariat);
    }

    @Test
    void everyEndpointHasARowAndEveryRowHolds() throws IOException {
        List<Row> rows = readTable();
        assertThat(rows).as("rows of the README's access table").hasSizeGreaterThan(60);
        Set<String> documented = new TreeSet<>();
        for (String service : List.of("directory", "notes-verbales", "meetings", "recommendations", "auth")) {
            JsonNode paths = new ObjectMapper().readTree(gateway.get().uri("/v3/api-docs/" + service).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()).get("paths");
            paths.fields().forEachRemaining(path -> path.getValue().fieldNames()
                    .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
        }
        Set<String> tabled = new TreeSet<>(rows.stream().filter(r -> !r.eachService()).map(Row::key).toList());
        assertThat(tabled).as("endpoints with a row in the README's access table").containsAll(documented);
        assertThat(documented).as("rows of endpoints that exist").containsAll(tabled);

        List<String> failures = new ArrayList<>();
        for (Row row : rows) {
            for (String caller : CALLERS) {
                String expected = row.expected().get(caller);
                if (expected.equals("—")) {
                    continue;
                }
                for (String base : switch (row.scope()) {
                    case "each service" -> suite.serviceUrls().values();
                    case "every process" -> suite.processUrls().values();
                    default -> List.of("");
                }) {
                    SampleRequests.Call call = call(row, caller, base);
                    int status = status(caller, HttpMethod.valueOf(row.method()), base + call.uri(), call.body());
                    boolean holds = switch (expected) {
                        case "yes" -> status != 401 && status != 403 && status < 500;
                        case "403" -> status == 403;
                        case "401" -> status == 401;
                        default -> throw new IllegalStateException("unknown cell '" + expected + "' in " + row.key());
                    };
                    if (!holds) {
                        failures.add(row.key() + " as " + caller + (base.isEmpty() ? "" : " on " + base)
                                + ": expected " + expected + ", got " + status);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** The request that exercises a row as a caller: paths and bodies valid, so that only access decides. */
    private SampleRequests.Call call(Row row, String caller, String base) {
        String state = caller.equals("STATE (other)") ? "FRA" : "AUT";
        SampleRequests.Call call = samples.call(row.method(), row.path(), state,
                row.path().contains("{group}") ? processingGroup(base) : "");
        if (call.body() == null && !row.method().equals("GET") && !row.method().equals("DELETE")
                && !row.key().startsWith("POST /actuator")) {
            throw new IllegalStateException("no request body for " + row.key() + ": add one to SampleRequests");
        }
        return call;
    }

    private final Map<String, String> groups = new HashMap<>();

    /** A processing group of the service at {@code base}, to retry its (empty) dead-letter queue. */
    private String processingGroup(String base) {
        return groups.computeIfAbsent(base, url -> WebTestClient.bindToServer().baseUrl(url).build().get()
                .uri("/actuator/deadletters").headers(h -> h.setBearerAuth(tokens.get("SECRETARIAT"))).exchange()
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody().keySet().iterator().next());
    }

    private int status(String caller, HttpMethod method, String uri, Object body) {
        WebTestClient client = uri.startsWith("http") ? WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30)).build() : gateway;
        WebTestClient.RequestBodySpec request = client.method(method).uri(uri).headers(h -> {
            if (!caller.equals("no token")) {
                h.setBearerAuth(tokens.get(caller));
            }
        });
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return ready.exchange().returnResult(byte[].class).getStatus().value();
    }

    static List<Row> readTable() throws IOException {
        List<Row> rows = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(Path.of(System.getProperty("uncac.readme", "../README.md")))) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Access rules");
                continue;
            }
            Matcher m = ROW.matcher(line);
            if (inSection && m.matches()) {
                String[] cells = m.group(4).split("\\|");
                Map<String, String> expected = new LinkedHashMap<>();
                for (int i = 0; i < COLUMNS.size(); i++) {
                    expected.put(COLUMNS.get(i), cells[i].strip().split(" ")[0]);
                }
                rows.add(new Row(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3), expected));
            }
        }
        return rows;
    }
}
