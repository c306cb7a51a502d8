package org.uncac.platform.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Defaults every service shares, at the lowest precedence: any application.yml, environment variable
 * ({@code UNCAC_MONGODB_URI}, {@code UNCAC_JWK_SET_URI}) or command-line option overrides them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // no calls home: the machines this runs on reach no network but their own
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.data.mongodb.uri", "${UNCAC_MONGODB_URI:mongodb://localhost:27017}");
        defaults.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                "${UNCAC_JWK_SET_URI:http://localhost:9000/oauth2/jwks}");
        // the iss of every token: the gateway's public URL, as the authorization server writes it
        defaults.put("uncac.security.issuer", "${UNCAC_ISSUER:http://localhost:8080}");
        defaults.put("axon.axonserver.enabled", "false");
        defaults.put("axon.serializer.general", "jackson");
        defaults.put("axon.serializer.events", "jackson");
        defaults.put("axon.serializer.messages", "jackson");
        defaults.put("spring.codec.max-in-memory-size", "${uncac.max-body-size:1MB}");
        defaults.put("spring.jackson.deserialization.fail-on-unknown-properties", "true");
        defaults.put("spring.jackson.deserialization.fail-on-null-for-primitives", "true");
        defaults.put("spring.jackson.serialization.write-dates-as-timestamps", "false");
        defaults.put("spring.jackson.default-property-inclusion", "always");
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics,deadletters");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        // ready: started (the reference import ran) and every read model within a few events of the store's head
        defaults.put("management.endpoint.health.group.readiness.include", "readinessState,readModels");
        // the gateway and the authorization server keep no read models: their readiness is readinessState alone
        defaults.put("management.endpoint.health.validate-group-membership", "false");
        defaults.put("management.endpoint.health.show-components", "always");
        defaults.put("management.endpoint.health.show-details", "when-authorized");
        defaults.put("management.endpoint.health.roles", "SECRETARIAT,OPERATOR");
        // parked events: DEGRADED, still 200 (the service answers; a read model misses what is parked)
        defaults.put("management.endpoint.health.status.order", "DOWN,OUT_OF_SERVICE,DEGRADED,UP,UNKNOWN");
        defaults.put("management.endpoint.health.status.http-mapping.DEGRADED", "200");
        // Boot's MongoDB check sends 'hello', which mongo-java-server lacks: the event store check replaces it
        defaults.put("management.health.mongo.enabled", "false");
        defaults.put("server.error.include-stacktrace", "never");
        defaults.put("springdoc.api-docs.path", "/v3/api-docs");
        environment.getPropertySources().addLast(new MapPropertySource("uncacPlatformDefaults", defaults));
    }
}
