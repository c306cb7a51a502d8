package org.uncac.auth.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * @param issuer         the {@code iss} of every token: the gateway's public URL
 * @param tokenTtl       how long an access token is valid
 * @param defaultClients clients that exist from the first start (the secretariat's and the chair's);
 *                       their secrets are reset to these values at every start
 * @param developmentSecrets whether a default client without a configured secret takes its development secret
 *                       (the embedded default: run.sh and the tests); otherwise such a start fails
 * @param consoleSecret  the console's client secret ({@code UNCAC_CONSOLE_SECRET}); in the embedded default
 *                       "console-secret"; without one there is no console client
 */
@ConfigurationProperties("uncac.auth")
public record AuthProperties(String issuer, Duration tokenTtl, List<DefaultClient> defaultClients,
                             boolean developmentSecrets, String consoleSecret) {

    public AuthProperties {
        issuer = issuer == null ? "http://localhost:8080" : issuer;
        tokenTtl = tokenTtl == null ? Duration.ofHours(1) : tokenTtl;
        defaultClients = defaultClients == null ? List.of() : defaultClients;
        consoleSecret = consoleSecret != null && !consoleSecret.isBlank() ? consoleSecret
                : developmentSecrets ? "console-secret" : null;
    }

    /**
     * @param secret            the configured secret (from {@code secretVariable}), blank when none is configured
     * @param developmentSecret the secret of the embedded default, used only with {@code developmentSecrets}
     * @param optional          a client that is simply not created when it has no secret (the history importer)
     */
    public record DefaultClient(String id, String secret, String name, List<String> roles, String state,
                                String developmentSecret, String secretVariable, boolean optional) {
    }

    /** Whether the client is created at this start: it has a secret, or it must have one. */
    public boolean creates(DefaultClient client) {
        return !client.optional() || client.secret() != null && !client.secret().isBlank() || developmentSecrets;
    }

    /** The secret a default client starts with; a start without one fails, naming what to set. */
    public String secretOf(DefaultClient client) {
        if (client.secret() != null && !client.secret().isBlank()) {
            return client.secret();
        }
        if (developmentSecrets && client.developmentSecret() != null) {
            return client.developmentSecret();
        }
        throw new IllegalStateException("No secret is configured for the client '" + client.id() + "': set "
                + (client.secretVariable() == null ? "uncac.auth.default-clients[].secret" : client.secretVariable())
                + ", or start with UNCAC_DEVELOPMENT_SECRETS=true (as ./run.sh does) to use the development secrets");
    }
}
