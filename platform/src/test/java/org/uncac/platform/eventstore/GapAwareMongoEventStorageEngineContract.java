package org.uncac.platform.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
        return newEngine(50, Duration.ofSeconds(60));
    }

    private GapAwareMongoEventStorageEngine newEngine(int batchSize, Duration gapTimeout) {
        MongoClient client = MongoClients.create(connectionString());
        clients.add(client);
        MongoDatabase database = client.getDatabase(databaseName);
        return GapAwareMongoEventStorageEngine.builder()
                .database(database)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(batchSize)
                .gapTimeout(gapTimeout)
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

    /** "aggregate/sequence" of the events delivered, tombstones left out. */
    private static List<String> eventKeys(List<TrackedEventMessage<?>> delivered) {
        return delivered.stream().filter(message -> !isTombstone(message)).map(message -> key((DomainEventMessage<?>) message))
                .toList();
    }

    private static boolean isTombstone(TrackedEventMessage<?> message) {
        return message.getPayloadType() == Tombstone.class;
    }

    private static String key(DomainEventMessage<?> message) {
        return message.getAggregateIdentifier() + "/" + message.getSequenceNumber();
    }

    private static GapAwareTrackingToken lastToken(List<TrackedEventMessage<?>> delivered) {
        return (GapAwareTrackingToken) delivered.get(delivered.size() - 1).trackingToken();
    }

    private static long indexOf(TrackedEventMessage<?> message) {
        return ((GapAwareTrackingToken) message.trackingToken()).getIndex();
    }

    private static TrackedEventMessage<?> only(List<TrackedEventMessage<?>> delivered, String key) {
        List<TrackedEventMessage<?>> matching = delivered.stream()
                .filter(message -> !isTombstone(message) && key((DomainEventMessage<?>) message).equals(key)).toList();
        assertThat(matching).as("deliveries of %s", key).hasSize(1);
        return matching.get(0);
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
            boolean pausing = w % 3 != 0;
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
    void aCrashedWritersIndexesAreTombstonedAfterTheGapTimeout() {
        GapAwareMongoEventStorageEngine engine = newEngine();
        long crashed = engine.allocate(3);            // three indexes taken, the writer dies before inserting
        engine.appendEvents(event("A", 0));

        List<TrackedEventMessage<?>> read = readAll(engine, null);
        assertThat(eventKeys(read)).containsExactly("A/0");
        GapAwareTrackingToken token = lastToken(read);
        assertThat(token.getGaps()).containsExactly(crashed - 2, crashed - 1, crashed);

        engine.appendEvents(event("A", 1));
        GapAwareTrackingToken stillWaiting = lastToken(readAll(engine, token));
        assertThat(stillWaiting.getGaps()).hasSize(3);

        clock.advance(Duration.ofSeconds(61));
        engine.appendEvents(event("A", 2));
        List<TrackedEventMessage<?>> afterTimeout = readAll(engine, stillWaiting);
        assertThat(eventKeys(afterTimeout)).containsExactly("A/2");
        assertThat(lastToken(afterTimeout).getGaps()).isEmpty();
        assertThat(lastToken(afterTimeout).getIndex()).isEqualTo(engine.head());

        // a processor reading later passes the tombstones without waiting
        List<TrackedEventMessage<?>> replay = readAll(newEngine(), null);
        assertThat(eventKeys(replay)).containsExactly("A/0", "A/1", "A/2");
        assertThat(lastToken(replay).getGaps()).isEmpty();
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
            engine.appendEvents(timedEvent(i, start.plusSeconds(i * 10L)));
        }
        TrackingToken at = engine.createTokenAt(start.plusSeconds(25));
        List<TrackedEventMessage<?>> after = readAll(engine, at);
        assertThat(after).extracting(m -> ((DomainEventMessage<?>) m).getSequenceNumber()).containsExactly(3L, 4L);
    }

    @Test
    void aHoleWiderThanTheLookAheadIsPassed() {
        GapAwareMongoEventStorageEngine engine = newEngine();   // batches of 50: ten windows look 500 ahead
        engine.appendEvents(event("A", 0));
        engine.allocate(600);                                 // a crashed writer's block
        engine.appendEvents(event("A", 1));

        List<TrackedEventMessage<?>> read = readAll(engine, null);
        assertThat(eventKeys(read)).containsExactly("A/0", "A/1");
        assertThat(lastToken(read).getIndex()).isEqualTo(engine.head());
        assertThat(lastToken(read).getGaps()).isEmpty();
        assertThat(eventKeys(readAll(newEngine(), null))).containsExactly("A/0", "A/1");
    }

    @Test
    void aHoleOfSeveralThousandIndexesIsPassedWithTheDefaultBatch() {
        GapAwareMongoEventStorageEngine engine = newEngine(250, Duration.ofSeconds(60));   // 2,500 looked ahead
        engine.allocate(6_000);
        engine.appendEvents(event("A", 0));

        List<TrackedEventMessage<?>> read = readAll(engine, null);
        assertThat(eventKeys(read)).containsExactly("A/0");
        assertThat(lastToken(read).getIndex()).isEqualTo(engine.head());
        assertThat(lastToken(read).getGaps()).isEmpty();
        assertThat(eventKeys(readAll(newEngine(250, Duration.ofSeconds(60)), null))).containsExactly("A/0");
    }

    @Test
    void aHoleAtTheEndOfTheStoreIsPassedOnceAnEventFollowsIt() {
        GapAwareMongoEventStorageEngine engine = newEngine();
        engine.appendEvents(event("A", 0));
        TrackingToken caughtUp = lastToken(readAll(engine, null));
        engine.allocate(600);

        assertThat(readAll(engine, caughtUp)).isEmpty();
        engine.appendEvents(event("A", 1));
        List<TrackedEventMessage<?>> read = readAll(engine, caughtUp);
        assertThat(eventKeys(read)).containsExactly("A/1");
        assertThat(lastToken(read).getGaps()).isEmpty();
    }

    @Test
    void aWriterPausedBeyondTheGapTimeoutThatCommitsBeforeTheReaderGivesUpIsDeliveredOnce() {
        GapAwareMongoEventStorageEngine engine = newEngine();
        engine.appendEvents(event("A", 0));
        long paused = engine.allocate(1);
        engine.appendEvents(event("B", 0));
        GapAwareTrackingToken token = lastToken(readAll(engine, null));
        assertThat(token.getGaps()).containsExactly(paused);

        clock.advance(Duration.ofSeconds(61));
        engine.insertAt(paused, List.of(event("C", 0)), serializer);   // the writer wakes before the next poll

        List<TrackedEventMessage<?>> read = readAll(engine, token);    // the tombstone loses to it
        assertThat(read).hasSize(1);
        assertThat(eventKeys(read)).containsExactly("C/0");
        assertThat(lastToken(read).getGaps()).isEmpty();
        List<TrackedEventMessage<?>> replay = readAll(newEngine(), null);
        assertThat(eventKeys(replay)).containsExactly("A/0", "C/0", "B/0");   // stored at the index it was given
    }

    @Test
    void aWriterPausedBeyondTheGapTimeoutThatLosesToTheTombstoneStoresItsEventAtANewIndex() {
        GapAwareMongoEventStorageEngine engine = newEngine();
        engine.appendEvents(event("A", 0));
        long paused = engine.allocate(1);
        engine.appendEvents(event("B", 0));
        GapAwareTrackingToken token = lastToken(readAll(engine, null));

        clock.advance(Duration.ofSeconds(61));
        List<TrackedEventMessage<?>> givenUp = readAll(engine, token);   // the reader tombstones the gap first
        assertThat(givenUp).hasSize(1);
        assertThat(givenUp.get(0).getPayload()).isEqualTo(new Tombstone(paused));
        assertThat(lastToken(givenUp).getGaps()).isEmpty();

        engine.insertAt(paused, List.of(event("C", 0)), serializer);   // acknowledged: returns normally

        List<TrackedEventMessage<?>> read = readAll(engine, lastToken(givenUp));
        assertThat(eventKeys(read)).containsExactly("C/0");
        assertThat(indexOf(read.get(0))).isGreaterThan(paused);
        assertThat(lastToken(read).getGaps()).isEmpty();
        List<TrackedEventMessage<?>> replay = readAll(newEngine(), null);
        assertThat(eventKeys(replay)).containsExactly("A/0", "B/0", "C/0");
        assertThat(engine.readEvents("C").asStream().map(message -> (Object) message.getPayload()).toList())
                .containsExactly(new Registered("C", "name 0"));
    }

    @Test
    void aLateWriterWhoseSequenceNumberWasTakenMeanwhileIsAConcurrentModificationNotARetry() {
        GapAwareMongoEventStorageEngine engine = newEngine();
        engine.appendEvents(event("A", 0));
        long paused = engine.allocate(1);
        engine.appendEvents(event("B", 0));
        GapAwareTrackingToken token = lastToken(readAll(engine, null));
        clock.advance(Duration.ofSeconds(61));
        readAll(engine, token);                                        // the paused index is tombstoned
        newEngine().appendEvents(event("A", 1));                       // another instance appends A/1

        assertThatThrownBy(() -> engine.insertAt(paused, List.of(event("A", 1)), serializer))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(engine.readEvents("A").asStream().count()).isEqualTo(2);
        List<TrackedEventMessage<?>> replay = readAll(newEngine(), null);
        assertThat(eventKeys(replay)).containsExactly("A/0", "B/0", "A/1");
        assertThat(lastToken(replay).getGaps()).isEmpty();
    }

    @Test
    void aWriterThatLosesOneIndexOfItsBlockStoresTheRestAtNewIndexesInOrder() {
        GapAwareMongoEventStorageEngine engine = newEngine();
        long last = engine.allocate(3);
        engine.tombstone(List.of(last - 1));                           // a reader gave up the middle index

        engine.insertAt(last - 2, List.of(event("M", 0), event("M", 1), event("M", 2)), serializer);

        List<TrackedEventMessage<?>> read = readAll(engine, null);
        assertThat(eventKeys(read)).containsExactly("M/0", "M/1", "M/2");
        assertThat(indexOf(read.get(0))).isEqualTo(last - 2);
        assertThat(indexOf(read.get(1))).isGreaterThan(last);
        assertThat(lastToken(read).getGaps()).isEmpty();                // the writer tombstoned its unused index
        assertThat(lastToken(read).getIndex()).isEqualTo(engine.head());
        assertThat(engine.readEvents("M").asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(0L, 1L, 2L);
    }

    @Test
    void aFailedAppendLeavesTombstonesNotAHole() {
        GapAwareMongoEventStorageEngine engine = newEngine();
        engine.appendEvents(event("AUT", 0), event("AUT", 1));

        assertThatThrownBy(() -> engine.appendEvents(event("AUT", 1), event("AUT", 2), event("AUT", 3)))
                .isInstanceOf(ConcurrencyException.class);
        engine.appendEvents(event("AUT", 2));

        List<TrackedEventMessage<?>> read = readAll(engine, null);      // no time passes: nothing is waited for
        assertThat(eventKeys(read)).containsExactly("AUT/0", "AUT/1", "AUT/2");
        assertThat(lastToken(read).getGaps()).isEmpty();
        assertThat(lastToken(read).getIndex()).isEqualTo(engine.head());
        assertThat(engine.readEvents("AUT").asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(0L, 1L, 2L);
        assertThat(engine.lastSequenceNumberFor("AUT")).contains(2L);
    }

    @Test
    void tombstonesAreNeitherAnAggregateNorAPointInTime() {
        GapAwareMongoEventStorageEngine engine = newEngine();
        Instant start = Instant.now();
        engine.appendEvents(timedEvent(0, start));
        long last = engine.allocate(2);
        clock.advance(Duration.ofDays(1));
        engine.tombstone(List.of(last - 1, last));                     // written a day after the events around them
        engine.appendEvents(timedEvent(1, start.plusSeconds(10)));
        engine.appendEvents(timedEvent(2, start.plusSeconds(20)));

        assertThat(engine.readEvents(GapAwareMongoEventStorageEngine.TOMBSTONE_AGGREGATE).asStream().count()).isZero();
        assertThat(engine.lastSequenceNumberFor(GapAwareMongoEventStorageEngine.TOMBSTONE_AGGREGATE)).isEmpty();
        List<TrackedEventMessage<?>> after = readAll(engine, engine.createTokenAt(start.plusSeconds(15)));
        assertThat(eventKeys(after)).containsExactly("X/2");
    }

    private static DomainEventMessage<Registered> timedEvent(long sequence, Instant at) {
        return new GenericDomainEventMessage<>("T", "X", sequence, new Registered("X", "n"), MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at);
    }

    @Test
    void twoInstancesRacingForAnAggregatesSequenceNumbersWinEachOnceAndLeaveNoHole() throws Exception {
        GapAwareMongoEventStorageEngine first = newEngine();
        GapAwareMongoEventStorageEngine second = newEngine();
        int length = 40;
        CyclicBarrier sameNumber = new CyclicBarrier(2);
        List<String> won = new CopyOnWriteArrayList<>();
        List<String> lost = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> racers = new ArrayList<>();
        for (GapAwareMongoEventStorageEngine engine : List.of(first, second)) {
            racers.add(pool.submit((Callable<Void>) () -> {
                for (int sequence = 0; sequence < length; sequence++) {
                    sameNumber.await();                                // both append this number at once
                    try {
                        engine.appendEvents(event("RACE", sequence));
                        won.add("RACE/" + sequence);
                    } catch (AggregateStreamCreationException e) {
                        assertThat(sequence).isZero();
                        lost.add("RACE/" + sequence);
                    } catch (ConcurrencyException e) {
                        lost.add("RACE/" + sequence);
                    }
                }
                return null;
            }));
        }
        for (Future<?> racer : racers) {
            racer.get();
        }
        pool.shutdown();

        List<String> everyNumber = IntStream.range(0, length).mapToObj(i -> "RACE/" + i).toList();
        assertThat(won).containsExactlyInAnyOrderElementsOf(everyNumber);
        assertThat(lost).containsExactlyInAnyOrderElementsOf(everyNumber);
        assertThat(first.readEvents("RACE").asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactlyElementsOf(LongStream.range(0, length).boxed().toList());
        List<TrackedEventMessage<?>> read = readAll(newEngine(), null);
        assertThat(eventKeys(read)).containsExactlyElementsOf(everyNumber);
        assertThat(lastToken(read).getGaps()).isEmpty();               // every loser tombstoned its index
        assertThat(lastToken(read).getIndex()).isEqualTo(first.head());
    }

    /**
     * Writers on two instances append single events and blocks of three while a reader whose gap timeout is zero
     * tombstones every gap it sees at once. Half the writers pause between taking their indexes and inserting, so
     * they keep losing indexes to that reader and storing their events again.
     */
    @Test
    void concurrentWritersLoseNoAcknowledgedEventToAReaderThatGivesUpEveryGapAtOnce() throws Exception {
        GapAwareMongoEventStorageEngine first = newEngine();
        GapAwareMongoEventStorageEngine second = newEngine();
        GapAwareMongoEventStorageEngine impatient = newEngine(50, Duration.ZERO);
        int writers = 6;
        int appendsPerWriter = 40;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> attempted = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            GapAwareMongoEventStorageEngine engine = w % 2 == 0 ? first : second;
            String aggregate = "W" + w;
            boolean pausing = w % 3 != 0;
            futures.add(pool.submit((Callable<Void>) () -> {
                long next = 0;
                for (int i = 0; i < appendsPerWriter; i++) {
                    int size = i % 4 == 0 ? 3 : 1;
                    List<DomainEventMessage<?>> block = new ArrayList<>();
                    for (int k = 0; k < size; k++) {
                        block.add(event(aggregate, next + k));
                    }
                    List<String> keys = block.stream().map(GapAwareMongoEventStorageEngineContract::key).toList();
                    attempted.addAll(keys);
                    try {
                        if (pausing) {
                            long last = engine.allocate(size);
                            Thread.sleep(20);                           // a slow writer: its indexes are gaps meanwhile
                            engine.insertAt(last - size + 1, block, serializer);
                        } else {
                            engine.appendEvents(block);
                        }
                        acknowledged.addAll(keys);
                    } catch (EventStoreException e) {
                        // not acknowledged (indexes given up too often): carry on after what was stored
                    }
                    next = engine.lastSequenceNumberFor(aggregate).map(last -> last + 1).orElse(0L);
                }
                return null;
            }));
        }
        List<TrackedEventMessage<?>> tailed = new ArrayList<>();
        TrackingToken token = null;
        while (!futures.stream().allMatch(Future::isDone)) {
            List<TrackedEventMessage<?>> batch = readAll(impatient, token);
            if (!batch.isEmpty()) {
                tailed.addAll(batch);
                token = batch.get(batch.size() - 1).trackingToken();
            }
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        tailed.addAll(readAll(impatient, token));

        List<TrackedEventMessage<?>> full = readAll(newEngine(), null);
        for (List<TrackedEventMessage<?>> delivered : List.of(full, tailed)) {
            List<String> keys = eventKeys(delivered);
            assertThat(keys).doesNotHaveDuplicates().containsAll(acknowledged);
            assertThat(attempted).containsAll(keys);
            for (int i = 1; i < delivered.size(); i++) {
                TrackingToken previous = delivered.get(i - 1).trackingToken();
                TrackingToken current = delivered.get(i).trackingToken();
                assertThat(current.covers(previous)).as("token %d covers token %d", i, i - 1).isTrue();
                assertThat(current).isNotEqualTo(previous);
            }
        }
        assertThat(lastToken(full).getGaps()).isEmpty();
        assertThat(lastToken(full).getIndex()).isEqualTo(first.head());
    }

    /** A handler of the contract's events: tombstones have none. */
    static final class RegisteredHandler {
        final List<Registered> handled = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(Registered registered) {
            handled.add(registered);
        }
    }

    @Test
    void aTrackingProcessorPassesTombstonesAndStoresItsTokenPastThem() {
        GapAwareMongoEventStorageEngine engine = newEngine();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine)
                .fetchDelay(10).cleanupDelay(1_000).timeUnit(TimeUnit.MILLISECONDS).build();
        InMemoryTokenStore tokens = new InMemoryTokenStore();
        RegisteredHandler handler = new RegisteredHandler();
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name("registrations")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(store)
                .tokenStore(tokens)
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andEventAvailabilityTimeout(100, TimeUnit.MILLISECONDS))
                .build();
        engine.appendEvents(event("A", 0));
        engine.allocate(600);                                         // a crashed writer's block
        engine.appendEvents(event("A", 1));
        processor.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> handler.handled.size() == 2);
            // nothing after the failed append but its tombstone: the processor stores its token past it
            assertThatThrownBy(() -> engine.appendEvents(event("A", 1))).isInstanceOf(ConcurrencyException.class);
            TrackingToken head = engine.createHeadToken();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> stored(tokens) != null && stored(tokens).covers(head));
        } finally {
            processor.shutDown();
            store.shutDown();
        }
        assertThat(handler.handled).containsExactly(new Registered("A", "name 0"), new Registered("A", "name 1"));
        assertThat(((GapAwareTrackingToken) stored(tokens)).getGaps()).isEmpty();
    }

    private static TrackingToken stored(InMemoryTokenStore tokens) {
        return tokens.fetchToken("registrations", 0);
    }

    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
