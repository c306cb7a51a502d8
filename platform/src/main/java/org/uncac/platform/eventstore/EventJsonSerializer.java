package org.uncac.platform.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The event serializer of every service: JSON, ISO dates, unknown fields ignored (a consumer's copy of an event
 * names only what it reads), and payload types written and read as the stable names of {@link EventTypes}.
 * A type the registry does not know is read as a class name; one that names no class stays unknown and is
 * skipped by every handler (another service's event this one does not read).
 */
public class EventJsonSerializer extends JacksonSerializer {

    private final EventTypes types;

    EventJsonSerializer(Builder builder, EventTypes types) {
        super(builder);
        this.types = types;
    }

    public static EventJsonSerializer create(EventTypes types) {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        return new EventJsonSerializer(JacksonSerializer.builder().objectMapper(mapper), types);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        SerializedType byClass = super.typeForClass(type);
        return type == null ? byClass : types.nameOf(type)
                .<SerializedType>map(name -> new SimpleSerializedType(name, byClass.getRevision()))
                .orElse(byClass);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return types.classOf(type.getName()).<Class>map(found -> found).orElseGet(() -> super.classForType(type));
    }
}
