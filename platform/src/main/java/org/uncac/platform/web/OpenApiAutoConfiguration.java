package org.uncac.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.uncac.apidocs.ApiDocumentationConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.util.List;

/**
 * Each service's OpenAPI document, addressed relative to wherever it is read from (the gateway publishes
 * them all in one Swagger UI), with the bearer-token scheme every {@code /api} path needs.
 */
@AutoConfiguration
@Import(ApiDocumentationConfiguration.class)
@ConditionalOnClass(OpenAPI.class)
public class OpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public OpenAPI serviceOpenApi(@Value("${spring.application.name:service}") String name) {
        return new OpenAPI()
                .info(new Info().title("UNCAC expert meetings suite: " + name).version("1")
                        .description("Contract: shared/docs/api-contract.md. Errors are RFC 9457 problems."))
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes("bearer",
                                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
                        .addSecuritySchemes("clientCredentials", new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                                .description("A State's or the secretariat's API client: its id and secret for a token")
                                .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token")
                                        .scopes(new Scopes())))))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("clientCredentials"));
    }
}
