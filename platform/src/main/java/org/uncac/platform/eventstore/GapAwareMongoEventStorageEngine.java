package org.uncac.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * An Axon {@code EventStorageEngine} on MongoDB with a global, gap-aware sequence.
 *
 * <p>Every append takes a contiguous block of global indexes from one counter document with a single
 * atomic {@code $inc}, then inserts one document per event whose {@code _id} is its global index. Readers
 * track with Axon's {@link GapAwareTrackingToken}: an index that was allocated but is not (yet) visible is
 * remembered as a gap and looked up again on every poll, until it appears (a late commit) or has been
 * missing for longer than the gap timeout (a failed append), as Axon's JDBC engine does on a relational
 * sequence.
 *
 * <p>Every query is a point lookup on a unique index ({@code _id} or {@code aggSeq}, using {@code $in} for
 * batches), never a range scan. Real MongoDB serves these from its B-trees; the embedded mongo-java-server,
 * which answers range queries by scanning the whole collection, serves them from its hash indexes. That is
 * what keeps catch-up and aggregate loading flat as the store grows.
 *
 * <p>Optimistic concurrency: the unique key {@code aggSeq} ("aggregate id/sequence number") is the
 * (aggregate identifier, sequence number) pair encoded as one value, because a single-field key is what
 * both servers can use for {@code $in} look-ups.
 */
public class GapAwareMongoEventStorageEngine extends BatchingEventStorageEngine {

    static final String COUNTER_ID = "globalIndex";

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> counters;
    private final Duration gapTimeout;
    private final int maxGapOffset;
    private final int lookAheadWindows;
    private final Clock clock;
    private final Map<Long, Instant> gapFirstSeen = new ConcurrentHashMap<>();

    protected GapAwareMongoEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase db = builder.database;
        this.events = db.getCollection(builder.eventsCollection);
        this.snapshots = db.getCollection(builder.snapshotsCollection);
        this.counters = db.getCollection(builder.countersCollection);
        this.gapTimeout = builder.gapTimeout;
        this.maxGapOffset = builder.maxGapOffset;
        this.lookAheadWindows = builder.lookAheadWindows;
        this.clock = builder.clock;
        ensureIndexes();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the index and the counter up front, so that concurrent first appends never race to create them. */
    private void ensureIndexes() {
        events.createIndex(Indexes.ascending("aggSeq"), new IndexOptions().unique(true).name("aggregate_sequence"));
        counters.updateOne(Filters.eq("_id", COUNTER_ID), Updates.setOnInsert("value", 0L),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    // ------------------------------------------------------------------ appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        if (messages.isEmpty()) {
            return;
        }
        long last = allocate(messages.size());
        insertAt(last - messages.size() + 1, messages, serializer);
    }

    /** Stores events at global indexes taken earlier (split from allocation so tests can delay it). */
    void insertAt(long firstIndex, List<? extends EventMessage<?>> messages, Serializer serializer) {
        long index = firstIndex;
        List<Document> documents = new ArrayList<>(messages.size());
        for (EventMessage<?> message : messages) {
            documents.add(toDocument(index++, message, serializer));
        }
        try {
            events.insertMany(documents, new InsertManyOptions().ordered(true));
        } catch (MongoException e) {
            handlePersistenceException(e, messages.get(0));
        }
    }

