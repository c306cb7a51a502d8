package org.uncac.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.bson.Document;
import org.bson.types.Binary;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code Idempotency-Key} on writes: the same key, from the same client, on the same path, with the same body,
 * within {@code keep} (24 hours) returns the first answer and changes nothing; the same key with another body
 * is 422.
 * <ul>
 *   <li>The key is claimed before the write runs (a unique insert), so two concurrent retries cannot both write:
 *       the second gets 409 while the first is in progress.</li>
 *   <li>A claim holds a lease. Once the request is under way it runs to its end and its answer is kept even if
 *       the client hangs up; a claim whose process died keeps the key only until the lease runs out, then one
 *       retry takes it over (a conditional update, so only one) and runs the request again. What the request
 *       creates is named from the key ({@link RequestIds}), so that run cannot create a second thing.</li>
 *   <li>Answers of 500 and above are not kept: the key is free again.</li>
 *   <li>The body is read up to {@code maxBodyBytes} (413 beyond). Keys expire through a TTL index on
 *       {@code expiresAt} (real MongoDB) and an hourly purge (any server).</li>
 * </ul>
 */
public class IdempotencyKeyFilter implements WebFilter, Ordered {

    public static final String HEADER = "Idempotency-Key";
    static final String COLLECTION = "idempotency_keys";

    private final ReactiveMongoTemplate mongo;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final Duration keep;
    private final Duration lease;
    private final int maxBodyBytes;

