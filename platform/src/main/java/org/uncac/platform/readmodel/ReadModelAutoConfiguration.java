package org.uncac.platform.readmodel;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.mongo.MongoReactiveDataAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Read-model change counters for every service with a reactive MongoDB template. */
@AutoConfiguration(after = MongoReactiveDataAutoConfiguration.class)
@ConditionalOnBean(ReactiveMongoTemplate.class)
public class ReadModelAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ReadModelVersions readModelVersions(ReactiveMongoTemplate mongo) {
        return new ReadModelVersions(mongo);
    }

    /** Idempotency-Key on every write of a reactive service (keys kept in the service's own database). */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(
            type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.REACTIVE)
    public org.uncac.platform.web.IdempotencyKeyFilter idempotencyKeyFilter(ReactiveMongoTemplate mongo,
            com.fasterxml.jackson.databind.ObjectMapper objectMapper) {
        return new org.uncac.platform.web.IdempotencyKeyFilter(mongo, objectMapper);
    }
}
