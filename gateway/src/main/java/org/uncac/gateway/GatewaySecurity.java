package org.uncac.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.function.client.WebClient;
import org.uncac.tokens.RevokedClients;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * The gateway checks every {@code /api/**} bearer token before it routes (the services check it again).
 * The token endpoint, keys, API docs, Swagger UI and health are open; the other operations endpoints (metrics, routes)
 * need a SECRETARIAT or OPERATOR token.
 */
@Configuration
@EnableWebFluxSecurity
public class GatewaySecurity {

    @Bean
    public SecurityWebFilterChain apiTokenCheck(ServerHttpSecurity http, ObjectMapper objectMapper) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchange -> exchange
                        .pathMatchers("/api/**").authenticated()
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/actuator/**").hasAnyRole("SECRETARIAT", "OPERATOR")
                        .anyExchange().permitAll())
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(GatewaySecurity::withRoles))
                        .authenticationEntryPoint((exchange, e) -> {
                            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
                            return Problems.write(exchange.getResponse(), objectMapper, HttpStatus.UNAUTHORIZED,
                                    "Unauthorized", "A valid bearer token is required");
                        }))
                .exceptionHandling(handling -> handling.accessDeniedHandler((exchange, e) ->
                        Problems.write(exchange.getResponse(), objectMapper, HttpStatus.FORBIDDEN,
                                "Forbidden", "Your role does not allow this")))
                .build();
    }

    /** The clients whose tokens are refused, from the revocation list beside the authorization server's keys. */
    @Bean(destroyMethod = "close")
    public RevokedClients revokedClients(WebClient.Builder clients,
            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
            @Value("${uncac.security.revocation-refresh:500ms}") Duration refresh) {
        return new RevokedClients(clients, RevokedClients.besideKeys(jwkSetUri), refresh);
    }

    /** Signature, validity period, issuer, audience and a client in good standing, as every service checks them. */
    @Bean
    public ReactiveJwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
            @Value("${uncac.security.issuer}") String issuer, RevokedClients revoked) {
        return RevokedClients.decoder(jwkSetUri, issuer, revoked);
    }

    /** The token's {@code roles} claim as authorities; the services decide per endpoint, the gateway only for operations. */
    private static Mono<AbstractAuthenticationToken> withRoles(Jwt jwt) {
        List<String> roles = jwt.hasClaim("roles") ? jwt.getClaimAsStringList("roles") : List.of();
        List<GrantedAuthority> authorities = roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
        return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
    }
}
