package org.uncac.platform.eventstore;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/** UP when the shared event store answers: reports the highest global index allocated so far. */
public class EventStoreHealthIndicator extends AbstractHealthIndicator {

    private final EventStorageEngine engine;

    public EventStoreHealthIndicator(EventStorageEngine engine) {
        super("The event store is not reachable");
        this.engine = engine;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("head", String.valueOf(engine.createHeadToken()));
    }
}