    public IdempotencyKeyFilter(ReactiveMongoTemplate mongo, ObjectMapper objectMapper, Clock clock, Duration keep,
                                Duration lease, int maxBodyBytes) {
        this.mongo = mongo;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.keep = keep;
        this.lease = lease;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The TTL index, and a purge now and every hour for servers that do not expire documents themselves. */
    public Flux<Long> expireKeys() {
        Mono<String> ttlIndex = mongo.indexOps(COLLECTION).ensureIndex(new Index().on("expiresAt", Sort.Direction.ASC)
                .expire(Duration.ZERO).named("expiresAt_ttl")).onErrorResume(e -> Mono.empty());
        return ttlIndex.thenMany(Flux.interval(Duration.ZERO, Duration.ofHours(1)))
                .concatMap(tick -> mongo.remove(Query.query(Criteria.where("expiresAt").lt(Date.from(clock.instant()))),
                        COLLECTION).map(result -> result.getDeletedCount()).onErrorResume(e -> Mono.just(0L)));
    }

    @Override
    public int getOrder() {
        return 0;   // after Spring Security (-100): the caller is known
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String key = exchange.getRequest().getHeaders().getFirst(HEADER);
        HttpMethod method = exchange.getRequest().getMethod();
        if (key == null || !(method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH)) {
            return chain.filter(exchange);
        }
        if (key.isBlank() || key.length() > 200) {
            return problem(exchange, HttpStatus.BAD_REQUEST, "Idempotency-Key must be 1 to 200 characters");
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), maxBodyBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .zipWith(exchange.getPrincipal().map(p -> p.getName()).defaultIfEmpty("anonymous"))
                .flatMap(both -> {
                    String id = both.getT2() + " " + exchange.getRequest().getPath().value() + " " + key;
                    String hash = sha256(exchange.getRequest().getMethod().name(), both.getT1());
                    exchange.getAttributes().put(RequestIds.SCOPE, id);
                    return toTheEnd(handle(exchange, chain, id, hash, both.getT1()));
                })
                .onErrorResume(DataBufferLimitException.class, e -> problem(exchange, HttpStatus.PAYLOAD_TOO_LARGE,
                        "The request body exceeds " + maxBodyBytes + " bytes"));
    }

    private Mono<Void> handle(ServerWebExchange exchange, WebFilterChain chain, String id, String hash, byte[] body) {
        Instant now = clock.instant();
        Document claim = new Document("_id", id).append("hash", hash).append("state", "IN_PROGRESS")
                .append("createdAt", now.toString()).append("leaseUntil", Date.from(now.plus(lease)))
                .append("expiresAt", Date.from(now.plus(keep)));
        // only the claim's own insert tells a held key; a duplicate key inside the write is the write's own error
        return mongo.insert(claim, COLLECTION).thenReturn(true)
                .onErrorResume(IdempotencyKeyFilter::isDuplicate, e -> Mono.just(false))
                .flatMap(claimed -> claimed ? proceed(exchange, chain, id, body) : replay(exchange, chain, id, hash, body));
    }

    /**
     * Once a key is about to be claimed, the client hanging up no longer cancels anything: the claim, the write
     * and keeping its answer run to their end, so the client's retry gets the answer instead of a key held for
     * nothing.
     */
    private static Mono<Void> toTheEnd(Mono<Void> work) {
        return Mono.deferContextual(context -> Mono.fromFuture(work.contextWrite(context).toFuture(), true));
    }

    /** Runs the request and keeps its answer. */
    private Mono<Void> proceed(ServerWebExchange exchange, WebFilterChain chain, String id, byte[] body) {
        ServerHttpRequestDecorator request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> publisher) {
                return DataBufferUtils.join(Flux.from(publisher)).flatMap(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return remember(id, getStatusCode(), getHeaders(), bytes)
                            .then(super.writeWith(Mono.just(bufferFactory().wrap(bytes))));
                });
            }
        };
        return chain.filter(exchange.mutate().request(request).response(response).build())
                .then(Mono.defer(() -> exchange.getResponse().isCommitted() ? Mono.empty()
                        : remember(id, response.getStatusCode(), response.getHeaders(), new byte[0])))
                .onErrorResume(e -> forgetUnanswered(id).then(Mono.error(e)));
    }

    private Mono<Void> remember(String id, HttpStatusCode status, HttpHeaders headers, byte[] bytes) {
        int code = status == null ? 200 : status.value();
        if (code >= 500) {
            return forgetUnanswered(id);
        }
        Update update = new Update().set("state", "DONE").set("status", code)
                .set("contentType", headers.getContentType() == null ? null : headers.getContentType().toString())
                .set("location", headers.getLocation() == null ? null : headers.getLocation().toString())
                .set("body", new Binary(bytes));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, COLLECTION).then();
    }

    /** Frees a key whose request failed before it had an answer; a kept answer stays (the client may retry). */
    private Mono<Void> forgetUnanswered(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id).and("state").is("IN_PROGRESS")), COLLECTION).then();
    }

    private Mono<Void> replay(ServerWebExchange exchange, WebFilterChain chain, String id, String hash, byte[] body) {
        // the answers below complete empty: the claim's absence is told apart by an Optional, not by emptiness
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, COLLECTION).map(Optional::of)
                .defaultIfEmpty(Optional.empty()).flatMap(found -> {
            if (found.isEmpty()) {
                return handle(exchange, chain, id, hash, body);   // freed meanwhile
            }
            Document stored = found.get();
            Instant now = clock.instant();
            Instant created = Instant.parse(stored.getString("createdAt"));
            Date expiresAt = stored.getDate("expiresAt");
            if ((expiresAt == null ? created.plus(keep) : expiresAt.toInstant()).isBefore(now)) {
                // expired: the key is free again (whoever removes it first, every retry then claims anew)
                return mongo.remove(Query.query(Criteria.where("_id").is(id).and("createdAt").is(stored.getString("createdAt"))),
                        COLLECTION).then(Mono.defer(() -> handle(exchange, chain, id, hash, body)));
            }
            if (!hash.equals(stored.getString("hash"))) {
                return problem(exchange, HttpStatus.UNPROCESSABLE_ENTITY,
                        "This Idempotency-Key was used with a different request body");
            }
            if (!"DONE".equals(stored.getString("state"))) {
                return takeOver(stored, now).flatMap(won -> won ? proceed(exchange, chain, id, body)
                        : problem(exchange, HttpStatus.CONFLICT, "A request with this Idempotency-Key is still in progress"));
            }
            exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(stored.getInteger("status")));
            if (stored.getString("contentType") != null) {
                exchange.getResponse().getHeaders().setContentType(MediaType.parseMediaType(stored.getString("contentType")));
            }
            if (stored.getString("location") != null) {
                exchange.getResponse().getHeaders().set(HttpHeaders.LOCATION, stored.getString("location"));
            }
            exchange.getResponse().getHeaders().set("Idempotent-Replayed", "true");
            byte[] bytes = stored.get("body", Binary.class).getData();
            return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(bytes)));
        });
    }

    /** Takes over a claim whose lease ran out (its process died); of several retries exactly one wins. */
    private Mono<Boolean> takeOver(Document stored, Instant now) {
        Date leaseUntil = stored.getDate("leaseUntil");
        Instant leaseEnd = leaseUntil == null ? Instant.parse(stored.getString("createdAt")).plus(lease) : leaseUntil.toInstant();
        if (leaseEnd.isAfter(now)) {
            return Mono.just(false);
        }
        Criteria held = Criteria.where("_id").is(stored.get("_id")).and("state").is("IN_PROGRESS")
                .and("leaseUntil").is(leaseUntil);
        return mongo.updateFirst(Query.query(held), new Update().set("leaseUntil", Date.from(now.plus(lease))), COLLECTION)
                .map(result -> result.getModifiedCount() == 1);
    }

    private Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(status.getReasonPhrase());
        return ProblemWebExceptionHandler.write(exchange.getResponse(), body, objectMapper);
    }

    private static boolean isDuplicate(Throwable e) {
        return e instanceof DuplicateKeyException
                || e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                || e.getCause() != null && e.getCause() != e && isDuplicate(e.getCause());
    }

    private static String sha256(String method, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(method.getBytes());
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
