package org.uncac.platform.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Where the shared event store lives and how this service reads it.
 *
 * @param database      the MongoDB database holding events, snapshots, tokens and sagas of every service
 * @param batchSize     events per look-up when tracking or loading an aggregate
 * @param gapTimeout    how long an allocated but missing global index is waited for before a reader tombstones it
 * @param fetchDelay    how often a caught-up processor polls for events appended by other processes
 * @param claimTimeout  after how long another instance may take over a processor segment
 * @param segments      initial segments per processor, so several instances can share the work
 * @param commandThreads threads that handle commands, so that no web request thread waits for the store
 * @param readinessMaxLag how many events behind the store's head a processor may be for the service to be ready
 * @param eventAvailabilityTimeout how long a processor waits for a next event; a processor that only met events it
 *                      does not handle stores its token past them when the wait ends, so this bounds how far
 *                      behind the head its token seems
 */
@ConfigurationProperties("uncac.eventstore")
public record EventStoreProperties(String database, Integer batchSize, Duration gapTimeout, Duration fetchDelay,
                                   Duration claimTimeout, Integer segments, Integer commandThreads, Long readinessMaxLag,
                                   Duration eventAvailabilityTimeout) {
    public EventStoreProperties {
        database = database == null ? "uncac" : database;
        batchSize = batchSize == null ? 250 : batchSize;
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(60) : gapTimeout;
        fetchDelay = fetchDelay == null ? Duration.ofMillis(50) : fetchDelay;
        claimTimeout = claimTimeout == null ? Duration.ofSeconds(10) : claimTimeout;
        segments = segments == null ? 1 : segments;
        commandThreads = commandThreads == null ? 16 : commandThreads;
        readinessMaxLag = readinessMaxLag == null ? 10L : readinessMaxLag;
        eventAvailabilityTimeout = eventAvailabilityTimeout == null ? Duration.ofMillis(100) : eventAvailabilityTimeout;
    }
}
