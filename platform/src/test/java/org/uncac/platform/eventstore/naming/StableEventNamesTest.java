package org.uncac.platform.eventstore.naming;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uncac.platform.eventstore.EventJsonSerializer;
import org.uncac.platform.eventstore.EventType;
import org.uncac.platform.eventstore.EventTypes;
import org.uncac.platform.eventstore.GapAwareMongoEventStorageEngine;
import org.uncac.platform.eventstore.naming.consumer.DirectoryEvents.PartyJoined;
import org.uncac.platform.eventstore.naming.earlier.StatePartyEvents;
import org.uncac.platform.eventstore.naming.moved.PartyEvents;
import org.uncac.platform.test.InMemoryMongo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stored events are named by {@link EventType}, not by Java class: an event record that moved to another
 * package still replays, both what was stored under its old class name and what is stored now, and still
 * reaches another service's own copy of it.
 */
class StableEventNamesTest {

    private static final LocalDate JOINED = LocalDate.of(2006, 1, 11);

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
    void anEventWhoseRecordMovedStillReplaysAndStillReachesAnotherServicesCopy() {
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase database = client.getDatabase("naming_" + UUID.randomUUID().toString().replace("-", ""));
            // an earlier release: no stable names, the record in another package, stored under its class name
            engine(database, EventTypes.none()).appendEvents(new GenericDomainEventMessage<>("StateParty", "AUT", 0,
                    new StatePartyEvents.StatePartyRegistered("AUT", "Austria", JOINED)));
            // today's producer: the record moved, stored under its stable name
            GapAwareMongoEventStorageEngine producer = engine(database, EventTypes.of(List.of(PartyEvents.StatePartyRegistered.class)));
            producer.appendEvents(new GenericDomainEventMessage<>("StateParty", "BEL", 0,
                    new PartyEvents.StatePartyRegistered("BEL", "Belgium", JOINED)));

            assertThat(database.getCollection("events").find().map(d -> d.getString("payloadType")).into(new ArrayList<>()))
                    .containsExactly("org.uncac.platform.eventstore.naming.earlier.StatePartyEvents$StatePartyRegistered",
                            "directory.StatePartyRegistered");
            assertThat(replay(producer)).containsExactly(
                    new PartyEvents.StatePartyRegistered("AUT", "Austria", JOINED),
                    new PartyEvents.StatePartyRegistered("BEL", "Belgium", JOINED));
            assertThat(producer.readEvents("AUT").asStream().map(m -> (Object) m.getPayload()).toList())
                    .containsExactly(new PartyEvents.StatePartyRegistered("AUT", "Austria", JOINED));

            GapAwareMongoEventStorageEngine consumer = engine(database, EventTypes.of(List.of(PartyJoined.class)));
            assertThat(replay(consumer)).containsExactly(new PartyJoined("AUT"), new PartyJoined("BEL"));
        }
    }

    @Test
    void aServiceFindsItsEventsAndItsCopiesInItsOwnPackages() {
        EventTypes consumer = EventTypes.scan(List.of("org.uncac.platform.eventstore.naming.consumer"),
                getClass().getClassLoader());

        assertThat(consumer.classOf("directory.StatePartyRegistered")).contains(PartyJoined.class);
        assertThat(consumer.nameOf(PartyJoined.class)).contains("directory.StatePartyRegistered");
        assertThat(consumer.classOf("notes-verbales.NoteVerbaleIssued")).isEmpty();
    }

    @Test
    void aNameTwoRecordsOfOneServiceClaimIsRefusedAtStartUp() {
        assertThatThrownBy(() -> EventTypes.scan(List.of("org.uncac.platform.eventstore.naming.moved",
                "org.uncac.platform.eventstore.naming.consumer"), getClass().getClassLoader()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'directory.StatePartyRegistered' is claimed by both");
    }

    private static GapAwareMongoEventStorageEngine engine(MongoDatabase database, EventTypes types) {
        EventJsonSerializer serializer = EventJsonSerializer.create(types);
        return GapAwareMongoEventStorageEngine.builder().database(database)
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
    }

    private static List<Object> replay(GapAwareMongoEventStorageEngine engine) {
        return engine.readEvents(null, false).map(TrackedEventMessage::getPayload).map(Object.class::cast).toList();
    }
}
