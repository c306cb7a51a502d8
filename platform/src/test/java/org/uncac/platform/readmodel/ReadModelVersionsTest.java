package org.uncac.platform.readmodel;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.uncac.platform.test.InMemoryMongo;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A folded read model is rebuilt when its counter moves, and only then; the folds kept are bounded. */
class ReadModelVersionsTest {

    private static InMemoryMongo mongo;
    private static MongoClient client;
    private static ReadModelVersions versions;

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start();
        client = MongoClients.create(mongo.connectionString());
        versions = new ReadModelVersions(new ReactiveMongoTemplate(client, "versions_test"));
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    private static String fold(String key, AtomicInteger loads) {
        return versions.cached(key, () -> Mono.fromSupplier(() -> "fold " + loads.incrementAndGet())).block();
    }

    @Test
    void foldedOncePerChangeOfItsCounter() {
        AtomicInteger loads = new AtomicInteger();
        assertThat(fold("responses/a", loads)).isEqualTo("fold 1");
        assertThat(fold("responses/a", loads)).isEqualTo("fold 1");
        versions.bump("responses/a");
        assertThat(fold("responses/a", loads)).isEqualTo("fold 2");
        assertThat(fold("responses/a", loads)).isEqualTo("fold 2");
        versions.bump("responses/other");
        assertThat(fold("responses/a", loads)).isEqualTo("fold 2");
    }

    @Test
    void theLeastRecentlyUsedFoldIsDroppedBeyondTheBound() {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger recent = new AtomicInteger();
        fold("lru/first", first);
        fold("lru/recent", recent);
        for (int i = 0; i < ReadModelVersions.MAX_CACHED - 2; i++) {
            fold("lru/" + i, new AtomicInteger());
        }
        fold("lru/recent", recent);          // used again: now the most recent
        fold("lru/one-too-many", new AtomicInteger());
        assertThat(fold("lru/recent", recent)).isEqualTo("fold 1");
        assertThat(fold("lru/first", first)).isEqualTo("fold 2");
    }
}