    /** Takes {@code count} consecutive global indexes and returns the last one. */
    long allocate(int count) {
        // the document as it was BEFORE the increment: mongo-java-server may serialise the AFTER image only once
        // a concurrent increment has already changed it, so only the before image is a safe answer on both servers
        Document before = counters.findOneAndUpdate(
                Filters.eq("_id", COUNTER_ID),
                Updates.inc("value", (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        long previous = before == null ? 0L : ((Number) before.get("value")).longValue();
        return previous + count;
    }

    private Document toDocument(long globalIndex, EventMessage<?> message, Serializer serializer) {
        SerializedObject<String> payload = message.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = message.serializeMetaData(serializer, String.class);
        String aggregateId;
        long sequence;
        String type;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
            type = domain.getType();
        } else {
            // a message not from an aggregate: keyed by its own id, like Axon's JDBC engine does
            aggregateId = message.getIdentifier();
            sequence = 0L;
            type = null;
        }
        return new Document("_id", globalIndex)
                .append("aggregateIdentifier", aggregateId)
                .append("sequenceNumber", sequence)
                .append("aggSeq", aggSeq(aggregateId, sequence))
                .append("type", type)
                .append("eventIdentifier", message.getIdentifier())
                .append("timestamp", message.getTimestamp().toString())
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("payload", payload.getData())
                .append("metaData", metaData.getData());
    }

    private static String aggSeq(String aggregateId, long sequence) {
        return aggregateId + "/" + sequence;
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document document = toDocument(-1, snapshot, serializer);
        document.put("_id", snapshot.getAggregateIdentifier());
        document.remove("aggSeq");
        try {
            snapshots.replaceOne(Filters.eq("_id", snapshot.getAggregateIdentifier()), document,
                    new ReplaceOptions().upsert(true));
        } catch (MongoException e) {
            handlePersistenceException(e, snapshot);
        }
    }

    // ------------------------------------------------------------------ aggregates

    /** Keys asked for in the first look-up of an aggregate's events; most aggregates hold fewer. */
    static final int FIRST_AGGREGATE_PROBE = 8;

    /**
     * Up to {@code batchSize} contiguous events of an aggregate. Asks for a few keys first and doubles while
     * every key asked for exists, so that loading a two-event aggregate costs eight index look-ups, not
     * {@code batchSize}, and a long one still takes O(log batchSize) round trips per batch.
     */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        List<DomainEventData<?>> result = new ArrayList<>();
        long next = firstSequenceNumber;
        int probe = Math.min(FIRST_AGGREGATE_PROBE, batchSize);
        while (probe > 0) {
            List<String> keys = LongStream.range(next, next + probe).mapToObj(seq -> aggSeq(aggregateIdentifier, seq))
                    .toList();
            List<Document> found = events.find(Filters.in("aggSeq", keys)).into(new ArrayList<>());
            found.sort(Comparator.comparingLong(d -> d.getLong("sequenceNumber")));
            // an aggregate's sequence is contiguous: stop at the first missing number
            for (Document document : found) {
                if (document.getLong("sequenceNumber") != next) {
                    return result;
                }
                result.add(domainEntry(document));
                next++;
            }
            if (found.size() < probe) {
                return result;
            }
            probe = Math.min(probe * 2, batchSize - result.size());
        }
        return result;
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document snapshot = snapshots.find(Filters.eq("_id", aggregateIdentifier)).first();
        return snapshot == null ? Stream.empty() : Stream.of(domainEntry(snapshot));
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        if (!exists(aggregateIdentifier, 0)) {
            return Optional.empty();
        }
        // exponential probe, then binary search: O(log n) point look-ups
        long low = 0;
        long high = 1;
        while (exists(aggregateIdentifier, high)) {
            low = high;
            high *= 2;
        }
        while (high - low > 1) {
            long mid = (low + high) >>> 1;
            if (exists(aggregateIdentifier, mid)) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return Optional.of(low);
    }

    private boolean exists(String aggregateIdentifier, long sequence) {
        return events.find(Filters.eq("aggSeq", aggSeq(aggregateIdentifier, sequence)))
                .projection(new Document("_id", 1)).first() != null;
    }

    // ------------------------------------------------------------------ tracking

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = lastToken == null
                ? GapAwareTrackingToken.newInstance(0, List.of())
                : expireGaps((GapAwareTrackingToken) lastToken);
        long head = head();
        SortedSet<Long> gaps = token.getGaps();
        if (gaps.isEmpty() && token.getIndex() >= head) {
            return List.of();
        }
        List<Document> found = new ArrayList<>();
        List<Long> ids = new ArrayList<>(gaps);
        long from = token.getIndex() + 1;
        // look past holes (failed appends) up to a few windows ahead, never past the allocated head
        for (int window = 0; window < lookAheadWindows; window++) {
            long to = Math.min(head, from + batchSize - 1);
            LongStream.rangeClosed(from, to).forEach(ids::add);
            if (!ids.isEmpty()) {
                events.find(Filters.in("_id", ids)).into(found);
            }
            if (to >= head || found.stream().anyMatch(d -> d.getLong("_id") > token.getIndex())) {
                break;
            }
            ids.clear();
            from = to + 1;
        }
        found.sort(Comparator.comparingLong(d -> d.getLong("_id")));
        List<TrackedEventData<?>> result = new ArrayList<>(found.size());
        GapAwareTrackingToken current = token;
        for (Document document : found) {
            long index = document.getLong("_id");
            if (index <= current.getIndex() && !current.getGaps().contains(index)) {
                continue; // cannot happen for a well-formed token; never deliver twice
            }
            current = current.advanceTo(index, maxGapOffset);
            result.add(new TrackedDomainEventData<>(current, domainEntry(document)));
        }
        return result;
    }

    /**
     * Drops the gaps that have stayed empty for longer than the gap timeout: their append failed. Gaps are
     * timed from when this engine first saw them, so a restart only ever delays expiry, never hastens it.
     */
    private GapAwareTrackingToken expireGaps(GapAwareTrackingToken token) {
        if (!token.hasGaps()) {
            return token;
        }
        Instant now = clock.instant();
        Instant deadline = now.minus(gapTimeout);
        long truncateBelow = Long.MIN_VALUE;
        boolean expiring = true;
        for (Long gap : token.getGaps()) {
            Instant seen = gapFirstSeen.computeIfAbsent(gap, g -> now);   // every gap's clock starts now
            expiring = expiring && !seen.isAfter(deadline);
            if (expiring) {
                truncateBelow = gap + 1;
            }
        }
        if (gapFirstSeen.size() > 4 * maxGapOffset) {
            Instant forgotten = now.minus(gapTimeout.multipliedBy(2));
            gapFirstSeen.values().removeIf(seen -> seen.isBefore(forgotten));
        }
        return truncateBelow == Long.MIN_VALUE ? token : token.withGapsTruncatedAt(truncateBelow);
    }

    /** The highest global index allocated so far (0 when the store is empty). */
    public long head() {
        Document counter = counters.find(Filters.eq("_id", COUNTER_ID)).first();
        return counter == null ? 0L : ((Number) counter.get("value")).longValue();
    }

    @Override
    public TrackingToken createTailToken() {
        return GapAwareTrackingToken.newInstance(0, List.of());
    }

    @Override
    public TrackingToken createHeadToken() {
        return GapAwareTrackingToken.newInstance(head(), List.of());
    }

    /**
     * The token just before the first event recorded at or after {@code dateTime}, found by binary search
     * over the global index (recording times grow with the index, up to in-flight appends).
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long low = 1;
        long high = head();
        long answer = high + 1;
        while (low <= high) {
            long mid = (low + high) >>> 1;
            Document document = nearestAtOrAfter(mid, high);
            if (document == null) {
                high = mid - 1;
                continue;
            }
            long index = document.getLong("_id");
            if (!Instant.parse(document.getString("timestamp")).isBefore(dateTime)) {
                answer = index;
                high = mid - 1;
            } else {
                low = index + 1;
            }
        }
        return GapAwareTrackingToken.newInstance(answer - 1, List.of());
    }

    private Document nearestAtOrAfter(long index, long limit) {
        for (long i = index; i <= limit; i += 64) {
            List<Long> ids = LongStream.range(i, Math.min(limit + 1, i + 64)).boxed().toList();
            Document first = events.find(Filters.in("_id", ids)).projection(new Document("timestamp", 1))
                    .into(new ArrayList<>()).stream().min(Comparator.comparingLong(d -> d.getLong("_id")))
                    .orElse(null);
            if (first != null) {
                return first;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ mapping

    private static DomainEventData<String> domainEntry(Document d) {
        return new GenericDomainEventEntry<>(d.getString("type"), d.getString("aggregateIdentifier"),
                d.getLong("sequenceNumber"), d.getString("eventIdentifier"), d.getString("timestamp"),
                d.getString("payloadType"), d.getString("payloadRevision"), d.getString("payload"),
                d.getString("metaData"));
    }

    /** Duplicate (aggregate, sequence) keys are concurrent modifications. */
    static final class MongoDuplicateKeyResolver implements PersistenceExceptionResolver {
        @Override
        public boolean isDuplicateKeyViolation(Exception exception) {
            if (exception instanceof MongoWriteException write) {
                return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
            }
            if (exception instanceof MongoBulkWriteException bulk) {
                return bulk.getWriteErrors().stream()
                        .anyMatch(e -> ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY);
            }
            return exception instanceof MongoException mongo
                    && ErrorCategory.fromErrorCode(mongo.getCode()) == ErrorCategory.DUPLICATE_KEY;
        }
    }

    public static class Builder extends BatchingEventStorageEngine.Builder {
        private MongoDatabase database;
        private String eventsCollection = "events";
        private String snapshotsCollection = "snapshots";
        private String countersCollection = "event_counters";
        private Duration gapTimeout = Duration.ofSeconds(60);
        private int maxGapOffset = 10_000;
        private int lookAheadWindows = 10;
        private Clock clock = Clock.systemUTC();

        public Builder() {
            persistenceExceptionResolver(new MongoDuplicateKeyResolver());
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder collections(String events, String snapshots, String counters) {
            this.eventsCollection = events;
            this.snapshotsCollection = snapshots;
            this.countersCollection = counters;
            return this;
        }

        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        public Builder maxGapOffset(int maxGapOffset) {
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() {
            super.validate();
            if (database == null) {
                throw new org.axonframework.common.AxonConfigurationException("a MongoDatabase is required");
            }
        }

        public GapAwareMongoEventStorageEngine build() {
            validate();
            return new GapAwareMongoEventStorageEngine(this);
        }
    }
}
