package org.uncac.embeddedmongo;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncac.embeddedmongo.OrderedKeysH2Backend.KeyValueType;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderedKeysH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void keysAreTotallyOrderedAndEqualExactlyWhenEqual() {
        Random random = new Random(7);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            keys.add(new KeyValue(randomValue(random), randomValue(random)));
        }
        KeyValueType type = new KeyValueType();
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int ab = type.compare(a, b);
                assertThat(Integer.signum(ab)).isEqualTo(-Integer.signum(type.compare(b, a)));
                assertThat(ab == 0).isEqualTo(a.equals(b));
            }
        }
        keys.sort(type::compare);
        for (int i = 0; i + 2 < keys.size(); i++) {   // sorted stays sorted: transitive on this sample
            assertThat(type.compare(keys.get(i), keys.get(i + 2))).isLessThanOrEqualTo(0);
        }
    }

    @Test
    void uniqueIndexesFindRejectAndSurviveARestart() {
        Path file = dir.resolve("store.mv");
        MongoServer server = EmbeddedMongoServer.start(file, "127.0.0.1", 0);
        try (MongoClient client = client(server)) {
            MongoCollection<Document> events = client.getDatabase("t").getCollection("events");
            events.createIndex(Indexes.ascending("aggregate", "seq"), new IndexOptions().unique(true));
            for (int i = 0; i < 1_000; i++) {
                events.insertOne(new Document("_id", (long) i).append("aggregate", "note-" + (i % 50)).append("seq", (long) (i / 50)));
            }
            assertThat(events.find(Filters.in("_id", 3L, 999L, 5_000L)).into(new ArrayList<>())).hasSize(2);
            assertThat(events.find(Filters.and(Filters.eq("aggregate", "note-7"), Filters.eq("seq", 12L))).first())
                    .extracting(d -> d.get("_id")).isEqualTo(12L * 50 + 7);
            assertDuplicateRejected(events);
        } finally {
            server.shutdown();
        }

        MongoServer reopened = EmbeddedMongoServer.start(file, "127.0.0.1", 0);
        try (MongoClient client = client(reopened)) {
            MongoCollection<Document> events = client.getDatabase("t").getCollection("events");
            assertThat(events.countDocuments()).isEqualTo(1_000);
            assertThat(events.find(Filters.eq("_id", 640L)).first()).extracting(d -> d.get("aggregate")).isEqualTo("note-40");
            assertThat(events.find(Filters.and(Filters.eq("aggregate", "note-49"), Filters.eq("seq", 19L))).first())
                    .extracting(d -> d.get("_id")).isEqualTo(999L);
            assertDuplicateRejected(events);
        } finally {
            reopened.shutdown();
        }
    }

    private static void assertDuplicateRejected(MongoCollection<Document> events) {
        assertThatThrownBy(() -> events.insertOne(new Document("_id", 10_000L).append("aggregate", "note-3").append("seq", 4L)))
                .isInstanceOf(MongoWriteException.class)
                .satisfies(e -> assertThat(((MongoWriteException) e).getCode()).isEqualTo(11000));
        assertThatThrownBy(() -> events.insertOne(new Document("_id", 5L).append("aggregate", "x").append("seq", 0L)))
                .isInstanceOf(MongoWriteException.class);
    }

    private static MongoClient client(MongoServer server) {
        InetSocketAddress address = server.getLocalAddress();
        return MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    private static Object randomValue(Random random) {
        switch (random.nextInt(6)) {
            case 0: return null;
            case 1: return "s" + random.nextInt(5);
            case 2: return (long) random.nextInt(5);
            case 3: return random.nextInt(5);
            case 4: return random.nextInt(3) / 2.0;
            default: return random.nextBoolean();
        }
    }
}
