package org.uncac.auth;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * UP when the client registry answers. (Boot's own MongoDB check sends 'hello', which the embedded
 * mongo-java-server lacks, so it is switched off in application.yml.)
 */
@Component("clientStore")
@RequiredArgsConstructor
public class ClientStoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("clients", mongo.getCollection("oauth_clients").estimatedDocumentCount());
    }
}
