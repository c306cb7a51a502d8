package org.uncac.platform.readmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.data.mongo.MongoReactiveDataAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.util.unit.DataSize;
import org.uncac.platform.time.TimeAutoConfiguration;
import org.uncac.platform.web.IdempotencyKeyExpiry;
import org.uncac.platform.web.IdempotencyKeyFilter;

import java.time.Clock;
import java.time.Duration;

/** Read-model change counters for every service with a reactive MongoDB template. */
@AutoConfiguration(after = {MongoReactiveDataAutoConfiguration.class, TimeAutoConfiguration.class})
@ConditionalOnBean(ReactiveMongoTemplate.class)
public class ReadModelAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ReadModelVersions readModelVersions(ReactiveMongoTemplate mongo) {
        return new ReadModelVersions(mongo);
    }

    /** Idempotency-Key on every write of a reactive service (keys kept in the service's own database). */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    public IdempotencyKeyFilter idempotencyKeyFilter(ReactiveMongoTemplate mongo, ObjectMapper objectMapper, Clock clock,
            @Value("${uncac.idempotency.keep:24h}") Duration keep, @Value("${uncac.idempotency.lease:30s}") Duration lease,
            @Value("${spring.codec.max-in-memory-size:1MB}") DataSize maxBody) {
        return new IdempotencyKeyFilter(mongo, objectMapper, clock, keep, lease, (int) maxBody.toBytes());
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    public IdempotencyKeyExpiry idempotencyKeyExpiry(IdempotencyKeyFilter filter) {
        return new IdempotencyKeyExpiry(filter);
    }
}
