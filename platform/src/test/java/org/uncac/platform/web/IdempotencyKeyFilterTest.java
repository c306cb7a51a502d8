package org.uncac.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.uncac.platform.test.InMemoryMongo;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Idempotency-Key filter in front of a write that counts its runs, on a real HTTP server and MongoDB wire
 * server: a retry is answered from the first run, a claim left by a dead process is taken over once its lease
 * runs out, a request whose client hung up still finishes and keeps its answer, and expired keys are purged.
 */
class IdempotencyKeyFilterTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static InMemoryMongo mongo;
    private static MongoClient client;
    private static ReactiveMongoTemplate template;
    private static final AtomicReference<Instant> now = new AtomicReference<>();
    private static final AtomicInteger runs = new AtomicInteger();
    private static final AtomicReference<Duration> writeTakes = new AtomicReference<>(Duration.ZERO);
    private static IdempotencyKeyFilter filter;
    private static DisposableServer server;
    private static WebClient http;

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start();
        client = MongoClients.create(mongo.connectionString());
        template = new ReactiveMongoTemplate(client, "idempotency_test");
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        filter = new IdempotencyKeyFilter(template, new ObjectMapper(), clock, Duration.ofHours(24), LEASE, 1024);
        // the write: counts its run, takes as long as asked, answers 201 with the id it created
        var handler = WebHttpHandlerBuilder.webHandler(exchange -> exchange.getRequest().getBody().then(
                        Mono.delay(writeTakes.get()).then(Mono.defer(() -> {
                            runs.incrementAndGet();
                            String id = RequestIds.newId(exchange, "thing");
                            exchange.getResponse().setStatusCode(HttpStatus.CREATED);
                            exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
                            return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory()
                                    .wrap(("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8))));
                        }))))
                .filter(filter).build();
        server = HttpServer.create().host("127.0.0.1").port(0).handle(new ReactorHttpHandlerAdapter(handler)).bindNow();
        http = WebClient.create("http://127.0.0.1:" + server.port());
    }

    @AfterAll
    static void stop() {
        server.disposeNow();
        client.close();
        mongo.close();
    }

    @BeforeEach
    void reset() {
        template.dropCollection(IdempotencyKeyFilter.COLLECTION).block();
        now.set(Instant.parse("2026-12-01T10:00:00Z"));
        runs.set(0);
        writeTakes.set(Duration.ZERO);
    }

    private static ResponseEntity<String> post(String key, String body) {
        return http.post().uri("/things").header(IdempotencyKeyFilter.HEADER, key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchangeToMono(response -> response.toEntity(String.class)).block(Duration.ofSeconds(10));
    }

    private static String scope(String key) {
        return "anonymous /things " + key;
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndRunsNothing() {
        ResponseEntity<String> first = post("k1", "{\"a\":1}");
        ResponseEntity<String> retry = post("k1", "{\"a\":1}");
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(runs).hasValue(1);
        assertThat(post("k1", "{\"a\":2}").getStatusCode().value()).isEqualTo(422);
        // answered requests are over: nothing goes on claiming the key once it is gone
        template.dropCollection(IdempotencyKeyFilter.COLLECTION).block();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(runs).hasValue(1));
    }

    @Test
    void whatARequestCreatesIsNamedFromItsKeySoEveryRunNamesTheSameThing() {
        String expected = UUID.nameUUIDFromBytes((scope("k2") + "\nthing").getBytes(StandardCharsets.UTF_8)).toString();
        assertThat(post("k2", "{}").getBody()).isEqualTo("{\"id\":\"" + expected + "\"}");
    }

    @Test
    void aClaimLeftByADeadProcessHoldsTheKeyUntilItsLeaseRunsOutThenOneRetryRunsIt() {
        // what a process killed in the middle of the write leaves behind
        template.insert(new Document("_id", scope("k3")).append("hash", sha256Of("{\"a\":1}")).append("state", "IN_PROGRESS")
                .append("createdAt", now.get().toString()).append("leaseUntil", Date.from(now.get().plus(LEASE)))
                .append("expiresAt", Date.from(now.get().plus(Duration.ofHours(24)))), IdempotencyKeyFilter.COLLECTION).block();
        assertThat(post("k3", "{\"a\":1}").getStatusCode().value()).isEqualTo(409);
        assertThat(runs).hasValue(0);

        now.set(now.get().plus(LEASE).plusSeconds(1));
        ResponseEntity<String> taken = post("k3", "{\"a\":1}");
        assertThat(taken.getStatusCode().value()).isEqualTo(201);
        assertThat(runs).hasValue(1);
        ResponseEntity<String> again = post("k3", "{\"a\":1}");
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody()).isEqualTo(taken.getBody());
        assertThat(runs).hasValue(1);
    }

    @Test
    void aRequestWhoseClientHangsUpFinishesAndItsAnswerIsKeptForTheRetry() {
        writeTakes.set(Duration.ofMillis(600));
        Mono<String> impatient = http.post().uri("/things").header(IdempotencyKeyFilter.HEADER, "k4")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").retrieve().bodyToMono(String.class)
                .timeout(Duration.ofMillis(100));
        assertThat(impatient.onErrorResume(e -> Mono.just("hung up")).block()).isEqualTo("hung up");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(runs).hasValue(1));
        writeTakes.set(Duration.ZERO);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(post("k4", "{}").getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true"));
        assertThat(runs).hasValue(1);
    }

    @Test
    void aBodyOverTheLimitIs413AndClaimsNothing() {
        ResponseEntity<String> answer = post("k5", "{\"a\":\"" + "x".repeat(2000) + "\"}");
        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(runs).hasValue(0);
        assertThat(template.count(new org.springframework.data.mongodb.core.query.Query(), IdempotencyKeyFilter.COLLECTION).block())
                .isZero();
    }

    @Test
    void keysPastTheirExpiryArePurgedAndTheKeyIsFreeAgain() {
        post("k6", "{}");
        now.set(now.get().plus(Duration.ofHours(25)));
        assertThat(filter.expireKeys().blockFirst(Duration.ofSeconds(10))).isEqualTo(1L);
        assertThat(post("k6", "{}").getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(runs).hasValue(2);
    }

    private static String sha256Of(String body) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update("POST".getBytes());
            digest.update(body.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
