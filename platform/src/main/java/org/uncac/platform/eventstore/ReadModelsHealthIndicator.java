package org.uncac.platform.eventstore;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static com.mongodb.client.model.Filters.in;

/**
 * {@code readModels}, part of readiness: UP once every event processor of this service, on every segment and
 * whichever instance holds it, has processed the store to within {@code maxLag} events of its head. Read from
 * the stored tracking tokens, so it holds with several instances; a processor that has stored no token yet, or
 * is replaying, is not ready. Right after a start (the directory's reference import, a rebuild) this is what
 * says the read models answer from the whole history.
 */
public class ReadModelsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final MongoTemplate axonMongo;
    private final Serializer serializer;
    private final GapAwareMongoEventStorageEngine engine;
    private final long maxLag;

    public ReadModelsHealthIndicator(EventProcessingConfiguration processing, MongoTemplate axonMongo,
                                     Serializer serializer, GapAwareMongoEventStorageEngine engine, long maxLag) {
        super("The read models' progress cannot be read");
        this.processing = processing;
        this.axonMongo = axonMongo;
        this.serializer = serializer;
        this.engine = engine;
        this.maxLag = maxLag;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long head = engine.head();
        List<String> names = List.copyOf(new TreeSet<>(processing.eventProcessors().keySet()));
        Map<String, Long> lowest = new LinkedHashMap<>();
        names.forEach(name -> lowest.put(name, null));
        for (Document token : axonMongo.trackingTokensCollection().find(in("processorName", names))) {
            String name = token.getString("processorName");
            long position = position(token);
            Long known = lowest.get(name);
            lowest.put(name, known == null ? position : Math.min(known, position));
        }
        Map<String, Object> lag = new LinkedHashMap<>();
        boolean ready = true;
        for (Map.Entry<String, Long> processor : lowest.entrySet()) {
            if (processor.getValue() == null) {
                ready = false;
                lag.put(processor.getKey(), "not started");
            } else {
                long behind = Math.max(0, head - processor.getValue());
                ready &= behind <= maxLag;
                lag.put(processor.getKey(), behind);
            }
        }
        builder.status(ready ? Status.UP
                        : Status.OUT_OF_SERVICE)
                .withDetail("head", head).withDetail("eventsBehind", lag);
    }

    /** The global index up to which a stored token has processed. */
    private long position(Document stored) {
        Object data = stored.get("token");
        String type = stored.getString("tokenType");
        if (data == null || type == null) {
            return 0L;   // none stored yet: at the tail
        }
        byte[] bytes = data instanceof Binary binary ? binary.getData() : (byte[]) data;
        TrackingToken token = serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
        return token == null ? 0L : token.position().orElse(-1L);
    }
}
