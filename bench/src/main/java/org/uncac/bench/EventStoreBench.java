package org.uncac.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
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
import org.bson.Document;
import org.uncac.platform.eventstore.GapAwareMongoEventStorageEngine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The event store, engine against engine and against the server's own ceiling, on one embedded MongoDB-wire
 * server (mongo-java-server, in memory) per store size, same events, same run:
 * <ul>
 *   <li>append, one event per call (on the first 2,000 events) and in batches of 190 (one note's responses);</li>
 *   <li>catch-up of a fresh processor from the tail (the first pass) and full replay (later passes);</li>
 *   <li>loading an aggregate of 1,000 events without and with a snapshot at 990;</li>
 *   <li>the raw server: insertMany of the very documents our engine stored, a full scan, and {@code _id}
 *       look-ups and range windows of 250 — the ceiling any engine on this server can reach.</li>
 * </ul>
 * The official engine's catch-up falls so steeply with the store's size that it is timed on what it reads in
 * {@code bench.budget} seconds (default 20). Usage: {@code ./mvnw -q -Pbench -pl bench exec:java
 * -Dexec.args="10000,100000 3"} (store sizes, rounds).
 */
public final class EventStoreBench {

    private static final int NOTE_RESPONSES = 190;
    private static final int LONG_AGGREGATE = 1_000;

    /** A realistic event: a State's response to a note verbale. */
    public record ResponseReceived(String noteId, String stateCode, LocalDate receivedOn, boolean substantive,
                                   String answer, String recordedBy) {
    }

    public static void main(String[] args) {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "10000").split(",")).mapToInt(Integer::parseInt).toArray();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double budget = Double.parseDouble(System.getProperty("bench.budget", "20"));
        for (int size : sizes) {
            run(size, rounds, budget);
        }
    }

    private static void run(int events, int rounds, double budget) {
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
            System.out.printf(Locale.ROOT, "%n== %,d events (~%d bytes of payload each)%n", events,
                    serializer.serialize(data(0, 1, events).get(0).getPayload(), String.class).getData().length());

            int single = Math.min(2_000, events);
            double singleOurs = append(ours, data(0, single, events), 1);
            double singleOfficial = append(official, data(0, single, events), 1);
            double batchedOurs = 0;
            double batchedOfficial = 0;
            for (int from = single; from < events; from += 100_000) {
                List<DomainEventMessage<?>> chunk = data(from, Math.min(events, from + 100_000), events);
                batchedOurs += append(ours, chunk, NOTE_RESPONSES) * chunk.size();
                batchedOfficial += append(official, chunk, NOTE_RESPONSES) * chunk.size();
            }
            int batched = events - single;
            System.out.printf(Locale.ROOT, "append one event per call (first %,d): ours %,.0f ev/s, official %,.0f ev/s%n",
                    single, singleOurs, singleOfficial);
            if (batched > 0) {
                System.out.printf(Locale.ROOT, "append in batches of %d (the other %,d): ours %,.0f ev/s, official %,.0f ev/s%n",
                        NOTE_RESPONSES, batched, batchedOurs / batched, batchedOfficial / batched);
            }

            double[] oursRounds = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                oursRounds[round] = catchUp(ours, events, Double.MAX_VALUE);
            }
            double officialRate = catchUp(official, events, budget);
            System.out.printf(Locale.ROOT, "catch-up of a fresh processor (first pass): ours %,.0f ev/s, official %,.0f ev/s"
                    + " (on what it read in %.0f s), ratio %.0fx%n", oursRounds[0], officialRate, budget, oursRounds[0] / officialRate);
            if (rounds > 1) {
                double[] replays = Arrays.copyOfRange(oursRounds, 1, rounds);
                System.out.printf(Locale.ROOT, "full replay (passes 2..%d): ours median %,.0f ev/s (min %,.0f, max %,.0f)%n",
                        rounds, median(replays), min(replays), max(replays));
            }

            // an aggregate of 1,000 events, in batches of 100, then a snapshot of a second one at 990
            for (String aggregate : List.of("long-plain", "long-snapshot")) {
                for (int from = 0; from < LONG_AGGREGATE; from += 100) {
                    List<DomainEventMessage<?>> batch = new ArrayList<>();
                    for (int seq = from; seq < from + 100; seq++) {
                        batch.add(event(aggregate, seq, seq));
                    }
                    ours.appendEvents(batch);
                    official.appendEvents(batch);
                }
            }
            DomainEventMessage<?> snapshot = event("long-snapshot", LONG_AGGREGATE - 10, -1);
            ours.storeSnapshot(snapshot);
            official.storeSnapshot(snapshot);
            System.out.printf(Locale.ROOT, "load an aggregate of %,d events, median of 20 (ms): ours %.2f plain / %.2f with snapshot;"
                            + " official %.2f plain / %.2f with snapshot%n", LONG_AGGREGATE,
                    medianMillis(() -> load(ours, "long-plain", LONG_AGGREGATE)),
                    medianMillis(() -> load(ours, "long-snapshot", 10)),
                    medianMillis(() -> load(official, "long-plain", LONG_AGGREGATE)),
                    medianMillis(() -> load(official, "long-snapshot", 10)));

            raw(client, events);
        } finally {
            server.shutdownNow();
        }
    }

    /** The server alone, on the documents our engine stored: the ceiling for any engine on it. */
    private static void raw(MongoClient client, int events) {
        MongoCollection<Document> stored = client.getDatabase("ours").getCollection("events");
        MongoCollection<Document> raw = client.getDatabase("raw").getCollection("events");
        long start = System.nanoTime();
        List<Document> batch = new ArrayList<>(1_000);
        int copied = 0;
        for (Document document : stored.find(Filters.lte("_id", (long) events)).batchSize(1_000)) {
            batch.add(document);
            if (batch.size() == 1_000) {
                raw.insertMany(batch);
                copied += batch.size();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            raw.insertMany(batch);
            copied += batch.size();
        }
        double readAndInsert = copied / ((System.nanoTime() - start) / 1e9);

        start = System.nanoTime();
        long scanned = 0;
        for (Document ignored : raw.find().batchSize(1_000)) {
            scanned++;
        }
        double fullScan = scanned / ((System.nanoTime() - start) / 1e9);

        start = System.nanoTime();
        long looked = 0;
        for (long from = 1; from <= events; from += 250) {
            List<Long> ids = LongStream.range(from, Math.min(events + 1L, from + 250)).boxed().toList();
            looked += raw.find(Filters.in("_id", ids)).into(new ArrayList<>()).size();
        }
        double pointLookups = looked / ((System.nanoTime() - start) / 1e9);

        // range windows scan the whole collection on this server: time as many windows as fit in ~5 s
        start = System.nanoTime();
        long ranged = 0;
        for (long from = 1; from <= events && System.nanoTime() - start < 5_000_000_000L; from += 250) {
            ranged += raw.find(Filters.and(Filters.gte("_id", from), Filters.lt("_id", from + 250))).into(new ArrayList<>()).size();
        }
        double rangeWindows = ranged / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "raw server: read+insertMany %,.0f docs/s, full scan %,.0f docs/s, _id $in windows of 250"
                + " %,.0f docs/s, _id range windows of 250 %,.0f docs/s%n", readAndInsert, fullScan, pointLookups, rangeWindows);
    }

    private static List<DomainEventMessage<?>> data(int from, int to, int total) {
        List<DomainEventMessage<?>> data = new ArrayList<>(to - from);
        int notes = Math.max(1, total / NOTE_RESPONSES);
        for (int i = from; i < to; i++) {
            // consecutive events belong to one note, 190 at a time, as one deadline rush does
            String note = "note-" + (i / NOTE_RESPONSES) % notes;
            data.add(event(note, i / (NOTE_RESPONSES * notes) * NOTE_RESPONSES + i % NOTE_RESPONSES, i));
        }
        return data;
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence, int i) {
        return new GenericDomainEventMessage<>("NoteVerbale", aggregate, sequence,
                new ResponseReceived(aggregate, "S" + (Math.abs(i) % 190), LocalDate.of(2017, 2, 10).plusDays(Math.abs(i) % 90),
                        i % 3 != 0, "The competent authority designated under article 46 (13) is ... " + i, "secretariat"));
    }

    private static double append(EventStorageEngine engine, List<DomainEventMessage<?>> data, int perCall) {
        long start = System.nanoTime();
        for (int i = 0; i < data.size(); i += perCall) {
            engine.appendEvents(data.subList(i, Math.min(data.size(), i + perCall)));
        }
        return data.size() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Reads from the tail, deserialising every payload, as a fresh processor does; the engine's stream fetches
     * batch after batch. Stops at the budget (checked per event) and returns events per second read so far.
     */
    private static double catchUp(EventStorageEngine engine, int expected, double budgetSeconds) {
        long start = System.nanoTime();
        long deadline = budgetSeconds == Double.MAX_VALUE ? Long.MAX_VALUE : start + (long) (budgetSeconds * 1e9);
        long count = 0;
        TrackingToken token = null;
        boolean more = true;
        while (more && count < expected && System.nanoTime() < deadline) {
            more = false;
            try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(token, false)) {
                var events = stream.iterator();
                while (events.hasNext() && System.nanoTime() < deadline) {
                    TrackedEventMessage<?> message = events.next();
                    message.getPayload();
                    token = message.trackingToken();
                    count++;
                    more = true;
                }
            }
        }
        if (deadline == Long.MAX_VALUE && count < expected) {
            throw new IllegalStateException("read " + count + " of " + expected + " events");
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** Sources an aggregate as a repository does: from its snapshot, when there is one, then the later events. */
    private static double load(EventStorageEngine engine, String aggregate, int expected) {
        DomainEventMessage<?> snapshot = engine.readSnapshot(aggregate).orElse(null);
        long count = snapshot == null ? 0 : 1;
        if (snapshot != null) {
            snapshot.getPayload();
        }
        count += engine.readEvents(aggregate, snapshot == null ? 0 : snapshot.getSequenceNumber() + 1).asStream()
                .peek(DomainEventMessage::getPayload).count();
        if (count != expected) {
            throw new IllegalStateException(aggregate + ": " + count + " events, expected " + expected);
        }
        return count;
    }

    private static double medianMillis(DoubleSupplier action) {
        double[] millis = new double[20];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            action.getAsDouble();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return median(millis);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
