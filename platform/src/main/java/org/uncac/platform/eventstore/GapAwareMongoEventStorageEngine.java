package org.uncac.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PrimitiveIterator;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * An Axon {@code EventStorageEngine} on MongoDB with a global, gap-aware sequence.
 *
 * <p>Every append takes a contiguous block of global indexes from one counter document with a single
 * atomic {@code $inc}, then inserts one document per event whose {@code _id} is its global index. Readers
 * track with Axon's {@link GapAwareTrackingToken}: an index that was allocated but is not (yet) visible is
 * remembered as a gap and looked up again on every poll.
 *
 * <p>A reader gives an index up only by storing a {@link Tombstone} there. The unique {@code _id} lets exactly
 * one of the tombstone and the late writer win; the reader then reads the index back and delivers whichever
 * won, and a writer that lost stores the rest of its events at fresh indexes before it acknowledges. So every
 * acknowledged event reaches every processor, and no index stays empty for good. Indexes are given up
 * <ul>
 *   <li>by the writer itself when its append fails (the unused rest of its block);</li>
 *   <li>by a reader when a gap has been missing for longer than the gap timeout, or would otherwise fall out of
 *       the token ({@code maxGapOffset});</li>
 *   <li>by a reader that finds nothing in {@code lookAheadWindows} windows of a batch although the head is
 *       further: the next stored index is found with one range query, and the hole before it is tombstoned.</li>
 * </ul>
 * Tombstones are delivered as events that no handler handles, so tracking processors store their tokens past
 * them; a tombstone followed by an event in the same batch is not delivered at all (the event's token covers it).
 *
 * <p>Every other query is a point lookup on a unique index ({@code _id} or {@code aggSeq}, using {@code $in}
 * for batches), never a range scan. Real MongoDB serves these from its B-trees; the embedded mongo-java-server,
 * which answers range queries by scanning the whole collection, serves them from its hash indexes. That is
 * what keeps catch-up and aggregate loading flat as the store grows.
 *
 * <p>Optimistic concurrency: the unique key {@code aggSeq} ("aggregate id/sequence number") is the
 * (aggregate identifier, sequence number) pair encoded as one value, because a single-field key is what
 * both servers can use for {@code $in} look-ups. A tombstone's key is {@code ~tombstone/<index>}.
 */
public class GapAwareMongoEventStorageEngine extends BatchingEventStorageEngine {

    static final String COUNTER_ID = "globalIndex";
    /** The aggregate identifier of tombstones, with the global index as their sequence number. */
    static final String TOMBSTONE_AGGREGATE = "~tombstone";
    /** How many times an append stores the rest of its events at fresh indexes after readers gave its indexes up. */
    static final int MAX_INDEX_ATTEMPTS = 10;
    /** Tombstones per {@code insertMany}. */
    static final int TOMBSTONE_CHUNK = 1_000;
    /** How long a finding "nothing is stored after this hole" is trusted while the head stays where it was. */
    static final Duration EMPTY_TAIL_RECHECK = Duration.ofSeconds(1);

    private static final String TOMBSTONE_FLAG = "tombstone";
    private static final Logger logger = LoggerFactory.getLogger(GapAwareMongoEventStorageEngine.class);

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> counters;
    private final Duration gapTimeout;
    private final int maxGapOffset;
    private final int lookAheadWindows;
    private final Clock clock;
    private final Map<Long, Instant> gapFirstSeen = new ConcurrentHashMap<>();
    private volatile EmptyTail emptyTail;

    /** At {@code head}, no document was stored after {@code after} (seen {@code at}). */
    private record EmptyTail(long after, long head, Instant at) {
    }

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
                new UpdateOptions().upsert(true));
    }

    // ------------------------------------------------------------------ appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        if (messages.isEmpty()) {
            return;
        }
        List<Document> documents = toDocuments(messages, serializer);
        long last = allocate(documents.size());
        store(last - documents.size() + 1, documents, messages);
    }

    /** Stores events at global indexes taken earlier (split from allocation so tests can delay it). */
    void insertAt(long firstIndex, List<? extends EventMessage<?>> messages, Serializer serializer) {
        store(firstIndex, toDocuments(messages, serializer), messages);
    }

    /**
     * Inserts the documents in order from {@code firstIndex} on. When an index turns out to be taken by a
     * tombstone (a reader gave it up while this writer was slow), the events before it are stored, and the rest
     * are stored at a fresh block: later than every index any reader has passed, so each is delivered once.
     * Whatever part of a block stays unused is tombstoned at once, so a failed append leaves no hole.
     */
    private void store(long firstIndex, List<Document> documents, List<? extends EventMessage<?>> messages) {
        long first = firstIndex;
        int stored = 0;
        for (int attempt = 1; ; attempt++) {
            List<Document> batch = withIndexes(first, documents.subList(stored, documents.size()));
            long last = first + batch.size() - 1;
            try {
                events.insertMany(batch, new InsertManyOptions().ordered(true));
                return;
            } catch (MongoBulkWriteException e) {
                // ordered: the documents before the first error are stored, none after it
                BulkWriteError error = e.getWriteErrors().isEmpty() ? null : e.getWriteErrors().get(0);
                int failed = error == null ? 0 : error.getIndex();
                tombstoneQuietly(first + failed, last);
                if (error == null || !lostIndexOnly(error, batch.get(failed))) {
                    handlePersistenceException(e, messages.get(stored + failed));
                }
                stored += failed;
                if (attempt == MAX_INDEX_ATTEMPTS) {
                    throw new EventStoreException("Readers gave up the global indexes of this append " + attempt
                            + " times; " + stored + " of its " + documents.size() + " events are stored", e);
                }
                int remaining = documents.size() - stored;
                first = allocate(remaining) - remaining + 1;
            } catch (MongoException e) {
                tombstoneQuietly(first, last);
                handlePersistenceException(e, messages.get(stored));
            }
        }
    }

    /**
     * Whether a duplicate key is the global index alone (a reader's tombstone got there first) rather than the
     * aggregate's sequence number (a concurrent modification). Decided by looking the sequence key up, which
     * answers the same on every server whatever its error message says.
     */
    private boolean lostIndexOnly(BulkWriteError error, Document document) {
        return error.getCategory() == ErrorCategory.DUPLICATE_KEY
                && events.find(Filters.eq("aggSeq", document.getString("aggSeq")))
                .projection(new Document("_id", 1)).first() == null;
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

    private static List<Document> toDocuments(List<? extends EventMessage<?>> messages, Serializer serializer) {
        List<Document> documents = new ArrayList<>(messages.size());
        for (EventMessage<?> message : messages) {
            documents.add(toDocument(message, serializer));
        }
        return documents;
    }

    private static List<Document> withIndexes(long firstIndex, List<Document> documents) {
        List<Document> indexed = new ArrayList<>(documents.size());
        long index = firstIndex;
        for (Document document : documents) {
            Document copy = new Document("_id", index++);
            copy.putAll(document);
            indexed.add(copy);
        }
        return indexed;
    }

    /** The stored form of an event, without its global index. */
    private static Document toDocument(EventMessage<?> message, Serializer serializer) {
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
        return new Document("aggregateIdentifier", aggregateId)
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
        Document document = new Document("_id", snapshot.getAggregateIdentifier());
        document.putAll(toDocument(snapshot, serializer));
        document.remove("aggSeq");
        try {
            snapshots.replaceOne(Filters.eq("_id", snapshot.getAggregateIdentifier()), document,
                    new ReplaceOptions().upsert(true));
        } catch (MongoException e) {
            handlePersistenceException(e, snapshot);
        }
    }

    // ------------------------------------------------------------------ tombstones

    /**
     * Stores a tombstone at each of the given indexes that holds nothing yet (unordered: an index already taken,
     * by its event or another reader's tombstone, is simply skipped). Other failures are thrown.
     */
    void tombstone(Collection<Long> indexes) {
        tombstone(indexes.stream().mapToLong(Long::longValue).iterator());
    }

    private void tombstone(PrimitiveIterator.OfLong indexes) {
        List<Document> chunk = new ArrayList<>();
        while (indexes.hasNext()) {
            chunk.add(tombstoneDocument(indexes.nextLong()));
            if (chunk.size() == TOMBSTONE_CHUNK || !indexes.hasNext()) {
                try {
                    events.insertMany(chunk, new InsertManyOptions().ordered(false));
                } catch (MongoBulkWriteException e) {
                    boolean onlyTaken = e.getWriteConcernError() == null && e.getWriteErrors().stream()
                            .allMatch(error -> error.getCategory() == ErrorCategory.DUPLICATE_KEY);
                    if (!onlyTaken) {
                        throw e;
                    }
                }
                chunk.clear();
            }
        }
    }

    /** The writer's own unused indexes: best effort, since readers tombstone what is left over after the timeout. */
    private void tombstoneQuietly(long first, long last) {
        try {
            tombstone(LongStream.rangeClosed(first, last).iterator());
        } catch (MongoException e) {
            logger.debug("Could not tombstone the unused global indexes {}..{}; readers will", first, last, e);
        }
    }

    private Document tombstoneDocument(long index) {
        GenericDomainEventMessage<Tombstone> message = new GenericDomainEventMessage<>(null, TOMBSTONE_AGGREGATE,
                index, new Tombstone(index), MetaData.emptyInstance(), UUID.randomUUID().toString(), clock.instant());
        Document document = new Document("_id", index);
        document.putAll(toDocument(message, getEventSerializer()));
        return document.append(TOMBSTONE_FLAG, true);
    }

    private static boolean isTombstone(Document document) {
        return Boolean.TRUE.equals(document.getBoolean(TOMBSTONE_FLAG));
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
            found.removeIf(GapAwareMongoEventStorageEngine::isTombstone);
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
        Document document = events.find(Filters.eq("aggSeq", aggSeq(aggregateIdentifier, sequence)))
                .projection(new Document("_id", 1).append(TOMBSTONE_FLAG, 1)).first();
        return document != null && !isTombstone(document);
    }

    // ------------------------------------------------------------------ tracking

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = lastToken == null
                ? GapAwareTrackingToken.newInstance(0, List.of())
                : (GapAwareTrackingToken) lastToken;
        long head = head();
        if (!token.hasGaps() && token.getIndex() >= head) {
            return List.of();
        }
        tombstoneExpiredGaps(token);
        SortedMap<Long, Document> found = new TreeMap<>();
        List<Long> ids = new ArrayList<>(token.getGaps());
        long from = token.getIndex() + 1;
        long scanned = token.getIndex();
        // look past in-flight appends up to a few windows ahead, never past the allocated head
        for (int window = 0; window < lookAheadWindows; window++) {
            long to = Math.min(head, from + batchSize - 1);
            LongStream.rangeClosed(from, to).forEach(ids::add);
            readInto(found, ids);
            scanned = Math.max(scanned, to);
            if (to >= head || foundAfter(found, token.getIndex())) {
                break;
            }
            ids.clear();
            from = to + 1;
        }
        if (scanned < head && !foundAfter(found, token.getIndex())) {
            passHole(token.getIndex(), scanned, head, batchSize, found);
        }
        keepGapsWithinOffset(token, found);
        return deliver(token, found);
    }

    private void readInto(SortedMap<Long, Document> found, List<Long> ids) {
        if (!ids.isEmpty()) {
            events.find(Filters.in("_id", ids)).forEach(document -> found.put(document.getLong("_id"), document));
        }
    }

    private static boolean foundAfter(SortedMap<Long, Document> found, long index) {
        return !found.isEmpty() && found.lastKey() > index;
    }

    /**
     * Gives up the gaps that have stayed empty for longer than the gap timeout by tombstoning them; the look-up
     * that follows delivers whichever won, the tombstone or a late writer. Gaps are timed from when this engine
     * first saw them, so a restart only ever delays giving up, never hastens it.
     */
    private void tombstoneExpiredGaps(GapAwareTrackingToken token) {
        if (!token.hasGaps()) {
            return;
        }
        Instant now = clock.instant();
        Instant deadline = now.minus(gapTimeout);
        List<Long> expired = new ArrayList<>();
        for (Long gap : token.getGaps()) {
            Instant seen = gapFirstSeen.computeIfAbsent(gap, g -> now);   // every gap's clock starts now
            if (!seen.isAfter(deadline)) {
                expired.add(gap);
            }
        }
        if (gapFirstSeen.size() > 4 * maxGapOffset) {
            Instant forgotten = now.minus(gapTimeout.multipliedBy(2));
            gapFirstSeen.values().removeIf(seen -> seen.isBefore(forgotten));
        }
        if (!expired.isEmpty()) {
            tombstone(expired);
        }
    }

    /**
     * Nothing in {@code lookAheadWindows} windows, yet the head is further: a hole (a crashed writer's block).
     * One range query finds the next stored index (real MongoDB serves it from the {@code _id} index); every
     * index before it has been missing across more than the look-ahead and is tombstoned, so the token crosses
     * the hole without holding it as gaps. A writer still in flight in there loses its indexes and stores its
     * events at fresh ones. When nothing is stored after the hole, that answer is kept while the head stays put,
     * so that idle processors do not repeat the range query on every poll.
     */
    private void passHole(long index, long scanned, long head, int batchSize, SortedMap<Long, Document> found) {
        Instant now = clock.instant();
        EmptyTail known = emptyTail;
        if (known != null && known.head() == head && scanned >= known.after()
                && now.isBefore(known.at().plus(EMPTY_TAIL_RECHECK))) {
            return;
        }
        Document next = events.find(Filters.gt("_id", scanned)).sort(Sorts.ascending("_id"))
                .projection(new Document("_id", 1)).limit(1).first();
        if (next == null) {
            emptyTail = new EmptyTail(scanned, head, now);
            return;
        }
        long nextIndex = next.getLong("_id");
        tombstone(LongStream.range(index + 1, nextIndex).iterator());
        readInto(found, LongStream.rangeClosed(index + 1, Math.min(nextIndex, index + batchSize)).boxed().toList());
    }

    /**
     * {@link GapAwareTrackingToken#advanceTo} forgets gaps more than {@code maxGapOffset} below the new index.
     * None is forgotten without its tombstone: those gaps are tombstoned and read back first, so that a late
     * writer that won is delivered.
     */
    private void keepGapsWithinOffset(GapAwareTrackingToken token, SortedMap<Long, Document> found) {
        if (found.isEmpty()) {
            return;
        }
        long keepFrom = Math.max(found.lastKey(), token.getIndex()) - maxGapOffset;
        List<Long> falling = new ArrayList<>();
        for (Long gap : token.getGaps().headSet(keepFrom)) {
            if (!found.containsKey(gap)) {
                falling.add(gap);
            }
        }
        for (long index = token.getIndex() + 1; index < Math.min(keepFrom, found.lastKey()); index++) {
            if (!found.containsKey(index)) {
                falling.add(index);
            }
        }
        if (!falling.isEmpty()) {
            tombstone(falling);
            readInto(found, falling);
        }
    }

    /**
     * The found documents in index order, each with the token after it. A tombstone is delivered only when no
     * event follows it in this batch: an event's token already covers the tombstones before it.
     */
    private List<TrackedEventData<?>> deliver(GapAwareTrackingToken token, SortedMap<Long, Document> found) {
        List<TrackedEventData<?>> result = new ArrayList<>(found.size());
        TrackedEventData<?> lastTombstone = null;
        GapAwareTrackingToken current = token;
        for (Document document : found.values()) {
            long index = document.getLong("_id");
            if (index <= current.getIndex() && !current.getGaps().contains(index)) {
                continue; // cannot happen for a well-formed token; never deliver twice
            }
            current = current.advanceTo(index, maxGapOffset);
            gapFirstSeen.remove(index);
            TrackedEventData<?> data = new TrackedDomainEventData<>(current, domainEntry(document));
            if (isTombstone(document)) {
                lastTombstone = data;
            } else {
                result.add(data);
                lastTombstone = null;
            }
        }
        if (lastTombstone != null) {
            result.add(lastTombstone);
        }
        return result;
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
     * over the global index (recording times grow with the index, up to in-flight appends). Tombstones carry
     * the time they were written, not a place in that order, and are passed over.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long low = 1;
        long high = head();
        long answer = high + 1;
        while (low <= high) {
            long mid = (low + high) >>> 1;
            Document document = nearestEventAtOrAfter(mid, high);
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

    private Document nearestEventAtOrAfter(long index, long limit) {
        for (long i = index; i <= limit; i += 64) {
            List<Long> ids = LongStream.range(i, Math.min(limit + 1, i + 64)).boxed().toList();
            Document first = events.find(Filters.in("_id", ids))
                    .projection(new Document("timestamp", 1).append(TOMBSTONE_FLAG, 1))
                    .into(new ArrayList<>()).stream()
                    .filter(document -> !isTombstone(document))
                    .min(Comparator.comparingLong(d -> d.getLong("_id")))
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

        /** How long a gap is waited for before a reader gives it up with a tombstone (a late writer then retries). */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        /** How far below the token's index gaps are kept; older ones are tombstoned rather than forgotten. */
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
        public Builder upcasterChain(EventUpcaster upcasterChain) {
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
                throw new AxonConfigurationException("a MongoDatabase is required");
            }
        }

        public GapAwareMongoEventStorageEngine build() {
            validate();
            return new GapAwareMongoEventStorageEngine(this);
        }
    }
}
