package org.uncac.tokens;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

import java.util.List;
import java.util.function.Predicate;

/**
 * What the gateway, every service and the authorization server check in a bearer token besides its signature:
 * in its validity period, issued by the suite ({@code iss} is the suite's public URL), meant for the suite
 * ({@code aud} holds {@value #AUDIENCE}), and not held by a client the secretariat has revoked.
 */
public final class AccessTokenChecks {

    /** The audience of every access token the suite's authorization server issues. */
    public static final String AUDIENCE = "uncac-expert-meetings";

    private AccessTokenChecks() {
    }

    /**
     * @param issuer        the {@code iss} every token must carry
     * @param revokedClient whether a token's subject (the client it was issued to) has been revoked
     */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, Predicate<String> revokedClient) {
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(AUDIENCE));
        OAuth2TokenValidator<Jwt> notRevoked = jwt -> jwt.getSubject() != null && revokedClient.test(jwt.getSubject())
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The client was revoked", null))
                : OAuth2TokenValidatorResult.success();
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audience, notRevoked);
    }
}
