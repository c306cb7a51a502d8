package org.uncac.platform.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uncac.platform.test.InMemoryMongo;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event stored under an earlier schema (revision none: the field was called {@code fullName}) is read
 * back, through the engine's upcaster chain, as today's revision 2 record: stored events keep their meaning,
 * and a replay builds today's read model from them.
 */
class UpcastingReplayTest {

    /** Today's event: revision 2 renamed {@code fullName} to {@code name}. */
    @Revision("2")
    public record PartyNamed(String code, String name) {
    }

    /** Revision none → 2: the field {@code fullName} became {@code name}. */
    static final class PartyNamedUpcaster extends SingleEventUpcaster {
        private static final SimpleSerializedType OLD = new SimpleSerializedType(PartyNamed.class.getName(), null);

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(OLD);
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(new SimpleSerializedType(PartyNamed.class.getName(), "2"), JsonNode.class,
                    node -> {
                        ObjectNode object = (ObjectNode) node;
                        object.set("name", object.remove("fullName"));
                        return object;
                    });
        }
    }

    private static InMemoryMongo mongo;

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start();
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Test
    void anEventOfAnEarlierSchemaIsReadAsTodaysRecord() {
        String database = "upcasting_" + UUID.randomUUID().toString().replace("-", "");
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            var serializer = EventJsonSerializer.create(EventTypes.none());
            GapAwareMongoEventStorageEngine engine = GapAwareMongoEventStorageEngine.builder()
                    .database(client.getDatabase(database))
                    .eventSerializer(serializer).snapshotSerializer(serializer)
                    .upcasterChain(new EventUpcasterChain(new PartyNamedUpcaster()))
                    .build();
            // what an older release stored: revision none, the field still called fullName
            long index = engine.allocate(1);
            client.getDatabase(database).getCollection("events").insertOne(new Document("_id", index)
                    .append("aggregateIdentifier", "AUT").append("sequenceNumber", 0L).append("aggSeq", "AUT/0")
                    .append("type", "StateParty").append("eventIdentifier", UUID.randomUUID().toString())
                    .append("timestamp", "2019-05-31T10:00:00Z").append("payloadType", PartyNamed.class.getName())
                    .append("payloadRevision", null).append("payload", "{\"code\":\"AUT\",\"fullName\":\"Austria\"}")
                    .append("metaData", "{}"));
            engine.appendEvents(new org.axonframework.eventhandling.GenericDomainEventMessage<>("StateParty", "AUT", 1,
                    new PartyNamed("AUT", "Republic of Austria")));

            List<Object> replayed = engine.readEvents(null, false).map(TrackedEventMessage::getPayload)
                    .map(Object.class::cast).toList();
            assertThat(replayed).containsExactly(new PartyNamed("AUT", "Austria"), new PartyNamed("AUT", "Republic of Austria"));
            assertThat(engine.readEvents("AUT").asStream().map(m -> (Object) m.getPayload()).toList())
                    .containsExactly(new PartyNamed("AUT", "Austria"), new PartyNamed("AUT", "Republic of Austria"));
        }
    }
}
