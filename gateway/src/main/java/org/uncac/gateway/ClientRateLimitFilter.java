package org.uncac.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A token bucket per client (the token's subject; the remote address before a client is known, as on the token
 * endpoint): {@code burst} requests at once, refilled at {@code perSecond}. Over it: 429 with Retry-After.
 * Buckets live in this gateway instance and are forgotten after ten idle minutes; with several gateway
 * instances each enforces its own share.
 */
@Component
@RequiredArgsConstructor
public class ClientRateLimitFilter implements WebFilter, Ordered {

    /** @param burst requests a client may send at once; @param perSecond sustained requests per second */
    @ConfigurationProperties("uncac.gateway.rate-limit")
    public record Limits(Integer burst, Integer perSecond) {
        public Limits {
            burst = burst == null ? 300 : burst;
            perSecond = perSecond == null ? 100 : perSecond;
        }
    }

    private final Limits limits;
    private final ObjectMapper objectMapper;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000).build();

    @Override
    public int getOrder() {
        return 0;   // after Spring Security (-100), so the client is known
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal().map(p -> "client:" + p.getName())
                .defaultIfEmpty("address:" + address(exchange))
                .flatMap(key -> {
                    ConsumptionProbe probe = buckets.get(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
                    if (probe.isConsumed()) {
                        exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
                        return chain.filter(exchange);
                    }
                    long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
                    exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(seconds));
                    return Problems.write(exchange.getResponse(), objectMapper, HttpStatus.TOO_MANY_REQUESTS,
                            "Too many requests", "This client sent more than " + limits.burst() + " requests at once or "
                                    + limits.perSecond() + " per second; retry after " + seconds + " s");
                });
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(limits.burst())
                .refillGreedy(limits.perSecond(), Duration.ofSeconds(1)).build()).build();
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
