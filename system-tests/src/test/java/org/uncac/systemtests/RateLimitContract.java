package org.uncac.systemtests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Each client has its own rate limit at the gateway: 429 with Retry-After past it, others unaffected. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RateLimitContract {

    protected abstract RunningSuite suite();

    @Test
    void aClientOverItsLimitGets429WithRetryAfterAndOthersCarryOn() throws Exception {
        WebTestClient gateway = Api.client(suite().gatewayUrl());
        String secretariat = Api.token(gateway, "secretariat", "secretariat-secret");
        String greedy = Api.stateToken(gateway, secretariat, "BRA");
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<EntityExchangeResult<String>>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 900; i++) {
            // a path with no route: answered by the gateway itself, so the client outpaces its refill
            results.add(pool.submit(() -> gateway.get().uri("/api/no-such-route")
                    .headers(h -> h.setBearerAuth(greedy)).exchange().expectBody(String.class).returnResult()));
        }
        List<EntityExchangeResult<String>> limited = new ArrayList<>();
        for (Future<EntityExchangeResult<String>> result : results) {
            EntityExchangeResult<String> r = result.get();
            assertThat(r.getStatus().value()).isIn(404, 429);
            if (r.getStatus().value() == 429) {
                limited.add(r);
            }
        }
        pool.shutdown();
        System.out.printf("900 requests in %.1f s, %d limited%n", (System.nanoTime() - start) / 1e9, limited.size());
        assertThat(limited).isNotEmpty();
        assertThat(limited.get(0).getResponseHeaders().getFirst("Retry-After")).matches("[1-9][0-9]*");
        assertThat(limited.get(0).getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        // another client is not slowed down by it
        gateway.get().uri("/api/meetings/no-such-meeting").headers(h -> h.setBearerAuth(secretariat)).exchange()
                .expectStatus().isNotFound();
    }
}
