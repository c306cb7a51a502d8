package org.uncac.systemtests;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.uncac.platform.test.InMemoryMongo;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7's first fault test: notes-verbales-service, as a process of its own started from the jar that run.sh
 * and docker-compose run, is killed with SIGKILL while 190 States are answering one note at once, then started
 * again. Afterwards every acknowledged response is counted exactly once, every unacknowledged one is either
 * wholly there (its answers as sent) or absent, the read model agrees State for State with the event store,
 * and the States that were cut off send their request again under the same Idempotency-Key: each gets 201 and
 * is stored once, whether or not the killed process had stored it.
 *
 * <p>Only the event store runs in this JVM. The authorization server and the directory (which registers the
 * States parties the note is issued to) run from their jars too: closing applications in this JVM would dispose
 * Reactor Netty's shared event loops under the other system tests. Only notes-verbales-service is killed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KilledServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int KILL_AFTER_ACKNOWLEDGED = 40;

    private InMemoryMongo mongo;
    private String jwks;
    private String authUrl;
    private int port;
    private Process service;
    private Process directory;
    private Process auth;
    private int starts;

    @BeforeAll
    void startAllButTheServiceUnderTest() throws IOException {
        mongo = InMemoryMongo.start();
        int authPort = freePort();
        authUrl = "http://localhost:" + authPort;
        jwks = authUrl + "/oauth2/jwks";
        auth = startJar("uncac.auth-server.jar", authPort, "auth-server");
        directory = startJar("uncac.directory.jar", freePort(), "directory");
        port = freePort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @AfterAll
    void stopEverything() {
        for (Process process : new Process[] {service, directory, auth}) {
            if (process != null) {
                process.destroyForcibly();
            }
        }
        mongo.close();
    }

    @Test
    void everyAcknowledgedResponseIsCountedOnceAfterTheServiceIsKilledMidRush() throws Exception {
        String token = token();
        startService();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                list(token, "/api/notes-verbales/all-states-parties?asAt=2025-12-31").size() >= 192);
        String note = (String) send(token, "/api/notes-verbales", Map.of("reference", "CU 2024/7", "subject", "Deadline rush",
                "addressees", "ALL_STATES_PARTIES", "deadline", "2024-06-30",
                "questions", List.of(Map.of("id", "q1", "text", "Legal framework?")))).get("id");
        @SuppressWarnings("unchecked")
        List<String> addressees = (List<String>) send(token, "/api/notes-verbales/" + note + "/issuance",
                Map.of("date", "2024-04-20")).get("addressees");
        assertThat(addressees).hasSize(190);

        // 190 answers at once, each under its own Idempotency-Key; SIGKILL once 40 have been acknowledged
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger acknowledgements = new AtomicInteger();
        Set<String> cutOff = ConcurrentHashMap.newKeySet();
        AtomicInteger otherStatuses = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<?>> calls = new ArrayList<>();
        Process killed = service;
        for (String state : addressees) {
            calls.add(pool.submit(() -> {
                try {
                    HttpResponse<String> response = answer(token, note, state);
                    if (response.statusCode() == 201) {
                        acknowledged.add(state);
                        if (acknowledgements.incrementAndGet() == KILL_AFTER_ACKNOWLEDGED) {   // exactly one caller kills
                            killed.destroyForcibly();   // SIGKILL: no shutdown hook, no flush, no token release
                        }
                    } else {
                        otherStatuses.incrementAndGet();
                        cutOff.add(state);
                    }
                } catch (IOException e) {
                    cutOff.add(state);   // connection refused or reset: the client never learnt the outcome
                }
                return null;
            }));
        }
        for (Future<?> call : calls) {
            call.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).as("the killed process ended").isTrue();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKNOWLEDGED);
        assertThat(cutOff).as("the kill must land in the middle of the rush").isNotEmpty();
        assertThat(otherStatuses).as("only acknowledgements or broken connections, never an error status").hasValue(0);

        startService();
        Set<String> stored = awaitReadModelEqualToStore(token, note);
        System.out.printf("killed after %d acknowledged; %d cut off, of which %d were stored nonetheless%n",
                acknowledged.size(), cutOff.size(), cutOff.stream().filter(stored::contains).count());

        Map<String, List<Map<String, Object>>> byState = responsesByState(token, note);
        assertThat(stored).as("every acknowledged response is stored").containsAll(acknowledged);
        for (Map.Entry<String, List<Map<String, Object>>> entry : byState.entrySet()) {
            assertThat(entry.getValue()).as("responses of %s", entry.getKey()).hasSize(1);
            assertThat(entry.getValue().get(0).get("answers")).as("answers of %s", entry.getKey())
                    .isEqualTo(answerOf(entry.getKey()).get("answers"));
        }
        assertThat(rate(token, note).get("responded")).isEqualTo(stored.size());

        // every State that never learnt whether it was heard sends its request again with the same key: 201 for
        // each (a claim left by the killed process holds the key until its lease runs out), one response each
        for (String state : new TreeSet<>(cutOff)) {
            AtomicReference<HttpResponse<String>> retry = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                retry.set(answer(token, note, state));
                return retry.get().statusCode() != 409;
            });
            assertThat(retry.get().statusCode()).as("retry of %s: %s", state, retry.get().body()).isEqualTo(201);
        }
        assertThat(answer(token, note, acknowledged.iterator().next()).headers().firstValue("Idempotent-Replayed"))
                .as("an acknowledged request sent again is answered from its first answer").hasValue("true");
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) rate(token, note).get("responded")).intValue() == 190);
        assertThat(awaitReadModelEqualToStore(token, note)).hasSize(190);
        assertThat(responsesByState(token, note).values()).allSatisfy(responses -> assertThat(responses).hasSize(1));
    }

    /** Waits until the read model lists, State for State, exactly the responses the event store holds. */
    private Set<String> awaitReadModelEqualToStore(String token, String note) {
        AtomicReference<Set<String>> stored = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            stored.set(statesInStore(note));
            return responsesByState(token, note).keySet().equals(stored.get());
        });
        return stored.get();
    }

    /** The States with a ResponseReceived event for the note in the event store, failing on any State twice. */
    private Set<String> statesInStore(String note) throws IOException {
        List<String> states = new ArrayList<>();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            for (Document event : client.getDatabase("uncac").getCollection("events")
                    .find(Filters.eq("payloadType", "notes-verbales.ResponseReceived"))) {
                Map<String, Object> payload = JSON.readValue(event.getString("payload"), new TypeReference<>() { });
                if (note.equals(payload.get("noteId"))) {
                    states.add((String) payload.get("stateCode"));
                }
            }
        }
        Set<String> distinct = new TreeSet<>(states);
        assertThat(states).as("one stored response per State").hasSameSizeAs(distinct);
        return distinct;
    }

    private Map<String, List<Map<String, Object>>> responsesByState(String token, String note) throws Exception {
        return list(token, "/api/notes-verbales/" + note + "/responses").stream()
                .map(r -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> response = (Map<String, Object>) r;
                    return response;
                })
                .collect(Collectors.groupingBy(r -> (String) r.get("stateCode")));
    }

    private Map<String, Object> rate(String token, String note) throws Exception {
        return JSON.readValue(get(token, "/api/notes-verbales/" + note + "/response-rate?asAt=2024-06-01").body(),
                new TypeReference<>() { });
    }

    /** The State's answer, under the Idempotency-Key it keeps for every try. */
    private HttpResponse<String> answer(String token, String note, String state) throws IOException {
        return post(token, "/api/notes-verbales/" + note + "/responses", answerOf(state), "rush-" + state);
    }

    private static Map<String, Object> answerOf(String state) {
        return Map.of("stateCode", state, "receivedOn", "2024-05-31", "substantive", true,
                "answers", Map.of("q1", "Answer of " + state));
    }

    /** Starts the service's own jar as a separate process on the same port, and waits until it is healthy. */
    private void startService() throws Exception {
        service = startJar("uncac.notes-verbales.jar", port, "killed-service-" + (++starts));
    }

    /** Starts a service from its executable jar (path in a system property set by failsafe) and waits for health. */
    private Process startJar(String jarProperty, int onPort, String logName) throws IOException {
        String jar = System.getProperty(jarProperty);
        assertThat(jar).as("%s, set by failsafe in system-tests/pom.xml", jarProperty).isNotNull();
        assertThat(new File(jar)).as("built by the package phase of its module").exists();
        Path log = Path.of("target", logName + ".log");
        Files.createDirectories(log.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        Process started = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx256m", "-jar", jar,
                "--server.port=" + onPort,
                "--spring.data.mongodb.uri=" + mongo.connectionString(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwks,
                "--uncac.eventstore.claim-timeout=PT5S",
                "--uncac.idempotency.lease=PT5S",
                "--uncac.auth.development-secrets=true",
                "--spring.jmx.enabled=false")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(started.isAlive()).as("process of %s (see %s)", jar, log).isTrue();
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + onPort + "/actuator/health")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return started;
    }

    private String token() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(authUrl + "/oauth2/token")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "secretariat:secretariat-secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        return (String) JSON.readValue(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body(),
                new TypeReference<Map<String, Object>>() { }).get("access_token");
    }

    private Map<String, Object> send(String token, String path, Object body) throws Exception {
        HttpResponse<String> response = post(token, path, body);
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isBetween(200, 201);
        return JSON.readValue(response.body(), new TypeReference<>() { });
    }

    private HttpResponse<String> post(String token, String path, Object body) throws IOException {
        return post(token, path, body, null);
    }

    private HttpResponse<String> post(String token, String path, Object body, String idempotencyKey) throws IOException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<Object> list(String token, String path) throws Exception {
        HttpResponse<String> response = get(token, path);
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), new TypeReference<>() { });
    }
}
