package org.uncac.gateway;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
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

/**
 * 413 for bodies over the limit. A declared Content-Length over the limit is refused at once. A body without
 * one (chunked) is read up to the limit before anything is forwarded, and refused as soon as it passes it, so
 * a service never sees half a body (the gateway's RequestSize filter only reads Content-Length). Bodies are
 * at most the limit (1 MiB by default), so holding one in memory is bounded.
 */
@Component
public class BodySizeLimitFilter implements WebFilter, Ordered {

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
            return Mono.error(tooLarge());
        }
        if (declared >= 0 || !headers.containsKey(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), limit)
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge())
                .map(joined -> {
                    byte[] bytes = new byte[joined.readableByteCount()];
                    joined.read(bytes);
                    DataBufferUtils.release(joined);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(bytes -> {
                    ServerHttpRequest buffered = new ServerHttpRequestDecorator(exchange.getRequest()) {
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
                    return chain.filter(exchange.mutate().request(buffered).build());
                });
    }

    private ResponseStatusException tooLarge() {
        return new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
                "The request body exceeds the limit of " + limit + " bytes");
    }
}
