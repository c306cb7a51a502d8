package org.uncac.gateway;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which path goes to which service; each service's OpenAPI document is published under /v3/api-docs/{service}.
 * People's sign-in pages are the auth-server's; every other page is the console's.
 */
@Configuration
public class Routes {

    @Bean
    public RouteLocator serviceRoutes(RouteLocatorBuilder builder, GatewayProperties services) {
        return builder.routes()
                .route("auth", r -> r.path("/oauth2/**", "/.well-known/**", "/api/clients", "/api/clients/**",
                                "/api/users", "/api/users/**", "/auth/**", "/connect/**", "/userinfo")
                        .uri(services.auth()))
                .route("directory", r -> r.path("/api/directory/**").uri(services.directory()))
                .route("notes-verbales", r -> r.path("/api/notes-verbales/**").uri(services.notesVerbales()))
                .route("meetings", r -> r.path("/api/meetings/**").uri(services.meetings()))
                .route("recommendations", r -> r.path("/api/recommendations/**").uri(services.recommendations()))
                .route("docs-auth", r -> r.path("/v3/api-docs/auth").filters(f -> f.setPath("/v3/api-docs")).uri(services.auth()))
                .route("docs-directory", r -> r.path("/v3/api-docs/directory").filters(f -> f.setPath("/v3/api-docs")).uri(services.directory()))
                .route("docs-notes-verbales", r -> r.path("/v3/api-docs/notes-verbales").filters(f -> f.setPath("/v3/api-docs")).uri(services.notesVerbales()))
                .route("docs-meetings", r -> r.path("/v3/api-docs/meetings").filters(f -> f.setPath("/v3/api-docs")).uri(services.meetings()))
                .route("docs-recommendations", r -> r.path("/v3/api-docs/recommendations").filters(f -> f.setPath("/v3/api-docs")).uri(services.recommendations()))
                // everything else is the console's pages, but for the gateway's own (Swagger UI, its assets, actuator)
                .route("console", r -> r.order(Integer.MAX_VALUE).path("/**").and()
                        .not(p -> p.path("/webjars/**", "/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**",
                                "/gateway/**", "/actuator/**", "/api/**"))
                        .uri(services.console()))
                .build();
    }
}
