package org.uncac.platform.test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of a service's Spring tests: one embedded MongoDB-wire server per test JVM, which the service's
 * context uses for its event store and read models. Tests use their own ids, so they share it safely.
 */
public abstract class WithInMemoryMongo {

    private static final InMemoryMongo MONGO = InMemoryMongo.start();

    @DynamicPropertySource
    static void embeddedMongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", MONGO::connectionString);
    }
}
