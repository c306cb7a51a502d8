package org.uncac.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.reactive.function.client.WebClient;
import org.uncac.platform.web.ProblemWebExceptionHandler;
import org.uncac.tokens.RevokedClients;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Every service is an OAuth2 resource server: it checks the bearer JWT itself, even behind the gateway:
 * signature against the authorization server's keys, validity period, issuer, audience, and that its client was
 * not revoked ({@link RevokedClients#decoder}). Roles come from the {@code roles} claim. Health and the OpenAPI
 * document are open; operations endpoints need SECRETARIAT or OPERATOR; everything else needs a token.
 */
@AutoConfiguration(before = {ReactiveSecurityAutoConfiguration.class, ReactiveOAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
public class ServiceSecurityAutoConfiguration {

    /** Who may use the operations endpoints (dead letters, metrics, health details). */
    public static final String[] OPERATIONS_ROLES = {"SECRETARIAT", "OPERATOR"};

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    public SecurityWebFilterChain serviceSecurity(ServerHttpSecurity http, ObjectMapper objectMapper) {
        ServerAuthenticationEntryPoint unauthorized = problemEntryPoint(objectMapper);
        ServerAccessDeniedHandler forbidden = problemAccessDenied(objectMapper);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchange -> exchange
                        .pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                                "/v3/api-docs/**", "/v3/api-docs").permitAll()
                        // parked events with their causes, retries, metrics: operations, not States
                        .pathMatchers("/actuator/**").hasAnyRole(OPERATIONS_ROLES)
                        .anyExchange().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesConverter()))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .build();
    }

    /** The clients whose tokens are refused, from the revocation list beside the authorization server's keys. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public RevokedClients revokedClients(WebClient.Builder clients,
            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
            @Value("${uncac.security.revocation-refresh:500ms}") Duration refresh) {
        return new RevokedClients(clients, RevokedClients.besideKeys(jwkSetUri), refresh);
    }

    @Bean
    @ConditionalOnMissingBean
    public ReactiveJwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
            @Value("${uncac.security.issuer}") String issuer, RevokedClients revoked) {
        return RevokedClients.decoder(jwkSetUri, issuer, revoked);
    }

    public static Converter<Jwt, Mono<AbstractAuthenticationToken>> rolesConverter() {
        return jwt -> {
            Collection<GrantedAuthority> authorities = Caller.roles(jwt).stream()
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
            return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
        };
    }

    public static ServerAuthenticationEntryPoint problemEntryPoint(ObjectMapper objectMapper) {
        return (exchange, ex) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
            ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "A valid bearer token is required");
            body.setTitle("Unauthorized");
            return ProblemWebExceptionHandler.write(exchange.getResponse(), body, objectMapper);
        };
    }

    public static ServerAccessDeniedHandler problemAccessDenied(ObjectMapper objectMapper) {
        return (exchange, ex) -> {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this");
            body.setTitle("Forbidden");
            return ProblemWebExceptionHandler.write(exchange.getResponse(), body, objectMapper);
        };
    }
}
