package org.uncac.platform.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the gap-aware engine promises, run against every MongoDB we support (see the subclasses).
 */
abstract class GapAwareMongoEventStorageEngineContract {

    record Registered(String code, String name) {
    }

    private final List<MongoClient> clients = new ArrayList<>();
    private final MutableClock clock = new MutableClock();
    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private String databaseName;

    protected abstract String connectionString();

    @BeforeEach
    void freshDatabase() {
        databaseName = "engine_" + UUID.randomUUID().toString().replace("-", "");
    }

    @AfterEach
    void closeClients() {
        clients.forEach(MongoClient::close);
    }

    /** A new engine on its own client: what a second service instance (another application context) has. */
    private GapAwareMongoEventStorageEngine newEngine() {
        MongoClient client = MongoClients.create(connectionString());
        clients.add(client);
        MongoDatabase database = client.getDatabase(databaseName);
        return GapAwareMongoEventStorageEngine.builder()
                .database(database)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(50)
                .gapTimeout(Duration.ofSeconds(60))
                .clock(clock)
                .build();
    }

    private static DomainEventMessage<Registered> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("StateParty", aggregate, sequence,
                new Registered(aggregate, "name " + sequence));
    }

    private static List<TrackedEventMessage<?>> readAll(GapAwareMongoEventStorageEngine engine, TrackingToken from) {
        return engine.readEvents(from, false).collect(Collectors.toList());
    }

    @Test
    void appendsAndSourcesAnAggregateInOrderAcrossBatches() {
        GapAwareMongoEventStorageEngine engine = newEngine();
        for (int i = 0; i < 120; i++) {
            engine.appendEvents(event("AUT", i));
        }
        engine.appendEvents(event("BEL", 0));

        List<Long> sequences = engine.readEvents("AUT").asStream().map(DomainEventMessage::getSequenceNumber).toList();
        assertThat(sequences).containsExactlyElementsOf(IntStream.range(0, 120).mapToObj(i -> (long) i).toList());
        assertThat(engine.readEvents("AUT", 100).asStream().count()).isEqualTo(20);
        assertThat(engine.readEvents("AUT").asStream().findFirst().orElseThrow().getPayload())
                .isEqualTo(new Registered("AUT", "name 0"));
        assertThat(engine.lastSequenceNumberFor("AUT")).contains(119L);
        assertThat(engine.lastSequenceNumberFor("BEL")).contains(0L);
        assertThat(engine.lastSequenceNumberFor("CAN")).isEmpty();
    }

    @Test
    void sourcesAggregatesWhoseLengthsFallOnEveryProbeBoundary() {
        GapAwareMongoEventStorageEngine engine = newEngine();
        // first probe 8 keys, then 16 and 32 (48 is 2 short of a batch of 50), then the next batch
        int[] lengths = {1, 7, 8, 9, 23, 24, 25, 49, 50, 51, 100};
        for (int length : lengths) {
            for (int i = 0; i < length; i++) {
                engine.appendEvents(event("L" + length, i));
            }
        }
        for (int length : lengths) {
            List<Long> sequences = engine.readEvents("L" + length).asStream()
                    .map(DomainEventMessage::getSequenceNumber).toList();
            assertThat(sequences).as("aggregate of %d events", length)
                    .containsExactlyElementsOf(IntStream.range(0, length).mapToObj(i -> (long) i).toList());
            assertThat(engine.readEvents("L" + length, length - 1).asStream().count()).isEqualTo(1);
        }
        assertThat(engine.readEvents("none").asStream().count()).isZero();
    }

    @Test
    void aDuplicateSequenceNumberIsAConcurrentModification() {
        GapAwareMongoEventStorageEngine engine = newEngine();
        engine.appendEvents(event("AUT", 0), event("AUT", 1));

        assertThatThrownBy(() -> engine.appendEvents(event("AUT", 1)))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(event("AUT", 0)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(engine.readEvents("AUT").asStream().count()).isEqualTo(2);
    }

    @Test
    void tracksTheWholeStreamInGlobalOrderWithTokensThatResume() {
        GapAwareMongoEventStorageEngine engine = newEngine();
        for (int i = 0; i < 130; i++) {
            engine.appendEvents(event("S" + (i % 7), i / 7));
        }
        List<TrackedEventMessage<?>> all = readAll(engine, null);
        assertThat(all).hasSize(130);
        List<Long> indexes = all.stream().map(e -> ((GapAwareTrackingToken) e.trackingToken()).getIndex()).toList();
        assertThat(indexes).isSorted().doesNotHaveDuplicates();

        // a restarted process resumes from its stored token and sees only what came after it
        TrackingToken stored = all.get(99).trackingToken();
        GapAwareMongoEventStorageEngine restarted = newEngine();
        restarted.appendEvents(event("NEW", 0));
        List<TrackedEventMessage<?>> rest = readAll(restarted, stored);
        assertThat(rest).hasSize(31);
        assertThat(((DomainEventMessage<?>) rest.get(30)).getAggregateIdentifier()).isEqualTo("NEW");
    }

    @Test
    void concurrentAppendsFromTwoInstancesAreAllDeliveredExactlyOnce() throws Exception {
        GapAwareMongoEventStorageEngine first = newEngine();
        GapAwareMongoEventStorageEngine second = newEngine();
        int writers = 8;
        int perWriter = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            GapAwareMongoEventStorageEngine engine = w % 2 == 0 ? first : second;
            String aggregate = "W" + w;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perWriter; i++) {
                    engine.appendEvents(event(aggregate, i));
                }
            }));
        }
        // a reader tails the store while the writers run
        Set<String> seen = new HashSet<>();
        List<String> delivered = new ArrayList<>();
        TrackingToken token = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (seen.size() < writers * perWriter && System.nanoTime() < deadline) {
            for (TrackedEventMessage<?> message : readAll(second, token)) {
                token = message.trackingToken();
                DomainEventMessage<?> domain = (DomainEventMessage<?>) message;
                String key = domain.getAggregateIdentifier() + "/" + domain.getSequenceNumber();
                delivered.add(key);
                seen.add(key);
            }
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        assertThat(delivered).hasSize(writers * perWriter).doesNotHaveDuplicates();
        assertThat(((GapAwareTrackingToken) token).getGaps()).isEmpty();
        for (int w = 0; w < writers; w++) {
            assertThat(first.readEvents("W" + w).asStream().count()).isEqualTo(perWriter);
        }
    }

    @Test
    void anInFlightAppendIsAGapThatALateCommitFills() {
        GapAwareMongoEventStorageEngine engine = newEngine();
        engine.appendEvents(event("A", 0));
        long inFlight = engine.allocate(1);           // a writer took its index but has not stored yet
        engine.appendEvents(event("B", 0));

        List<TrackedEventMessage<?>> firstRead = readAll(engine, null);
        assertThat(firstRead).hasSize(2);
        GapAwareTrackingToken token = (GapAwareTrackingToken) firstRead.get(1).trackingToken();
        assertThat(token.getGaps()).containsExactly(inFlight);

        engine.insertAt(inFlight, List.of(event("C", 0)), serializer);   // the slow writer commits

        List<TrackedEventMessage<?>> secondRead = readAll(engine, token);
        assertThat(secondRead).hasSize(1);
        assertThat(((DomainEventMessage<?>) secondRead.get(0)).getAggregateIdentifier()).isEqualTo("C");
        assertThat(((GapAwareTrackingToken) secondRead.get(0).trackingToken()).getGaps()).isEmpty();
    }

    @Test
    void aFailedAppendLeavesAGapThatExpiresAfterTheTimeout() {
        GapAwareMongoEventStorageEngine engine = newEngine();
        long failed = engine.allocate(3);             // three indexes taken, the insert never happens
        engine.appendEvents(event("A", 0));

        List<TrackedEventMessage<?>> read = readAll(engine, null);
        assertThat(read).hasSize(1);
        GapAwareTrackingToken token = (GapAwareTrackingToken) read.get(0).trackingToken();
        assertThat(token.getGaps()).containsExactly(failed - 2, failed - 1, failed);

        engine.appendEvents(event("A", 1));
        GapAwareTrackingToken stillWaiting = (GapAwareTrackingToken) readAll(engine, token).get(0).trackingToken();
        assertThat(stillWaiting.getGaps()).hasSize(3);

        clock.advance(Duration.ofSeconds(61));
        engine.appendEvents(event("A", 2));
        GapAwareTrackingToken expired = (GapAwareTrackingToken) readAll(engine, stillWaiting).get(0).trackingToken();
        assertThat(expired.getGaps()).isEmpty();
    }

    @Test
    void readsPastAHoleLargerThanOneBatch() {
        GapAwareMongoEventStorageEngine engine = newEngine();
        engine.allocate(120);                          // a crashed writer's large block
        engine.appendEvents(event("A", 0));
        assertThat(readAll(engine, null)).hasSize(1);
    }

    @Test
    void replayingFromTheTailGivesTheSameStreamEveryTime() {
        GapAwareMongoEventStorageEngine engine = newEngine();
        for (int i = 0; i < 60; i++) {
            engine.appendEvents(event("R" + (i % 3), i / 3));
        }
        List<String> once = readAll(engine, engine.createTailToken()).stream().map(TrackedEventMessage::getIdentifier).toList();
        List<String> twice = readAll(engine, null).stream().map(TrackedEventMessage::getIdentifier).toList();
        assertThat(once).hasSize(60).isEqualTo(twice);
        assertThat(readAll(engine, engine.createHeadToken())).isEmpty();
    }

    @Test
    void snapshotsReplaceEachOtherAndShortenSourcing() {
        GapAwareMongoEventStorageEngine engine = newEngine();
        for (int i = 0; i < 10; i++) {
            engine.appendEvents(event("AUT", i));
        }
        engine.storeSnapshot(event("AUT", 4));
        engine.storeSnapshot(event("AUT", 7));
        assertThat(engine.readSnapshot("AUT")).get().extracting(DomainEventMessage::getSequenceNumber).isEqualTo(7L);
        assertThat(engine.readSnapshot("BEL")).isEmpty();
        assertThat(engine.readEvents("AUT", 8).asStream().count()).isEqualTo(2);
    }

    @Test
    void createsATokenAtAnInstant() {
        GapAwareMongoEventStorageEngine engine = newEngine();
        Instant start = Instant.now();
        for (int i = 0; i < 5; i++) {
            engine.appendEvents(new GenericDomainEventMessage<>("T", "X", i, new Registered("X", "n"), java.util.Map.of(),
                    UUID.randomUUID().toString(), start.plusSeconds(i * 10L)));
        }
        TrackingToken at = engine.createTokenAt(start.plusSeconds(25));
        List<TrackedEventMessage<?>> after = readAll(engine, at);
        assertThat(after).extracting(m -> ((DomainEventMessage<?>) m).getSequenceNumber()).containsExactly(3L, 4L);
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
