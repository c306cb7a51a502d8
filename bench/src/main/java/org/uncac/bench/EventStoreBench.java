package org.uncac.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.uncac.platform.eventstore.GapAwareMongoEventStorageEngine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Catch-up of a fresh processor: our gap-aware engine against the official axon-mongo engine, same events,
 * same embedded MongoDB-wire server, same run. Usage: {@code ./mvnw -q -Pbench -pl bench -am exec:java
 * -Dexec.args="10000 3"} (events, rounds).
 */
public final class EventStoreBench {

    /** A realistic event: a State's response to a note verbale. */
    public record ResponseReceived(String noteId, String stateCode, LocalDate receivedOn, boolean substantive,
                                   String answer, String recordedBy) {
    }

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        MongoServer server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        try (MongoClient client = MongoClients.create(uri)) {
            EventStorageEngine ours = GapAwareMongoEventStorageEngine.builder()
                    .database(client.getDatabase("ours")).eventSerializer(serializer).snapshotSerializer(serializer)
                    .batchSize(250).build();
            EventStorageEngine official = MongoEventStorageEngine.builder()
                    .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "official").build())
                    .eventSerializer(serializer).snapshotSerializer(serializer).build();
            List<DomainEventMessage<?>> data = data(events);
            System.out.printf(Locale.ROOT, "appending %,d events to each engine ...%n", events);
            double appendOurs = append(ours, data);
            double appendOfficial = append(official, data);
            System.out.printf(Locale.ROOT, "append (one event per call): ours %,.0f ev/s, official %,.0f ev/s%n",
                    appendOurs, appendOfficial);
            for (int round = 1; round <= rounds; round++) {
                double catchUpOurs = catchUp(ours, events);
                double catchUpOfficial = catchUp(official, events);
                System.out.printf(Locale.ROOT, "round %d catch-up from the tail: ours %,.0f ev/s, official %,.0f ev/s, ratio %.1fx%n",
                        round, catchUpOurs, catchUpOfficial, catchUpOurs / catchUpOfficial);
            }
        } finally {
            server.shutdownNow();
        }
    }

    private static List<DomainEventMessage<?>> data(int events) {
        List<DomainEventMessage<?>> data = new ArrayList<>(events);
        int notes = Math.max(1, events / 190);
        for (int i = 0; i < events; i++) {
            String note = "note-" + (i % notes);
            long sequence = i / notes;
            data.add(new GenericDomainEventMessage<>("NoteVerbale", note, sequence,
                    new ResponseReceived(note, "S" + (i % 190), LocalDate.of(2017, 2, 10).plusDays(i % 90),
                            i % 3 != 0, "The competent authority designated under article 46 (13) is ... " + i,
                            "secretariat")));
        }
        return data;
    }

    private static double append(EventStorageEngine engine, List<DomainEventMessage<?>> data) {
        long start = System.nanoTime();
        for (DomainEventMessage<?> event : data) {
            engine.appendEvents(event);
        }
        return data.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double catchUp(EventStorageEngine engine, int expected) {
        long start = System.nanoTime();
        long count;
        TrackingToken token = null;
        count = 0;
        while (count < expected) {
            List<TrackedEventMessage<?>> batch;
            try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(token, false)) {
                batch = new ArrayList<>(stream.toList());
            }
            if (batch.isEmpty()) {
                break;
            }
            for (TrackedEventMessage<?> message : batch) {
                message.getPayload();   // deserialise, as a processor would
                token = message.trackingToken();
                count++;
            }
        }
        if (count != expected) {
            throw new IllegalStateException("read " + count + " of " + expected + " events");
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
