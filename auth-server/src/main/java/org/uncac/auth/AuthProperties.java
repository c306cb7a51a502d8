package org.uncac.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * @param issuer         the {@code iss} of every token: the gateway's public URL
 * @param tokenTtl       how long an access token is valid
 * @param defaultClients clients that exist from the first start (the secretariat's and the chair's);
 *                       their secrets are reset to these values at every start
 */
@ConfigurationProperties("uncac.auth")
public record AuthProperties(String issuer, Duration tokenTtl, List<DefaultClient> defaultClients) {

    public AuthProperties {
        issuer = issuer == null ? "http://localhost:8080" : issuer;
        tokenTtl = tokenTtl == null ? Duration.ofHours(1) : tokenTtl;
        defaultClients = defaultClients == null ? List.of() : defaultClients;
    }

    public record DefaultClient(String id, String secret, String name, List<String> roles, String state) {
    }
}
