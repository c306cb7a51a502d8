package org.uncac.tokens;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenChecksTest {

    private static final OAuth2TokenValidator<Jwt> CHECKS =
            AccessTokenChecks.validator("http://localhost:8080", Set.of("aut-revoked")::contains);

    private static Jwt token(String issuer, List<String> audience, String subject) {
        return Jwt.withTokenValue("t").header("alg", "RS256").issuer(issuer).audience(audience).subject(subject)
                .issuedAt(Instant.now().minusSeconds(10)).expiresAt(Instant.now().plusSeconds(600)).build();
    }

    @Test
    void aTokenOfTheSuiteForTheSuiteFromAClientInGoodStandingPasses() {
        assertThat(CHECKS.validate(token("http://localhost:8080", List.of(AccessTokenChecks.AUDIENCE), "secretariat"))
                .hasErrors()).isFalse();
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertThat(CHECKS.validate(token("http://elsewhere.invalid", List.of(AccessTokenChecks.AUDIENCE), "secretariat"))
                .hasErrors()).isTrue();
    }

    @Test
    void aTokenMeantForAnotherAudienceIsRefused() {
        assertThat(CHECKS.validate(token("http://localhost:8080", List.of("secretariat"), "secretariat")).hasErrors()).isTrue();
    }

    @Test
    void aTokenOfARevokedClientIsRefused() {
        assertThat(CHECKS.validate(token("http://localhost:8080", List.of(AccessTokenChecks.AUDIENCE), "aut-revoked"))
                .getErrors()).extracting(e -> e.getDescription()).contains("The client was revoked");
    }

    @Test
    void theRevocationListSitsBesideTheKeys() {
        assertThat(RevokedClients.besideKeys("http://auth-server:9000/oauth2/jwks").toString())
                .isEqualTo("http://auth-server:9000/oauth2/revoked");
    }
}
