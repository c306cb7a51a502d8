package org.uncac.gateway;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 413 for bodies over the limit, whether sized by Content-Length or sent chunked, before anything is forwarded:
 * a service never sees half a body (the gateway's RequestSize filter only reads Content-Length). Bodies are at
 * most the limit (1 MiB by default), so holding one in memory is bounded.
 * <p>
 * A body over the limit is read and discarded up to {@value #DRAIN_LIMIT} bytes (one with a Content-Length
 * for at most {@link #DRAIN_TIME}) before the 413 is sent: a client that writes its whole body before it reads (Python's
 * urllib, say) then reads the problem, instead of "connection reset" from a connection closed under it. Past
 * that bound the connection is closed at once.
 */
@Component
public class BodySizeLimitFilter implements WebFilter, Ordered {

    static final long DRAIN_LIMIT = 16L * 1024 * 1024;
    static final Duration DRAIN_TIME = Duration.ofSeconds(5);

    private final int limit;

    public BodySizeLimitFilter(GatewayProperties properties) {
        this.limit = (int) Math.min(Integer.MAX_VALUE, properties.maxBodySize().toBytes());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long declared = headers.getContentLength();
        if (declared > limit) {
            return (declared <= DRAIN_LIMIT ? discard(exchange.getRequest().getBody()) : Mono.<Void>empty())
                    .then(Mono.error(tooLarge()));
        }
        if (declared >= 0 || !headers.containsKey(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        // chunked: kept up to the limit; past it, the rest is discarded and the answer is 413
        AtomicLong received = new AtomicLong();
        List<DataBuffer> kept = new ArrayList<>();
        return exchange.getRequest().getBody()
                .doOnNext(buffer -> {
                    if (received.addAndGet(buffer.readableByteCount()) <= limit) {
                        kept.add(buffer);
                    } else {
                        DataBufferUtils.release(buffer);
                        kept.forEach(DataBufferUtils::release);
                        kept.clear();
                    }
                })
                .takeWhile(buffer -> received.get() <= DRAIN_LIMIT)
                .then(Mono.defer(() -> {
                    if (received.get() > limit) {
                        return Mono.error(tooLarge());
                    }
                    byte[] bytes = new byte[(int) received.get()];
                    int at = 0;
                    for (DataBuffer buffer : kept) {
                        int length = buffer.readableByteCount();
                        buffer.read(bytes, at, length);
                        at += length;
                        DataBufferUtils.release(buffer);
                    }
                    kept.clear();
                    return chain.filter(exchange.mutate().request(buffered(exchange, bytes)).build());
                }));
    }

    private static ServerHttpRequest buffered(ServerWebExchange exchange, byte[] bytes) {
        return new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public HttpHeaders getHeaders() {
                HttpHeaders copy = new HttpHeaders();
                copy.putAll(super.getHeaders());
                copy.remove(HttpHeaders.TRANSFER_ENCODING);
                copy.setContentLength(bytes.length);
                return copy;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
            }
        };
    }

    /** Reads a body to its end (within the drain bounds) and throws it away. */
    private static Mono<Void> discard(Flux<DataBuffer> body) {
        AtomicLong received = new AtomicLong();
        return body.doOnNext(buffer -> {
                    received.addAndGet(buffer.readableByteCount());
                    DataBufferUtils.release(buffer);
                })
                .takeWhile(buffer -> received.get() <= DRAIN_LIMIT)
                .then()
                .timeout(DRAIN_TIME, Mono.empty())
                .onErrorResume(e -> Mono.empty());
    }

    private ResponseStatusException tooLarge() {
        return new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
                "The request body exceeds the limit of " + limit + " bytes");
    }
}
