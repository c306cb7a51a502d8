package org.uncac.platform.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event serializer of every service: JSON, ISO dates, unknown fields ignored (a consumer's copy of an
 * event names only what it reads), and other services' event types resolved to this service's own records
 * ({@link ConsumedEvents}). Types that map to nothing stay unknown and are skipped by every handler.
 */
public class ConsumingJacksonSerializer extends JacksonSerializer {

    private final Map<String, Class<?>> consumed;

    ConsumingJacksonSerializer(Builder builder, Map<String, Class<?>> consumed) {
        super(builder);
        this.consumed = Map.copyOf(consumed);
    }

    public static ConsumingJacksonSerializer create(List<ConsumedEvents> consumedEvents) {
        Map<String, Class<?>> consumed = new HashMap<>();
        consumedEvents.forEach(c -> consumed.putAll(c.byProducerType()));
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        return new ConsumingJacksonSerializer(JacksonSerializer.builder().objectMapper(mapper), consumed);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> local = consumed.get(type.getName());
        return local != null ? local : super.classForType(type);
    }
}
