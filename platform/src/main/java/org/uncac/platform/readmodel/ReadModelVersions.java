package org.uncac.platform.readmodel;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A change counter per read model, kept next to it in MongoDB. Projections bump it after every change;
 * queries that fold a whole read model in memory (as-at answers over the full history) keep the folded
 * form and rebuild it only when the counter has moved. One point look-up per query instead of a full load,
 * and correct with any number of instances, since every instance reads the same counter. Keys may be per
 * read model or per entity (one note verbale's responses); at most {@link #MAX_CACHED} folded forms are kept.
 */
public class ReadModelVersions {

    static final String COLLECTION = "read_model_versions";

    /** Folded forms kept in this instance; the least recently used go first (keys may be per note verbale). */
    static final int MAX_CACHED = 2_000;

    private final ReactiveMongoTemplate mongo;
    private final Map<String, Cached<?>> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached<?>> eldest) {
            return size() > MAX_CACHED;
        }
    });

    public ReadModelVersions(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records that the read model {@code key} changed (call from projections, after the change). */
    public void bump(String key) {
        mongo.findAndModify(Query.query(Criteria.where("_id").is(key)), new Update().inc("version", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION).block();
    }

    public Mono<Long> current(String key) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(key)), Document.class, COLLECTION)
                .map(d -> ((Number) d.get("version")).longValue())
                .defaultIfEmpty(0L);
    }

    /** The folded form of read model {@code key}, rebuilt by {@code loader} only when its version moved. */
    @SuppressWarnings("unchecked")
    public <T> Mono<T> cached(String key, Supplier<Mono<T>> loader) {
        return current(key).flatMap(version -> {
            Cached<?> hit = cache.get(key);
            if (hit != null && hit.version == version) {
                return Mono.just((T) hit.value);
            }
            return loader.get().doOnNext(value -> cache.put(key, new Cached<>(version, value)));
        });
    }

    private record Cached<T>(long version, T value) {
    }
}
