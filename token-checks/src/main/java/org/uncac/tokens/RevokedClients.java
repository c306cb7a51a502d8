package org.uncac.tokens;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The clients the authorization server has revoked, read from its revocation list ({@code /oauth2/revoked},
 * beside its keys) every {@code refresh}. Access tokens are self-contained, so a revoked client's tokens stay
 * valid by signature until they expire; this list is what refuses them, within one refresh of the revocation.
 * It is trust material of the same kind as the signing keys and comes from the same place. Until the list is
 * first read, and while the authorization server cannot be reached, the last list read holds (logged).
 */
public final class RevokedClients implements Predicate<String>, AutoCloseable {

    /** The list as the authorization server publishes it. */
    public record RevocationList(List<Revoked> revoked) {
    }

    public record Revoked(String clientId, Instant revokedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(RevokedClients.class);

    private final WebClient client;
    private final URI list;
    private volatile Set<String> revoked = Set.of();
    private volatile boolean unreachable;
    private final Disposable polling;

    public RevokedClients(WebClient.Builder clients, URI list, Duration refresh) {
        this.client = clients.build();
        this.list = list;
        this.polling = Flux.interval(Duration.ZERO, refresh).onBackpressureDrop()
                .concatMap(tick -> refreshOnce().onErrorResume(e -> Mono.empty()))
                .subscribe();
    }

    /**
     * The decoder of a reactive process (the gateway, a service): the authorization server's keys at
     * {@code jwkSetUri}, the revocation list beside them read every {@code refresh}, and {@link AccessTokenChecks}.
     * Close the returned list with the process.
     */
    public static NimbusReactiveJwtDecoder decoder(String jwkSetUri, String issuer, RevokedClients revoked) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build();
        decoder.setJwtValidator(AccessTokenChecks.validator(issuer, revoked));
        return decoder;
    }

    /** The revocation list beside the JWK set: {@code …/oauth2/jwks} becomes {@code …/oauth2/revoked}. */
    public static URI besideKeys(String jwkSetUri) {
        return URI.create(jwkSetUri.replaceFirst("/jwks/?$", "/revoked"));
    }

    Mono<Void> refreshOnce() {
        return client.get().uri(list).retrieve().bodyToMono(RevocationList.class)
                .timeout(Duration.ofSeconds(5))
                .doOnNext(read -> {
                    revoked = read.revoked() == null ? Set.of()
                            : read.revoked().stream().map(Revoked::clientId).collect(Collectors.toUnmodifiableSet());
                    if (unreachable) {
                        unreachable = false;
                        log.info("revocation list {} read again: {} clients revoked", list, revoked.size());
                    }
                })
                .doOnError(e -> {
                    if (!unreachable) {
                        unreachable = true;
                        log.warn("revocation list {} cannot be read ({}); the last list read holds", list, e.toString());
                    }
                })
                .then();
    }

    /** Whether tokens of this client (a token's subject) are refused. */
    @Override
    public boolean test(String clientId) {
        return revoked.contains(clientId);
    }

    @Override
    public void close() {
        polling.dispose();
    }
}
