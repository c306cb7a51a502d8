package org.uncac.platform.eventstore;

import com.mongodb.client.MongoClient;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.uncac.platform.commands.CommandShapeCheck;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration;
import org.axonframework.springboot.autoconfig.TransactionAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.Configuration;
import org.axonframework.springboot.util.ConditionalOnMissingQualifiedBean;

/**
 * Wires every service to the one shared event store on MongoDB: our gap-aware storage engine, tokens and
 * sagas through the official axon-mongo extension, tracking processors that poll other processes' appends
 * every {@code uncac.eventstore.fetch-delay}, and no transactions (mongo-java-server has none; each event
 * append is one atomic allocation plus one insert).
 */
@AutoConfiguration(after = MongoAutoConfiguration.class,
        before = {AxonAutoConfiguration.class, EventProcessingAutoConfiguration.class,
                TransactionAutoConfiguration.class, NoOpTransactionAutoConfiguration.class})
@ConditionalOnClass(EventStorageEngine.class)
@EnableConfigurationProperties(EventStoreProperties.class)
public class EventStoreAutoConfiguration {

    /**
     * Events as JSON under their stable names: this service's events and its copies of other services' events,
     * found in the application's packages.
     */
    @Bean
    @Qualifier("eventSerializer")
    @ConditionalOnMissingQualifiedBean(beanClass = Serializer.class, qualifier = "eventSerializer")
    public Serializer eventSerializer(BeanFactory beanFactory) {
        EventTypes types = AutoConfigurationPackages.has(beanFactory)
                ? EventTypes.scan(AutoConfigurationPackages.get(beanFactory), EventTypes.class.getClassLoader())
                : EventTypes.none();
        return EventJsonSerializer.create(types);
    }

    @Bean
    @ConditionalOnMissingBean
    public TransactionManager axonTransactionManager() {
        return NoTransactionManager.INSTANCE;
    }

    @Bean
    @ConditionalOnMissingBean
    public MongoTemplate axonMongoTemplate(MongoClient mongoClient, EventStoreProperties properties) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(mongoClient, properties.database())
                .trackingTokensCollectionName("tracking_tokens")
                .sagasCollectionName("sagas")
                .deadLetterCollectionName("dead_letters")
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    public EventStorageEngine eventStorageEngine(MongoClient mongoClient, EventStoreProperties properties,
                                                 Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Configuration configuration) {
        return GapAwareMongoEventStorageEngine.builder()
                .database(mongoClient.getDatabase(properties.database()))
                .batchSize(properties.batchSize())
                .gapTimeout(properties.gapTimeout())
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .build();
    }

    @Bean(name = "eventBus")
    @ConditionalOnMissingBean(EventStore.class)
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, EventStoreProperties properties,
                                         Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.fetchDelay().toMillis())
                .cleanupDelay(10_000)
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer,
                                 EventStoreProperties properties) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .claimTimeout(properties.claimTimeout())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    public SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    public EventStoreHealthIndicator eventStoreHealthIndicator(EventStorageEngine engine) {
        return new EventStoreHealthIndicator(engine);
    }

    /** Part of readiness: every processor within a few events of the store's head. */
    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    public ReadModelsHealthIndicator readModelsHealthIndicator(EventProcessingConfiguration processing,
            MongoTemplate axonMongoTemplate, Serializer serializer, EventStorageEngine engine,
            EventStoreProperties properties) {
        return new ReadModelsHealthIndicator(processing, axonMongoTemplate, serializer,
                (GapAwareMongoEventStorageEngine) engine, properties.readinessMaxLag());
    }

    /**
     * Commands are handled on a pool of their own, not on the thread that sends them: controllers send from
     * Netty's few event-loop threads, and a handler waits for the event store (blocking driver). With Axon's
     * default {@code SimpleCommandBus} two event-loop threads handled every command of a service one after the
     * other; a profile of 190 simultaneous responses found all command work on {@code reactor-http-epoll}.
     * Otherwise built as Axon's auto-configuration builds its bus (transactions, duplicate-handler resolution,
     * spans, monitor, correlation data).
     */
    @Bean
    @Qualifier("localSegment")
    @ConditionalOnMissingBean(CommandBus.class)
    public AsynchronousCommandBus commandBus(TransactionManager transactionManager,
                                             Configuration axon,
                                             DuplicateCommandHandlerResolver duplicateCommandHandlerResolver,
                                             EventStoreProperties properties) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("commands-");
        threads.setDaemon(true);
        AsynchronousCommandBus bus = AsynchronousCommandBus.builder()   // shut down by Spring (inferred shutdown())
                .executor(Executors.newFixedThreadPool(properties.commandThreads(), threads))
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        bus.registerDispatchInterceptor(new CommandShapeCheck());
        return bus;
    }

    /** Aggregates that opt in ({@code @Aggregate(cache = "aggregateCache")}) are not re-sourced per command. */
    @Bean
    @ConditionalOnMissingBean(name = "aggregateCache")
    public Cache aggregateCache() {
        return new WeakReferenceCache();
    }

    /** Every processor tracks the shared store; segments let several instances share one processor. */
    @Bean
    public ConfigurerModule trackingProcessorsByDefault(EventStoreProperties properties) {
        return configurer -> configurer.eventProcessing()
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(config ->
                        TrackingEventProcessorConfiguration.forParallelProcessing(properties.segments())
                                .andInitialSegmentsCount(properties.segments())
                                .andBatchSize(properties.batchSize())
                                .andEventAvailabilityTimeout(properties.eventAvailabilityTimeout().toMillis(),
                                        TimeUnit.MILLISECONDS));
    }
}
