package org.uncac.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.bson.Document;
import org.bson.types.Binary;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
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
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * {@code Idempotency-Key} on writes: the same key, from the same client, with the same body, within 24 hours
 * returns the first answer and changes nothing. The key is claimed before the write runs (a unique insert),
 * so two concurrent retries cannot both write: the second gets 409 while the first is in progress. The same
 * key with another body is 422. Only answers below 500 are kept; a failed attempt frees the key.
 */
public class IdempotencyKeyFilter implements WebFilter, Ordered {

    public static final String HEADER = "Idempotency-Key";
    static final String COLLECTION = "idempotency_keys";
    private static final Duration TTL = Duration.ofHours(24);

    private final ReactiveMongoTemplate mongo;
    private final ObjectMapper objectMapper;

    public IdempotencyKeyFilter(ReactiveMongoTemplate mongo, ObjectMapper objectMapper) {
        this.mongo = mongo;
        this.objectMapper = objectMapper;
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
        return DataBufferUtils.join(exchange.getRequest().getBody())
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
                    return handle(exchange, chain, id, hash, both.getT1());
                });
    }

    private Mono<Void> handle(ServerWebExchange exchange, WebFilterChain chain, String id, String hash, byte[] body) {
        Document claim = new Document("_id", id).append("hash", hash).append("state", "IN_PROGRESS")
                .append("createdAt", Instant.now().toString());
        return mongo.insert(claim, COLLECTION)
                .then(Mono.defer(() -> proceed(exchange, chain, id, body)))
                .onErrorResume(IdempotencyKeyFilter::isDuplicate, e -> replay(exchange, chain, id, hash, body));
    }

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
                .onErrorResume(e -> forget(id).then(Mono.error(e)));
    }

    private Mono<Void> remember(String id, HttpStatusCode status, HttpHeaders headers, byte[] bytes) {
        int code = status == null ? 200 : status.value();
        if (code >= 500) {
            return forget(id);
        }
        Update update = new Update().set("state", "DONE").set("status", code)
                .set("contentType", headers.getContentType() == null ? null : headers.getContentType().toString())
                .set("location", headers.getLocation() == null ? null : headers.getLocation().toString())
                .set("body", new Binary(bytes));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, COLLECTION).then();
    }

    private Mono<Void> forget(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION).then();
    }

    private Mono<Void> replay(ServerWebExchange exchange, WebFilterChain chain, String id, String hash, byte[] body) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, COLLECTION).flatMap(stored -> {
            if (Instant.parse(stored.getString("createdAt")).plus(TTL).isBefore(Instant.now())) {
                // expired: the key is free again
                return forget(id).then(Mono.defer(() -> handle(exchange, chain, id, hash, body)));
            }
            if (!hash.equals(stored.getString("hash"))) {
                return problem(exchange, HttpStatus.UNPROCESSABLE_ENTITY,
                        "This Idempotency-Key was used with a different request body");
            }
            if (!"DONE".equals(stored.getString("state"))) {
                return problem(exchange, HttpStatus.CONFLICT, "A request with this Idempotency-Key is still in progress");
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
        }).switchIfEmpty(Mono.defer(() -> handle(exchange, chain, id, hash, body)));   // freed meanwhile
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
