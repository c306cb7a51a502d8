package org.uncac.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param gateway the gateway the console calls the API through
 * @param issuer  the gateway's public URL, where the browser signs in and out
 */
@ConfigurationProperties("uncac.console")
public record ConsoleProperties(String gateway, String issuer) {
    public ConsoleProperties {
        gateway = gateway == null ? "http://localhost:8080" : gateway;
        issuer = issuer == null ? gateway : issuer;
    }
}
