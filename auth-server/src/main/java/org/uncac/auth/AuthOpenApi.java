package org.uncac.auth;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Configuration;

import org.uncac.apidocs.ApiDocumentationConfiguration;

import java.util.List;

/**
 * The auth-server's OpenAPI document (clients and people), titled like the services' and addressed relative to
 * where it is read: through the gateway, its "Try it out" goes to the gateway, not to the auth-server's own port.
 */
@Configuration
@Import(ApiDocumentationConfiguration.class)
public class AuthOpenApi {

    @Bean
    public OpenAPI clientsAndPeopleApi() {
        return new OpenAPI()
                .info(new Info().title("UNCAC expert meetings suite: auth-server (clients and people)").version("1")
                        .description("Contract: shared/docs/api-contract.md. Tokens: POST /oauth2/token. Errors are RFC 9457 problems."))
                .servers(List.of(new Server().url("/")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
