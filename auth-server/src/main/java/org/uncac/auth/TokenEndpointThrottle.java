package org.uncac.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed client authentications at {@code /oauth2/token} are counted per client id and per remote address
 * (behind the gateway, the address it forwards); past {@code perClient} or {@code perAddress} failures within
 * {@code window}, the token endpoint answers 429 with {@code Retry-After} until the window ends, before any
 * secret is checked. Each failure costs a BCrypt check, and a client's secret is not to be guessed. Every
 * failure is logged with the client id and address, never the secret. Counts are kept per instance.
 */
@Component
@Order(-200)   // before Spring Security (-100): a throttled request costs no secret check
public class TokenEndpointThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TokenEndpointThrottle.class);

    private record Failures(Instant since, int count) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final Duration window;
    private final int perClient;
    private final int perAddress;

    public TokenEndpointThrottle(ObjectMapper objectMapper,
                                 @Value("${uncac.auth.token-failures.window:15m}") Duration window,
                                 @Value("${uncac.auth.token-failures.per-client:10}") int perClient,
                                 @Value("${uncac.auth.token-failures.per-address:50}") int perAddress) {
        this.objectMapper = objectMapper;
        this.clock = Clock.systemUTC();
        this.window = window;
        this.perClient = perClient;
        this.perAddress = perAddress;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals("/oauth2/token");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = "client " + printable(clientId(request));
        String address = "address " + request.getRemoteAddr();
        Instant now = clock.instant();
        Duration wait = max(blockedFor(client, perClient, now), blockedFor(address, perAddress, now));
        if (!wait.isZero()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.toSeconds())));
            SecurityConfiguration.writeProblem(response, objectMapper, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "Too many failed client authentications; try again in " + Math.max(1, wait.toSeconds()) + " s");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            if (!client.startsWith("client (")) {   // no client named: only its address counts
                count(client, now);
            }
            count(address, now);
            log.warn("client authentication failed: {} from {}", client, address);
        } else if (response.getStatus() == HttpStatus.OK.value()) {
            failures.remove(client);
        }
    }

    private Duration blockedFor(String key, int limit, Instant now) {
        Failures counted = failures.get(key);
        if (counted == null || !counted.since().plus(window).isAfter(now) || counted.count() < limit) {
            return Duration.ZERO;
        }
        return Duration.between(now, counted.since().plus(window));
    }

    private void count(String key, Instant now) {
        failures.compute(key, (k, counted) -> counted == null || !counted.since().plus(window).isAfter(now)
                ? new Failures(now, 1) : new Failures(counted.since(), counted.count() + 1));
        if (failures.size() > 100_000) {
            failures.values().removeIf(counted -> !counted.since().plus(window).isAfter(now));
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The client id of a token request: from HTTP Basic, else the {@code client_id} form parameter. */
    private static String clientId(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return "(unreadable)";
            }
        }
        String parameter = request.getParameter("client_id");
        return parameter == null ? "(none)" : parameter;
    }

    /** A client id as logged and counted: at most 100 characters, no control characters. */
    private static String printable(String clientId) {
        String line = clientId.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 100 ? line.substring(0, 100) + "…" : line;
    }
}
