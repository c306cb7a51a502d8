package org.uncac.platform.eventstore;

import java.util.Map;

/**
 * Events a service consumes from another service, mapped from the producer's type name (as stored in the
 * event store) to the consumer's own record, which names only the fields the consumer reads. Declare one
 * bean per service (or several: they are merged); no module depends on another service's module.
 */
public record ConsumedEvents(Map<String, Class<?>> byProducerType) {

    public static ConsumedEvents of(Map<String, Class<?>> byProducerType) {
        return new ConsumedEvents(Map.copyOf(byProducerType));
    }
}
