package org.uncac.platform.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Where the shared event store lives and how this service reads it.
 *
 * @param database      the MongoDB database holding events, snapshots, tokens and sagas of every service
 * @param batchSize     events per look-up when tracking or loading an aggregate
 * @param gapTimeout    how long an allocated but missing global index is waited for
 * @param fetchDelay    how often a caught-up processor polls for events appended by other processes
 * @param claimTimeout  after how long another instance may take over a processor segment
 * @param segments      initial segments per processor, so several instances can share the work
 * @param commandThreads threads that handle commands, so that no web request thread waits for the store
 */
@ConfigurationProperties("uncac.eventstore")
public record EventStoreProperties(String database, Integer batchSize, Duration gapTimeout, Duration fetchDelay,
                                   Duration claimTimeout, Integer segments, Integer commandThreads) {
    public EventStoreProperties {
        database = database == null ? "uncac" : database;
        batchSize = batchSize == null ? 250 : batchSize;
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(60) : gapTimeout;
        fetchDelay = fetchDelay == null ? Duration.ofMillis(50) : fetchDelay;
        claimTimeout = claimTimeout == null ? Duration.ofSeconds(10) : claimTimeout;
        segments = segments == null ? 1 : segments;
        commandThreads = commandThreads == null ? 16 : commandThreads;
    }
}
