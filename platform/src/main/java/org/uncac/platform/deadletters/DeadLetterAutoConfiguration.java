package org.uncac.platform.deadletters;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.uncac.platform.eventstore.EventStoreAutoConfiguration;

/**
 * A dead-letter queue in MongoDB for every projection: an event whose handler fails is parked (with the rest
 * of its sequence, so order within an aggregate holds) and later events keep flowing. Parked letters are seen
 * and retried through the {@code deadletters} actuator endpoint. Replays stay possible ({@code allowReset}).
 */
@AutoConfiguration(after = EventStoreAutoConfiguration.class)
@ConditionalOnClass(MongoSequencedDeadLetterQueue.class)
@ConditionalOnBean(MongoTemplate.class)
public class DeadLetterAutoConfiguration {

    @Bean
    public ConfigurerModule deadLetterQueues(ApplicationContext context, MongoTemplate axonMongoTemplate) {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            processing.registerDeadLetterQueueProvider(group -> config -> MongoSequencedDeadLetterQueue.builder()
                    .processingGroup(group)
                    .mongoTemplate(axonMongoTemplate)
                    .serializer(config.eventSerializer())   // letters keep the stable event names
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .build());
            for (String bean : context.getBeanNamesForAnnotation(ProcessingGroup.class)) {
                ProcessingGroup group = context.findAnnotationOnBean(bean, ProcessingGroup.class);
                if (group != null) {
                    processing.registerDeadLetteringEventHandlerInvokerConfiguration(group.value(),
                            (config, builder) -> builder.allowReset(true));
                }
            }
        };
    }

    @Bean
    public DeadLettersHealthIndicator deadLettersHealthIndicator(EventProcessingConfiguration processing) {
        return new DeadLettersHealthIndicator(processing);
    }

    @Bean
    public DeadLettersEndpoint deadLettersEndpoint(EventProcessingConfiguration processing) {
        return new DeadLettersEndpoint(processing);
    }
}
